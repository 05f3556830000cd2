package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** MySQL forms that decide where statements are, read right also when nobody configured the dialect. */
class MySqlFormsInAutoTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "MYSQL", "MARIADB"})
    void anEscapedQuoteBeforeALetterDoesNotEndTheString(Dialect dialect) {
        String sql = "UPDATE product SET name = 'Kid\\'s bike' WHERE sku = 'B-100';\n"
                + "DELETE FROM product_price_history;\n"
                + "UPDATE product SET name = \"Men\\'s shoe\" WHERE sku = 'S-1';\n";
        List<String> statements = starts(dialect, sql);
        assertEquals(List.of("1:1 UPDATE", "2:1 DELETE", "3:1 UPDATE"), statements);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT 'C:\\' AS dir; DELETE FROM t; | 1:1 SELECT ## 1:22 DELETE",
        "SELECT 'a\\', 'b'; DELETE FROM t; | 1:1 SELECT ## 1:19 DELETE",
    })
    void aTrailingBackslashStillEndsAStandardString(String sql, String expected) {
        assertEquals(List.of(expected.split(" ## ")), starts(Dialect.AUTO, sql));
    }

    /**
     * Escaped quotes before a blank, a comma or the closing quote, which the guess before a letter misses: read
     * as standard SQL the string would stay open to the end, so the text is read as MySQL reads it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT concat(a, ',\\' ') FROM d;\\nDELETE FROM t; | 1:1 SELECT ## 2:1 DELETE",
        "INSERT INTO g VALUES ('e.g. \\'en_GB\\' or \\'en\\'');\\nDELETE FROM t; | 1:1 INSERT ## 2:1 DELETE",
        "SELECT 'it\\'s', 'a \\' b';\\nDELETE FROM t; | 1:1 SELECT ## 2:1 DELETE",
    })
    void aTextWhoseStringsOnlyEndWithBackslashEscapesIsReadAsMysql(String sql, String expected) {
        String text = sql.replace("\\n", "\n");
        assertEquals(Optional.empty(), new Lexer(Dialect.AUTO).tokenize(text).error());
        assertEquals(List.of(expected.split(" ## ")), starts(Dialect.AUTO, text));
    }

    /**
     * A mysqldump's strings close either way ('a \'.''' closes in standard SQL too, only elsewhere), which would
     * hide the DROP after them inside a string: its executable comments say whose strings they are.
     */
    @Test
    void aMysqldumpsStringsAreReadAsMysqlEvenWhenTheyCloseEitherWay() {
        String text = "/*!40101 SET NAMES utf8 */;\nINSERT INTO p VALUES ('a \\'.''');\nDROP TABLE x;\n"
                + "INSERT INTO r VALUES ('b'), ('\\'');\n";
        assertEquals(List.of("1:10 SET", "2:1 INSERT", "3:1 DROP", "4:1 INSERT"), starts(Dialect.AUTO, text));
    }

    /**
     * A string with {@code \'s} (MySQL's escape, as no dialect glues a word to a string) and also {@code \'\\}
     * (an escaped quote before an escaped backslash) closes in standard SQL too when the same text comes twice (SET
     * and WHERE of one UPDATE), only elsewhere: the WHERE would sit inside a string.
     */
    @Test
    void aTextWithAnEscapedQuoteBeforeALetterIsReadAsMysqlEvenWhenItsStringsCloseEitherWay() {
        String text = "UPDATE form SET x = 'Kid\\'s (\\'\\\\^\\')'\nWHERE x = 'Kid\\'s (\\'\\\\^\\')';\n"
                + "DELETE FROM t;\n";
        List<Statement> statements = new StatementSplitter(Dialect.AUTO, Placeholders.DEFAULT)
                .split("t.sql", text).statements();
        assertEquals(List.of("UPDATE", "form", "SET", "x", "=", "'Kid\\'s (\\'\\\\^\\')'", "WHERE", "x", "=",
                "'Kid\\'s (\\'\\\\^\\')'"), statements.get(0).tokens().stream().map(Token::text).toList());
        assertEquals(List.of("1:1 UPDATE", "3:1 DELETE"), starts(Dialect.AUTO, text));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "POSTGRESQL"})
    void aStringLeftOpenEitherWayIsStillReported(Dialect dialect) {
        String text = "SELECT 'C:\\dir;\nDELETE FROM t;\n";
        assertTrue(new Lexer(dialect).tokenize(text).error().isPresent());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "MYSQL", "MARIADB"})
    void executableCommentsAreCode(Dialect dialect) {
        String sql = "/*!40101 SET NAMES utf8 */;\n"
                + "/*!50001 DROP TABLE IF EXISTS `order_totals`*/;\n"
                + "/*M!100100 DELETE FROM audit */;\n"
                + "/* DELETE FROM customers */ SELECT 1;\n";
        assertEquals(List.of("1:10 SET", "2:10 DROP", "3:12 DELETE", "4:29 SELECT"), starts(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "MYSQL", "MARIADB"})
    void aHashCommentAfterCodeHidesItsWords(Dialect dialect) {
        List<Statement> statements = new StatementSplitter(dialect, Placeholders.DEFAULT)
                .split("t.sql", "UPDATE `customer` SET `email` = 'x' # where id = 1\n;\nDELETE FROM t; # done\n")
                .statements();
        assertEquals(List.of(List.of("UPDATE", "`customer`", "SET", "`email`", "=", "'x'"), List.of("DELETE", "FROM", "t")),
                statements.stream().map(s -> s.tokens().stream().map(Token::text).toList()).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "ORACLE"})
    void otherDialectsKeepBothAsTheyAre(Dialect dialect) {
        List<String> statements = starts(dialect, "/*!50001 DROP TABLE t*/ SELECT 1;\n");
        assertEquals(List.of("1:25 SELECT"), statements);
        assertTrue(starts(dialect, "SELECT 'a\\';\nDELETE FROM t;\n").contains("2:1 DELETE"));
    }

    private static List<String> starts(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements().stream()
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.firstToken().upper()).toList();
    }
}
