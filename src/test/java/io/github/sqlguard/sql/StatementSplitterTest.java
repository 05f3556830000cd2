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

class StatementSplitterTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void splitsAtSemicolonsWithExactPositions(Dialect dialect) {
        assertEquals(List.of("1:1 CREATE TABLE a (id int)", "2:3 INSERT INTO a VALUES (1)", "2:31 SELECT 1"),
                render(dialect, "CREATE TABLE a (id int);\n  INSERT INTO a VALUES (1);   SELECT 1"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void emptyStatementsProduceNothing(Dialect dialect) {
        assertEquals(List.of("1:3 SELECT 1", "3:1 SELECT 2"), render(dialect, ";;SELECT 1;;\n ; \nSELECT 2;;"));
    }

    @Test
    void positionsCountCrLfLoneCrAndBom() {
        assertEquals(List.of("1:1 SELECT 1", "2:1 SELECT 2", "3:3 SELECT 3", "5:1 SELECT 4"),
                render(Dialect.AUTO, "\uFEFFSELECT 1;\r\nSELECT 2;\r  SELECT 3;\r\n\nSELECT 4"));
    }

    @Test
    void commentsAreCollectedAndNotPartOfStatements() {
        Script script = split(Dialect.POSTGRESQL, "-- head\nDELETE /* x */ FROM a WHERE id = 1; -- sqlguard:allow\n");
        assertEquals(List.of("2:1 DELETE /* x */ FROM a WHERE id = 1"), render(script));
        assertEquals(List.of("-- head", "/* x */", "-- sqlguard:allow"),
                script.comments().stream().map(Token::text).toList());
        assertTrue(script.statements().get(0).tokens().stream().noneMatch(t -> t.type() == TokenType.COMMENT));
    }

    @Test
    void placeholdersAreReplacedInSql() {
        Script script = split(Dialect.POSTGRESQL, "DELETE FROM ${schema}.t WHERE a = 1;");
        assertEquals("DELETE FROM ph_schema.t WHERE a = 1", script.statements().get(0).sql());
        assertEquals(TokenType.PLACEHOLDER, script.statements().get(0).tokens().get(2).type());
    }

    @Test
    void goAloneOnALineSeparatesBatches() {
        assertEquals(List.of("1:1 SELECT 1", "3:1 SELECT 2", "5:1 PRINT 'GO'"),
                render(Dialect.SQLSERVER, "SELECT 1\nGO\nSELECT 2\n  go 2\nPRINT 'GO'\n/* GO */"));
        assertEquals(List.of("1:1 SELECT 1", "3:1 SELECT 2"), render(Dialect.AUTO, "SELECT 1\nGO\nSELECT 2"));
        assertEquals(List.of("1:1 SELECT a GO"), render(Dialect.SQLSERVER, "SELECT a GO"));
    }

    @Test
    void slashAloneOnALineSeparatesInOracle() {
        assertEquals(List.of("1:1 SELECT 1 FROM dual", "3:1 SELECT 4 / 2 FROM dual"),
                render(Dialect.ORACLE, "SELECT 1 FROM dual\n/\nSELECT 4 / 2 FROM dual\n /\n"));
    }

    /** SQL*Plus's block terminator: read as the start of a statement, the dot hid the DROP TABLE after it. */
    @Test
    void dotAloneOnALineEndsTheStatementInOracle() {
        for (Dialect dialect : List.of(Dialect.ORACLE, Dialect.AUTO)) {
            assertEquals(List.of("1:1 CREATE TABLE a (id NUMBER)", "3:1 DROP TABLE a", "4:1 SELECT b FROM c"),
                    render(dialect, "CREATE TABLE a (id NUMBER);\n.\nDROP TABLE a;\nSELECT b FROM c\n.\n"));
        }
        assertEquals(List.of("1:1 SELECT a FROM s . t"), render(Dialect.POSTGRESQL, "SELECT a FROM s\n.\nt;"));
    }

    @Test
    void mysqlDelimiterChangesTheTerminator() {
        String sql = "DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  DELETE FROM a WHERE id = 1;\n  UPDATE b SET x = 1;\n"
                + "END$$\nDELIMITER ;\nSELECT 1;\n";
        assertEquals(List.of("2:1 [C] CREATE PROCEDURE p() BEGIN DELETE FROM a WHERE id = 1; UPDATE b SET x = 1; END",
                "4:3 [R procedure p body] DELETE FROM a WHERE id = 1", "5:3 [R procedure p body] UPDATE b SET x = 1",
                "8:1 SELECT 1"), render(Dialect.MYSQL, sql));
        assertEquals(render(Dialect.MYSQL, sql), render(Dialect.AUTO, sql));
    }

    @Test
    void mysqlDelimiterInsideACommentOrStringOfTheBodyDoesNotEndIt() {
        String sql = "DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  /* END$$ in a comment */\n  SELECT 'a$$b';\n"
                + "  DELETE FROM t;\nEND$$\nDELIMITER ;\nCALL p();\n";
        assertEquals(List.of("2:1 [C] CREATE PROCEDURE p() BEGIN /* END$$ in a comment */ SELECT 'a$$b'; DELETE FROM t;"
                + " END",
                "5:3 [R procedure p body] SELECT 'a$$b'", "6:3 [R procedure p body] DELETE FROM t", "9:1 CALL p()"),
                render(Dialect.MYSQL, sql));
    }

    /**
     * Runners that split scripts themselves (some projects ship one) take the MySQL client's DELIMITER in a PostgreSQL
     * script too; no statement of another dialect starts with the word, so at a statement's start it is the command.
     */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLSERVER", "ORACLE", "SQLITE"})
    void delimiterCommandAtAStatementStartChangesTheTerminatorInEveryDialect(Dialect dialect) {
        String sql = "delimiter d//\nSELECT 'a; b';\nSELECT 2;\nd//\ndelimiter ;\nDROP TABLE t;\n";
        assertEquals(List.of("2:1 SELECT 'a; b'", "3:1 SELECT 2", "6:1 DROP TABLE t"), render(dialect, sql));
        assertEquals(render(Dialect.MYSQL, sql), render(dialect, sql));
    }

    @Test
    void delimiterWordInsideAPostgresqlStatementIsNotTheCommand() {
        assertEquals(List.of("1:1 COPY t FROM 'f.csv' DELIMITER ',' CSV", "3:1 SELECT 1"),
                render(Dialect.POSTGRESQL, "COPY t FROM 'f.csv'\nDELIMITER ',' CSV;\nSELECT 1;"));
    }

    @Test
    void trailingStatementWithoutTerminatorIsKept() {
        assertEquals(List.of("1:1 SELECT 1", "1:11 DELETE FROM t"), render(Dialect.AUTO, "SELECT 1; DELETE FROM t"));
    }

    @Test
    void lexErrorKeepsStatementsBeforeIt() {
        Script script = split(Dialect.POSTGRESQL, "SELECT 1;\nSELECT 'open\n;");
        assertEquals(List.of("1:1 SELECT 1", "2:1 SELECT"), render(script));
        assertEquals(new LexError("string literal", 2, 8), script.lexError().orElseThrow());
    }
}
