package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * psql, SQL*Plus, MySQL client and H2 includes run a file sqlguard does not read through them: each is said, never
 * passed over.
 */
class ScriptIncludeRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | \\i sql/purge.sql\\nCREATE TABLE t (id int); | 1:1 \\i sql/purge.sql runs another file",
        "AUTO | \\ir ../common/cleanup.sql\\nDELETE FROM t WHERE id = 1; | 1:1 \\ir ../common/cleanup.sql runs another file",
        "POSTGRESQL | CREATE TABLE t (id int);\\n\\include_relative x.sql\\nSELECT 1; | 2:1 \\include_relative x.sql runs another file",
        "POSTGRESQL | \\set ON_ERROR_STOP on\\nSELECT 1; | -",
        "POSTGRESQL | SELECT '\\i x.sql'; | -",
        "ORACLE | @cleanup.sql\\nCREATE TABLE t (id NUMBER); | 1:1 @cleanup.sql runs another file",
        "ORACLE | SET DEFINE OFF\\nPROMPT purging\\n@@purge_all\\nCREATE TABLE t (id NUMBER); | 3:1 @@purge_all runs another file",
        "ORACLE | CREATE TABLE t (id NUMBER);\\n  @scripts/seed/prices.sql\\n/ | 2:3 @scripts/seed/prices.sql runs another file",
        "AUTO | @@purge_all.sql\\nDELETE FROM t WHERE id = 1; | 1:1 @@purge_all.sql runs another file",
        "ORACLE | SELECT 'x' FROM dual WHERE '@a.sql' = 'y'; | -",
        "ORACLE | START cleanup.sql 'core'\\nDROP VIEW v; | 1:1 START cleanup.sql 'core' runs another file",
        "AUTO | START TRANSACTION;\\nSELECT 1; | -",
        "ORACLE | SELECT id FROM t\\nSTART WITH parent IS NULL CONNECT BY PRIOR id = parent; | -",
        "SQLSERVER | @cleanup.sql\\nSELECT 1; | -",
        "AUTO | SELECT @a = 1,\\n       @b = 2; | -",
        "AUTO | UPDATE t SET x = 1 WHERE id =\\n@id; | -",
        "MYSQL | SOURCE /opt/app/sql/wipe_sessions.sql\\nSELECT 1; | 1:1 SOURCE /opt/app/sql/wipe_sessions.sql runs another file",
        "MARIADB | CREATE TABLE t (id int);\\n\\. seed/prices.sql\\n | 2:1 \\. seed/prices.sql runs another file",
        "H2 | RUNSCRIPT FROM 'classpath:db/wipe.sql'; | 1:1 RUNSCRIPT FROM 'classpath:db/wipe.sql' runs another file",
        "AUTO | RUNSCRIPT FROM 'db/wipe.sql' CHARSET 'UTF-8'; | 1:1 RUNSCRIPT FROM 'db/wipe.sql' CHARSET 'UTF-8' runs another file",
        "MYSQL | SELECT source FROM imports WHERE id = 1; | -",
        "POSTGRESQL | RUNSCRIPT FROM 'x.sql'; | -",
        "SQLSERVER | :setvar Schema dbo\\n:r .\\purge_sessions.sql\\nGO | 2:1 :r .\\purge_sessions.sql runs another file",
        "SQLSERVER | SELECT CASE WHEN 1 = 1 THEN 'a' END\\n:R \"C:\\scripts\\purge all.sql\"\\nGO | 2:1 :R \"C:\\scripts\\purge all.sql\" runs another file",
        "AUTO | :r common/wipe.sql\\nDELETE FROM t WHERE id = 1; | 1:1 :r common/wipe.sql runs another file",
        "AUTO | :r .\\purge_sessions.sql\\nGO | 1:1 :r .\\purge_sessions.sql runs another file",
        "AUTO | :r C:\\Data\\scripts\\wipe.sql\\nGO | 1:1 :r C:\\Data\\scripts\\wipe.sql runs another file",
        "SQLSERVER | SELECT ':r x.sql' AS note; | -",
        "SQLSERVER | :setvar r 1\\nSELECT 1; | -",
        "AUTO | INSERT INTO t (a, b) VALUES (\\n:r, :s); | -",
        "AUTO | UPDATE t SET a = 1 WHERE b =\\n:r AND c = 2; | -",
        "AUTO | UPDATE t SET a = 1 WHERE b =\\n:r AND c IS NULL; | -",
        "ORACLE | DEFINE part = app_&1\\n@&part &2\\nCREATE TABLE t (id NUMBER); | 2:1 @&part &2 runs another file",
        "ORACLE | @@&&setup_script\\nSELECT 1 FROM dual; | 1:1 @@&&setup_script runs another file",
        "AUTO | DEFINE part = app_&1\\n@&part\\nSELECT 1; | 2:1 @&part runs another file",
        "AUTO | SET FEEDBACK OFF\\nDEFINE v = 1\\n@@seed/rows.sql\\nSELECT 1; | 3:1 @@seed/rows.sql runs another file",
        "ORACLE | SELECT * FROM orders\\n@&remote_link; | -",
        "ORACLE | PROMPT specs\\n@../lib/billing_api.pks\\nSELECT 1 FROM dual; | 2:1 @../lib/billing_api.pks runs another file",
        "ORACLE | @@./seed/rows.sql\\nSELECT 1 FROM dual; | 1:1 @@./seed/rows.sql runs another file",
        "ORACLE | @/opt/app/sql/wipe.sql\\nSELECT 1 FROM dual; | 1:1 @/opt/app/sql/wipe.sql runs another file",
        // SQL*Plus reads ? as the Oracle home.
        "ORACLE | @?/rdbms/admin/utlrp.sql\\nSELECT 1 FROM dual; | 1:1 @?/rdbms/admin/utlrp.sql runs another file",
        "AUTO | @?/rdbms/admin/utlrp.sql\\nSELECT 1; | 1:1 @?/rdbms/admin/utlrp.sql runs another file",
        "POSTGRESQL | SELECT * FROM t WHERE j\\n@? '$.a'; | -",
        "AUTO | @../lib/billing_api.pkb\\nSELECT 1; | 1:1 @../lib/billing_api.pkb runs another file",
        "ORACLE | @\"my scripts/wipe.sql\"\\nSELECT 1 FROM dual; | 1:1 @\"my scripts/wipe.sql\" runs another file",
        "AUTO | SELECT a FROM t\\n@./x; | -",
        "ORACLE | @016-HIVE-6386.oracle.sql;\\nSELECT 1 FROM dual; | 1:1 @016-HIVE-6386.oracle.sql runs another file",
        "ORACLE | SELECT 1 FROM dual;\\n@hive-txn-schema-0.13.0.oracle.sql;\\nSELECT 1 FROM dual; | 2:1 @hive-txn-schema-0.13.0.oracle.sql runs another file",
        "AUTO | @hive-txn-schema-0.13.0.oracle.sql;\\nSELECT 1; | 1:1 @hive-txn-schema-0.13.0.oracle.sql runs another file",
        "ORACLE | SELECT * FROM orders\\n@remote-1; | -",
        "AUTO | SELECT @a =\\n@b-1; | -",
        "AUTO | RUN 'hive-txn-schema-0.13.0.derby.sql';\\nSELECT 1; | 1:1 RUN 'hive-txn-schema-0.13.0.derby.sql' runs another file",
        "ORACLE | RUN\\nSELECT 1 FROM dual; | -",
        // Extension scripts kept as C preprocessor templates: cpp pastes the named file in place of the line.
        "POSTGRESQL | #include \"udfs/purge/1.2-1.sql\"\\nCREATE TABLE t (id int); | 1:1 #include \"udfs/purge/1.2-1.sql\" runs another file",
        "POSTGRESQL | SELECT 1;\\n  #  include <common/wipe.sql>\\nSELECT 2; | 2:3 # include <common/wipe.sql> runs another file",
        "AUTO | #include \"udfs/purge/1.2-1.sql\"\\nCREATE TABLE t (id int); | 1:1 #include \"udfs/purge/1.2-1.sql\" runs another file",
        "POSTGRESQL | SELECT 5\\n#include; | -",
        "POSTGRESQL | SELECT '#include \"x.sql\"'; | -",
    })
    void reportsIncludesOnly(Dialect dialect, String sql, String expected) {
        List<String> found = hits(dialect, sql).stream()
                .filter(hit -> hit.rule().equals("script-include"))
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.message().substring(0, hit.message().indexOf(",")))
                .toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    /** An include ends at its line: read on into the next line, it hid the statement there from every rule. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ORACLE | @@setup.sql\\ndrop table a1; | 2:1 drop-table",
        "ORACLE | @@install_component.sql 'core/a.sql'\\nalter table a2 drop column c; | 2:16 drop-column",
        "ORACLE | start other.sql\\ndrop table a5; | 2:1 drop-table",
        "ORACLE | @?/rdbms/admin/catproc.sql\\nalter table a7 drop column c; | 2:16 drop-column",
        "AUTO | @@a.sql 'x'\\n@@b.sql 'y'\\ndrop table a1; | 3:1 drop-table",
        "ORACLE | @&next_script &1\\ndrop table a3; | 2:1 drop-table",
        "AUTO | @@&next_script\\ndrop table a3; | 2:1 drop-table",
        "AUTO | WHENEVER SQLERROR EXIT\\nSPOOL wipe.log\\ndrop table a4; | 3:1 drop-table",
        "POSTGRESQL | #include \"udfs/a/1.0.sql\"\\nDO $d$ BEGIN\\n  DROP TABLE IF EXISTS a1;\\nEND $d$; | 3:3 drop-table",
        "POSTGRESQL | #include \"udfs/a/1.0.sql\"\\n#include \"udfs/b/1.0.sql\"\\nalter table a2 drop column c; | 3:16 drop-column",
        "POSTGRESQL | #include \"udfs/a/1.0.sql\";\\ndelete from a3; | 2:1 delete-without-where",
        "AUTO | #include \"udfs/a/1.0.sql\"\\ndrop table a4; | 2:1 drop-table",
    })
    void theStatementAfterAnIncludeIsChecked(Dialect dialect, String sql, String expected) {
        List<String> found = hits(dialect, sql).stream().filter(hit -> !hit.rule().equals("script-include"))
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule()).toList();
        assertEquals(List.of(expected), found);
    }

    /**
     * The MySQL client's {@code \.} and {@code SOURCE} end at their line, as release scripts list one include a
     * line without semicolons: read on into the next line, each include after the first went unreported. So they
     * do in auto, where a release script of a folder that names no database is read, and where psql's {@code \.}
     * alone on its line still ends the rows of a COPY.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MYSQL | \\. ./core/V1__a.sql\\n\\. ./core/V2__b.sql\\ncommit; | 1:1 \\. ./core/V1__a.sql; 2:1 \\. ./core/V2__b.sql",
        "MARIADB | SOURCE seed/a.sql\\nsource seed/b.sql\\n\\. seed/c.sql | 1:1 SOURCE seed/a.sql; 2:1 source seed/b.sql; 3:1 \\. seed/c.sql",
        "MYSQL | SOURCE seed/a.sql;\\nSOURCE seed/b.sql; | 1:1 SOURCE seed/a.sql; 2:1 SOURCE seed/b.sql",
        "AUTO | \\. ./core/V1__a.sql\\n\\. ./core/V2__b.sql\\nsource seed/c.sql\\ncommit; | 1:1 \\. ./core/V1__a.sql; 2:1 \\. ./core/V2__b.sql; 3:1 source seed/c.sql",
    })
    void reportsEveryMySqlIncludeOfItsOwnLine(Dialect dialect, String sql, String expected) {
        List<String> found = hits(dialect, sql).stream().filter(hit -> hit.rule().equals("script-include"))
                .map(hit -> hit.line() + ":" + hit.column() + " "
                        + hit.message().substring(0, hit.message().indexOf(" runs another file")))
                .toList();
        assertEquals(List.of(expected.split("; ")), found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MYSQL | \\. ./core/V1__a.sql\\ndrop table a1; | 2:1 drop-table",
        "MYSQL | SOURCE seed/a.sql\\n\\. seed/b.sql\\ndelete from a2; | 3:1 delete-without-where",
        "AUTO | \\. seed/a.sql\\n\\. seed/b.sql\\ndelete from a2; | 3:1 delete-without-where",
        "AUTO | COPY a3 FROM stdin;\\n1\\n\\.\\ndelete from a3; | 4:1 delete-without-where",
    })
    void theStatementAfterAMySqlIncludeIsChecked(Dialect dialect, String sql, String expected) {
        theStatementAfterAnIncludeIsChecked(dialect, sql, expected);
    }

    private static List<RulePipeline.Hit> hits(Dialect dialect, String sql) {
        return RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all());
    }
}
