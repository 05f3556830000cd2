package io.github.sqlguard.sql;

import static io.github.sqlguard.sql.SplitResults.render;
import static io.github.sqlguard.sql.SplitResults.split;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * psql scripts: a meta-command ends at its line's end, so the statement after it is a statement of its own,
 * and the rows of COPY .. FROM STDIN (pg_dump's table data) are data, not SQL.
 */
class PsqlScriptSplitTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "AUTO"})
    void metaCommandEndsAtItsLineEnd(Dialect dialect) {
        assertEquals(List.of("1:1 \\connect other_db", "2:1 DROP TABLE customers", "3:1 \\c app",
                        "4:1 \\set ON_ERROR_STOP on", "5:1 DELETE FROM t"),
                render(dialect, "\\connect other_db\nDROP TABLE customers;\n\\c app\n\\set ON_ERROR_STOP on\n"
                        + "DELETE FROM t;"));
    }

    @Test
    void queryBufferSendingCommandsBelongToTheQueryBeforeThem() {
        assertEquals(List.of("1:1 SELECT format('DROP TABLE %I', tablename) FROM pg_tables \\gexec",
                        "3:1 SELECT 'TRUNCATE ' || tablename FROM pg_tables \\gexec", "4:1 DELETE FROM t"),
                render(Dialect.POSTGRESQL, "SELECT format('DROP TABLE %I', tablename) FROM pg_tables\n\\gexec\n"
                        + "SELECT 'TRUNCATE ' || tablename FROM pg_tables \\gexec\nDELETE FROM t;"));
    }

    @Test
    void otherMetaCommandsEndTheStatementBeforeThem() {
        assertEquals(List.of("1:1 SELECT 1", "2:1 \\echo done", "3:1 DELETE FROM t"),
                render(Dialect.POSTGRESQL, "SELECT 1\n\\echo done\nDELETE FROM t;"));
    }

    /** psql confines a meta-command's quotes to its line: an apostrophe in an \\echo text opens no string. */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "AUTO"})
    void quoteLeftOpenInAMetaCommandEndsWithItsLine(Dialect dialect) {
        Script script = split(dialect, "\\qecho If the DROP fails because it doesn't exist,\n"
                + "\\echo ignore the \"failure\nALTER TABLE t DROP CONSTRAINT c;\nDELETE FROM t;");
        assertTrue(script.lexError().isEmpty(), () -> script.lexError().toString());
        assertEquals(List.of("1:1 \\qecho If the DROP fails because it doesn't exist,", "2:1 \\echo ignore the \"failure",
                "3:1 ALTER TABLE t DROP CONSTRAINT c", "4:1 DELETE FROM t"), render(script));
    }

    @Test
    void quoteInSqlStillSpansLines() {
        Script script = split(Dialect.POSTGRESQL, "\\echo x\nINSERT INTO t VALUES ('a\nb;c');\nDELETE FROM t;");
        assertEquals(List.of("1:1 \\echo x", "2:1 INSERT INTO t VALUES ('a b;c')", "4:1 DELETE FROM t"),
                render(script));
    }

    @Test
    void doubleBackslashEndsTheMetaCommandsOnItsLine() {
        assertEquals(List.of("1:1 \\echo dropping \\\\", "1:19 DROP TABLE t", "2:1 \\x \\echo a"),
                render(Dialect.POSTGRESQL, "\\echo dropping \\\\ DROP TABLE t;\n\\x \\echo a\n"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "AUTO"})
    void copyFromStdinRowsAreData(Dialect dialect) {
        String dump = "COPY public.customers (id, email, note) FROM stdin;\n"
                + "1\ta@x.com\tDELETE FROM orders; DROP TABLE orders;\n"
                + "2\tb@x.com\tit's\n"
                + "\\.\n"
                + "\n"
                + "DELETE FROM sessions;\r\n"
                + "copy t from STDIN with (format csv);\r\n"
                + "x,\"y; DROP TABLE z\"\r\n"
                + "\\.\r\n"
                + "SELECT 2;";
        Script script = split(dialect, dump);
        assertTrue(script.lexError().isEmpty(), () -> script.lexError().toString());
        assertEquals(List.of("1:1 COPY public.customers (id, email, note) FROM stdin", "6:1 DELETE FROM sessions",
                "7:1 copy t from STDIN with (format csv)", "10:1 SELECT 2"), render(script));
    }

    @Test
    void psqlCopyMetaCommandReadsRowsToo() {
        assertEquals(List.of("1:1 \\copy customers (email) from stdin", "4:1 DELETE FROM sessions"),
                render(Dialect.POSTGRESQL, "\\copy customers (email) from stdin\nDROP TABLE x\n\\.\n"
                        + "DELETE FROM sessions;"));
    }

    @Test
    void copyFromAFileOrToStdoutReadsNoRows() {
        assertEquals(List.of("1:1 COPY t FROM '/tmp/t.csv'", "2:1 DELETE FROM a", "3:1 COPY (SELECT 1) TO STDOUT",
                        "4:1 DELETE FROM b"),
                render(Dialect.POSTGRESQL, "COPY t FROM '/tmp/t.csv';\nDELETE FROM a;\nCOPY (SELECT 1) TO STDOUT;\n"
                        + "DELETE FROM b;"));
    }

    @Test
    void rowsThatNeverEndAreReportedWhereTheyStart() {
        Script script = split(Dialect.POSTGRESQL, "SELECT 1;\nCOPY t FROM stdin;\n1\tx\nDELETE FROM t;\n");
        assertEquals(List.of("1:1 SELECT 1", "2:1 COPY t FROM stdin"), render(script));
        LexError error = script.lexError().orElseThrow();
        assertEquals(3, error.line());
        assertEquals(1, error.column());
        assertTrue(error.what().contains("COPY .. FROM STDIN data"), error.what());
    }

    @Test
    void copyAtTheEndWithoutRowsIsNoError() {
        assertTrue(split(Dialect.POSTGRESQL, "COPY t FROM stdin;\n").lexError().isEmpty());
    }

    @Test
    void backslashesStayOrdinaryInOtherDialects() {
        assertEquals(List.of("1:1 COPY t FROM stdin", "2:1 DELETE FROM a"),
                render(Dialect.MYSQL, "COPY t FROM stdin;\nDELETE FROM a;"));
    }
}
