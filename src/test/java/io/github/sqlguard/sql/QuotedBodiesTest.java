package io.github.sqlguard.sql;

import static io.github.sqlguard.sql.SplitResults.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQL written inside a string is split as the database reads it, quotes unescaped, and located where it stands
 * in the file: PostgreSQL routine and DO bodies in single quotes, dollar-quoted dynamic SQL, and the statement of
 * a PostgreSQL PREPARE.
 */
class QuotedBodiesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
        "POSTGRESQL | DO 'BEGIN DELETE FROM t; END'; | 1:1 [C] DO 'BEGIN DELETE FROM t; END' ## 1:11 [E DO block] DELETE FROM t",
        "POSTGRESQL | DO LANGUAGE plpgsql 'BEGIN\\n  UPDATE t SET note = ''--'' WHERE id = 1;\\n  UPDATE t SET note = ''x'';\\nEND'; | "
                + "1:1 [C] DO LANGUAGE plpgsql 'BEGIN UPDATE t SET note = ''--'' WHERE id = 1; UPDATE t SET note = ''x''; END' ## 2:3 [E DO block] UPDATE t SET note = '--' WHERE id = 1 ## 3:3 [E DO block] UPDATE t SET note = 'x'",
        "POSTGRESQL | DO 'BEGIN\\r\\n  UPDATE t SET a = ''x'' || ''y'';\\r\\n  DELETE FROM u;\\r\\nEND'; | "
                + "1:1 [C] DO 'BEGIN UPDATE t SET a = ''x'' || ''y''; DELETE FROM u; END' ## 2:3 [E DO block] UPDATE t SET a = 'x' || 'y' ## 3:3 [E DO block] DELETE FROM u",
        "POSTGRESQL | DO E'BEGIN DELETE FROM t WHERE a = \\'x\\'; TRUNCATE u; END'; | "
                + "1:1 [C] DO E'BEGIN DELETE FROM t WHERE a = \\'x\\'; TRUNCATE u; END' ## 1:12 [E DO block] DELETE FROM t WHERE a = 'x' ## 1:43 [E DO block] TRUNCATE u",
        "POSTGRESQL | DO LANGUAGE plpython3u 'plpy.execute(\"DELETE FROM t\")'; | 1:1 [C] DO LANGUAGE plpython3u 'plpy.execute(\"DELETE FROM t\")'",
        "POSTGRESQL | CREATE FUNCTION wipe() RETURNS void LANGUAGE sql AS 'TRUNCATE u'; | "
                + "1:1 [C] CREATE FUNCTION wipe() RETURNS void LANGUAGE sql AS 'TRUNCATE u' ## 1:54 [R function wipe body] TRUNCATE u",
        "POSTGRESQL | CREATE FUNCTION f() RETURNS int AS 'MODULE_PATHNAME', 'f' LANGUAGE c; | 1:1 [C] CREATE FUNCTION f() RETURNS int AS 'MODULE_PATHNAME', 'f' LANGUAGE c",
        "POSTGRESQL | CREATE FUNCTION f() RETURNS int AS 'return 1' LANGUAGE plv8; | 1:1 [C] CREATE FUNCTION f() RETURNS int AS 'return 1' LANGUAGE plv8",
        "POSTGRESQL | DO $$ BEGIN EXECUTE $q$DELETE FROM t$q$; END $$; | 1:1 [C] DO $$ BEGIN EXECUTE $q$DELETE FROM t$q$; END $$ ## "
                + "1:13 [E DO block] EXECUTE $q$DELETE FROM t$q$ ## 1:24 [E DO block] DELETE FROM t",
        "ORACLE | EXECUTE IMMEDIATE 'UPDATE t SET a = ''--'' WHERE id = 1' | 1:1 EXECUTE IMMEDIATE 'UPDATE t SET a = ''--'' WHERE id = 1' ## "
                + "1:20 [E dynamic SQL] UPDATE t SET a = '--' WHERE id = 1",
        "ORACLE | EXECUTE IMMEDIATE q'[DELETE FROM t WHERE a = 'x']' | 1:1 EXECUTE IMMEDIATE q'[DELETE FROM t WHERE a = 'x']' ## "
                + "1:22 [E dynamic SQL] DELETE FROM t WHERE a = 'x'",
        "POSTGRESQL | PREPARE p AS DELETE FROM u;\\nEXECUTE p; | 1:1 PREPARE p AS DELETE FROM u ## 1:14 [E prepared statement p] DELETE FROM u ## 2:1 EXECUTE p",
        "POSTGRESQL | PREPARE q (int, text) AS\\n  UPDATE u SET a = $2 WHERE id = $1; | 1:1 PREPARE q (int, text) AS UPDATE u SET a = $2 WHERE id = $1 ## 2:3 [E prepared statement q] UPDATE u SET a = $2 WHERE id = $1",
        "POSTGRESQL | PREPARE TRANSACTION 'tx1'; | 1:1 PREPARE TRANSACTION 'tx1'",
    })
    void splitsTheSqlInsideAStringWhereItStands(Dialect dialect, String sql, String expected) {
        List<String> statements = Arrays.stream(expected.split(" ## ")).map(String::strip).toList();
        assertEquals(statements, render(dialect, sql.replace("\\n", "\n").replace("\\r", "\r")));
    }

    /**
     * MySQL reads a backslash as an escape in every string, single- or double-quoted: the dynamic SQL a PREPARE
     * runs is decoded the same way, and located where it stands.
     */
    @Test
    void mySqlStringsAreDecodedAsMySqlReadsThem() {
        assertMySql(Dialect.MYSQL, "SET @s = 'UPDATE jobs SET data = \\'{}\\'';\nPREPARE x FROM @s;",
                "1:1 SET @s = 'UPDATE jobs SET data = \\'{}\\''",
                "2:1 PREPARE x FROM @s", "1:11 [E dynamic SQL] UPDATE jobs SET data = '{}'");
        assertMySql(Dialect.MYSQL, "SET @s = 'ALTER TABLE teams\\nDROP COLUMN email';\nPREPARE x FROM @s;",
                "1:1 SET @s = 'ALTER TABLE teams\\nDROP COLUMN email'",
                "2:1 PREPARE x FROM @s", "1:11 [E dynamic SQL] ALTER TABLE teams DROP COLUMN email");
        assertMySql(Dialect.MYSQL, "SET @s = \"DELETE FROM sessions WHERE note LIKE 'a\\_b'\";\nPREPARE x FROM @s;",
                "1:1 SET @s = \"DELETE FROM sessions WHERE note LIKE 'a\\_b'\"",
                "2:1 PREPARE x FROM @s", "1:11 [E dynamic SQL] DELETE FROM sessions WHERE note LIKE 'a\\_b'");
    }

    private static void assertMySql(Dialect dialect, String sql, String... expected) {
        assertEquals(List.of(expected), render(dialect, sql));
        assertEquals(Optional.empty(), new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).lexError());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", value = {
        "DO 'BEGIN DELETE FROM t WHERE a = ''x; END'; | 1:35",
        "SELECT 1;\\nDO 'BEGIN\\n  UPDATE t SET a = ''x;\\nEND'; | 3:20",
    })
    void anUnterminatedStringInsideAQuotedBodyIsReportedWhereItStands(String sql, String position) {
        Script script = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT)
                .split("t.sql", sql.replace("\\n", "\n"));
        LexError error = script.lexError().orElseThrow();
        assertEquals(position, error.line() + ":" + error.column());
    }
}
