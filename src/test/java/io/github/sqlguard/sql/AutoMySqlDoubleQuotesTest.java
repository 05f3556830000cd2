package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * In auto, {@code "..."} is a quoted name, as every database but MySQL reads it; a script that shows only MySQL runs
 * it ({@code PREPARE st FROM}, {@code ENGINE = InnoDB}, backticks beside {@code @variables}) reads it as the string
 * MySQL takes it for. Each row: the script, and the type the token of {@code "x"} gets.
 */
class AutoMySqlDoubleQuotesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            SET @s = IF(@n > 0, "x", 'SELECT 1'); PREPARE st FROM @s; EXECUTE st;    | STRING
            PREPARE `st` FROM "x";                                                   | STRING
            CREATE TABLE t (id INT) ENGINE=InnoDB; INSERT INTO t VALUES ("x");       | STRING
            CREATE TABLE t (id INT) ENGINE MyISAM; INSERT INTO t VALUES ("x");       | STRING
            SET @v = 1; UPDATE `t` SET note = "x" WHERE id = @v;                     | STRING
            PREPARE st AS SELECT "x" FROM t;                                         | QUOTED_NAME
            CREATE TABLE t (id INT) ENGINE = MergeTree ORDER BY id; SELECT "x" FROM t; | QUOTED_NAME
            SET @v = 1; UPDATE t SET note = "x" WHERE id = @v;                       | QUOTED_NAME
            SELECT `a` FROM t WHERE "x" = 1;                                         | QUOTED_NAME
            """)
    void doubleQuotesAreStringsOnlyInAScriptOnlyMySqlRuns(String script, String type) {
        LexedText lexed = new Lexer(Dialect.AUTO).tokenize(script);

        assertEquals(type, lexed.tokens().stream().filter(token -> token.text().equals("\"x\"")).findFirst()
                .orElseThrow().type().name());
    }

    /** A configured dialect reads as it always did: PostgreSQL's names stay names whatever the script holds. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | PREPARE st FROM @s; SELECT "x" FROM t;   | QUOTED_NAME
            MYSQL      | SELECT "x" FROM t;                       | STRING
            """)
    void aConfiguredDialectDecidesAlone(Dialect dialect, String script, String type) {
        LexedText lexed = new Lexer(dialect).tokenize(script);

        assertEquals(type, lexed.tokens().stream().filter(token -> token.text().equals("\"x\"")).findFirst()
                .orElseThrow().type().name());
    }
}
