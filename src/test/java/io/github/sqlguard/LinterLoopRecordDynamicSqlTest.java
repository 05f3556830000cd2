package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A query loop that builds each statement in its select list and runs the record's field whole ({@code FOR r IN
 * (SELECT 'DROP TABLE ' || table_name AS cmd FROM ..) LOOP EXECUTE IMMEDIATE r.cmd}) is checked for what the
 * select list item shows, located at its literal; the names the rows give stay built at run time.
 */
class LinterLoopRecordDynamicSqlTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP TABLE ' || table_name AS cmd FROM user_tables WHERE table_name LIKE 'TMP%') LOOP\\n    EXECUTE IMMEDIATE r.cmd;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 2:21 ## runtime-sql WARNING 3:5
            ORACLE     | DECLARE\\n  CURSOR c IS SELECT 'truncate table ' || owner || '.' || table_name stmt FROM all_tables;\\nBEGIN\\n  FOR x IN c LOOP\\n    EXECUTE IMMEDIATE x.stmt;\\n  END LOOP;\\nEND;\\n/ | truncate-table ERROR 2:23 ## runtime-sql WARNING 5:5
            ORACLE     | BEGIN\\n  FOR r IN (SELECT object_type, 'DELETE FROM ' || object_name Cmd FROM user_objects) LOOP\\n    EXECUTE IMMEDIATE r.CMD;\\n  END LOOP;\\nEND;\\n/ | delete-without-where ERROR 2:34 ## runtime-sql WARNING 3:5
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP SYNONYM ' || synonym_name AS cmd FROM user_synonyms) LOOP\\n    EXECUTE IMMEDIATE r.cmd;\\n  END LOOP;\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP TABLE ' || table_name AS cmd, table_name AS other FROM user_tables) LOOP\\n    EXECUTE IMMEDIATE r.other;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 3:5
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DELETE FROM audit_log' AS cmd FROM dual) LOOP\\n    EXECUTE IMMEDIATE r.cmd;\\n  END LOOP;\\nEND;\\n/ | delete-without-where ERROR 2:21
            ORACLE     | BEGIN\\n  FOR r IN (SELECT CASE WHEN n > 0 THEN 'a' END AS cmd, 'DROP TABLE ' || t AS x FROM q) LOOP\\n    EXECUTE IMMEDIATE r.x;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 2:58 ## runtime-sql WARNING 3:5
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP TABLE ' || table_name AS cmd FROM user_tables) LOOP\\n    NULL;\\n  END LOOP;\\n  EXECUTE IMMEDIATE r.cmd;\\nEND;\\n/ | runtime-sql WARNING 5:3
            POSTGRESQL | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT 'TRUNCATE ' || tablename AS cmd FROM pg_tables WHERE schemaname = 'staging' LOOP\\n    EXECUTE r.cmd;\\n  END LOOP;\\nEND $$; | truncate-table ERROR 4:20 ## runtime-sql WARNING 5:5
            """)
    void recordFieldRunsWhatTheSelectListBuilds(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), findings(dialect, sql));
    }

    /**
     * A field joined into the text ({@code EXECUTE IMMEDIATE 'drop ' || r.what}) is read as the item that fills it,
     * with every branch of a CASE there, so a loop that drops synonyms or views by rows of the catalogue is not taken
     * for one that may drop tables; a row loop also reaches the statements of a block inside it that goes on past
     * failures ({@code BEGIN .. EXCEPTION WHEN OTHERS THEN NULL; END}), as install scripts write their cleanups, and
     * those of a loop that a CONTINUE or EXIT may cut short, which still read its row.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'synonym ' || synonym_name AS what FROM user_synonyms) LOOP\\n    EXECUTE IMMEDIATE 'drop ' || r.what;\\n  END LOOP;\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  FOR s IN (SELECT CASE WHEN owner = 'PUBLIC' THEN 'public synonym ' ELSE 'synonym ' || owner || '.' END || synonym_name AS what FROM all_synonyms) LOOP\\n    EXECUTE IMMEDIATE 'drop ' || s.what;\\n  END LOOP;\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'table ' || table_name AS what FROM user_tables) LOOP\\n    EXECUTE IMMEDIATE 'drop ' || r.what || ' purge';\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 3:5 ## drop-table ERROR 3:24
            ORACLE     | BEGIN\\n  FOR r IN (SELECT table_name FROM user_tables) LOOP\\n    EXECUTE IMMEDIATE 'drop table ' || r.table_name;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 3:24
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'synonym ' || synonym_name AS what FROM user_synonyms) LOOP\\n    NULL;\\n  END LOOP;\\n  EXECUTE IMMEDIATE 'drop ' || r.what;\\nEND;\\n/ | runtime-sql WARNING 5:3 ## drop-table ERROR 5:22
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP SYNONYM ' || synonym_name AS cmd FROM user_synonyms) LOOP\\n    BEGIN\\n      EXECUTE IMMEDIATE r.cmd;\\n    EXCEPTION\\n      WHEN OTHERS THEN NULL;\\n    END;\\n  END LOOP;\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP TABLE ' || table_name AS cmd FROM user_tables) LOOP\\n    BEGIN\\n      EXECUTE IMMEDIATE r.cmd;\\n    EXCEPTION\\n      WHEN OTHERS THEN NULL;\\n    END;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 2:21 ## runtime-sql WARNING 4:7
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'view ' || view_name AS what FROM user_views) LOOP\\n    BEGIN\\n      EXECUTE IMMEDIATE 'drop ' || r.what;\\n    EXCEPTION\\n      WHEN OTHERS THEN NULL;\\n    END;\\n  END LOOP;\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP TABLE ' || table_name AS cmd FROM user_tables) LOOP\\n    EXECUTE IMMEDIATE r.cmd;\\n    EXIT WHEN r.cmd IS NULL;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 2:21 ## runtime-sql WARNING 3:5
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP TABLE ' || table_name AS cmd FROM user_tables) LOOP\\n    CONTINUE WHEN r.cmd IS NULL;\\n    EXECUTE IMMEDIATE r.cmd;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 2:21 ## runtime-sql WARNING 4:5
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'view ' || view_name AS what FROM user_views) LOOP\\n    CONTINUE WHEN r.what IS NULL;\\n    EXECUTE IMMEDIATE 'drop ' || r.what;\\n  END LOOP;\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  FOR r IN (SELECT 'DROP SYNONYM ' || synonym_name AS cmd FROM user_synonyms) LOOP\\n    IF r.cmd IS NOT NULL THEN\\n      BEGIN\\n        EXECUTE IMMEDIATE r.cmd;\\n      END;\\n    END IF;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 5:9
            """)
    void recordFieldJoinedIntoTheTextOrRunInAnInnerBlockIsReadFromTheSelectList(Dialect dialect, String sql,
            String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), findings(dialect, sql));
    }

    /**
     * A column joined into the text takes the values the loop's WHERE names for it ({@code object_type IN ('VIEW',
     * 'SYNONYM')}), one text for each, or the one value it names ({@code table_name = 'TMP_A'}); a WHERE that lets it
     * be anything else (an OR, a NOT IN) leaves it unknown. Several names are each read, and the one finding at the
     * text's DROP names them all.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            ORACLE     | BEGIN\\n  FOR x IN (SELECT object_name, object_type FROM user_objects WHERE object_type IN ('PACKAGE', 'VIEW', 'SYNONYM')) LOOP\\n    EXECUTE IMMEDIATE 'drop ' || x.object_type || ' ' || x.object_name;\\n  END LOOP;\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  FOR x IN (SELECT o.object_name, o.object_type kind FROM user_objects o WHERE o.object_name LIKE 'TMP%' AND o.object_type = 'VIEW') LOOP\\n    EXECUTE IMMEDIATE 'drop ' || x.kind || ' ' || x.object_name;\\n  END LOOP;\\nEND;\\n/ | -
            ORACLE     | BEGIN\\n  FOR x IN (SELECT object_name, object_type FROM user_objects WHERE object_type IN ('VIEW', 'TABLE')) LOOP\\n    EXECUTE IMMEDIATE 'drop ' || x.object_type || ' ' || x.object_name;\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 3:24
            ORACLE     | BEGIN\\n  FOR x IN (SELECT object_name, object_type FROM user_objects WHERE object_type IN ('VIEW') OR object_name = 'T') LOOP\\n    EXECUTE IMMEDIATE 'drop ' || x.object_type || ' ' || x.object_name;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 3:5 ## drop-table ERROR 3:24
            ORACLE     | BEGIN\\n  FOR x IN (SELECT object_name, object_type FROM user_objects WHERE object_type NOT IN ('TABLE')) LOOP\\n    EXECUTE IMMEDIATE 'drop ' || x.object_type || ' ' || x.object_name;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 3:5 ## drop-table ERROR 3:24
            ORACLE     | BEGIN\\n  FOR x IN (SELECT table_name FROM user_tables WHERE table_name = 'TMP_A') LOOP\\n    EXECUTE IMMEDIATE 'drop table ' || x.table_name || ' purge';\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 3:24
            ORACLE     | BEGIN\\n  FOR x IN (SELECT table_name FROM user_tables WHERE table_name IN ('TMP_A', 'TMP_B')) LOOP\\n    EXECUTE IMMEDIATE 'drop table ' || x.table_name || ' purge';\\n  END LOOP;\\nEND;\\n/ | drop-table ERROR 3:24
            ORACLE     | BEGIN\\n  FOR x IN (SELECT object_name, object_type FROM user_objects WHERE object_type IN ('VIEW', lower('TABLE'))) LOOP\\n    EXECUTE IMMEDIATE 'drop ' || x.object_type || ' ' || x.object_name;\\n  END LOOP;\\nEND;\\n/ | runtime-sql WARNING 3:5 ## drop-table ERROR 3:24
            """)
    void columnJoinedIntoTheTextTakesTheValuesTheLoopsWhereNames(Dialect dialect, String sql, String expected)
            throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), findings(dialect, sql));
    }

    @Test
    void theFindingWhereTheTextDropsNamesEveryTableTheLoopsWhereAllows() throws IOException {
        String sql = "BEGIN\n  FOR x IN (SELECT table_name FROM user_tables WHERE table_name IN ('TMP_A', 'TMP_B',"
                + " 'TMP_C')) LOOP\n    EXECUTE IMMEDIATE 'drop table ' || x.table_name;\n  END LOOP;\nEND;\n/";
        write(sql);
        assertEquals(List.of("DROP TABLE removes table TMP_A, TMP_B or TMP_C and all its rows"),
                run(Dialect.ORACLE).findings().stream().map(Finding::message)
                        .map(message -> message.substring(0, message.indexOf(" ("))).toList());
    }

    private List<String> findings(Dialect dialect, String sql) throws IOException {
        write(sql.replace("\\n", "\n"));
        return run(dialect).findings().stream().map(f -> f.ruleId() + " " + f.severity() + " "
                + f.location().line() + ":" + f.location().column()).toList();
    }

    private void write(String sql) throws IOException {
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
    }

    private LintResult run(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
    }
}
