package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Some SQL runners run {@code -- VMYSQL4.1 <sql>} on MySQL and {@code -- VPGSQL8.2 <sql>} on PostgreSQL: the rest
 * of such a line is a statement in the dialect it is gated for, and stays a comment in the others.
 */
class GatedCommentLinesTest {

    private static final String SCRIPT = "-- VMYSQL4.1 ALTER TABLE t DROP COLUMN `rank`;\n"
            + "-- VPGSQL8.2 ALTER TABLE t DROP COLUMN rank;\n"
            + "DELETE FROM t WHERE id = 1;\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MYSQL      | 1:14 ALTER ## 3:1 DELETE",
        "MARIADB    | 1:14 ALTER ## 3:1 DELETE",
        "POSTGRESQL | 2:14 ALTER ## 3:1 DELETE",
        "AUTO       | 1:14 ALTER ## 2:14 ALTER ## 3:1 DELETE",
        "SQLSERVER  | 3:1 DELETE",
        "ORACLE     | 3:1 DELETE",
    })
    void aGatedLineIsAStatementOnlyInTheDatabaseItNames(Dialect dialect, String expected) {
        assertEquals(List.of(expected.split(" ## ")), starts(dialect, SCRIPT));
        assertEquals(List.of(expected.split(" ## ")), starts(dialect, SCRIPT.replace("\n", "\r\n")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-- VMYSQL DELETE FROM menu WHERE module = 'margin';                  | 1:11 DELETE",
        "-- VMYSQLUTF8UNICODECI ALTER TABLE j MODIFY code VARCHAR(20);       | 1:24 ALTER",
        "--\tvmysql4.3 ALTER TABLE h MODIFY ref varchar(30) NOT NULL;        | 1:14 ALTER",
    })
    void everyGateOfMysqlRunsItsLineThere(String line, String expected) {
        assertEquals(List.of(expected, "2:1 SELECT"), starts(Dialect.MYSQL, line.strip() + "\nSELECT 1;\n"));
    }

    /** The runner cuts the gate only at the very start of a line and only after one blank. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--VMYSQL4.1 DROP TABLE t;",
        "'  -- VMYSQL4.1 DROP TABLE t;'",
        "-- VAT rates for Venezuela",
        "-- V4.1 DROP TABLE t;",
    })
    void otherCommentsStayComments(String line) {
        assertEquals(List.of("2:1 SELECT"), starts(Dialect.MYSQL, line + "\nSELECT 1;\n"));
    }

    @Test
    void aGateAfterCodeOnItsLineIsAComment() {
        assertEquals(List.of("1:1 SELECT", "2:1 SELECT"),
                starts(Dialect.MYSQL, "SELECT 1; -- VMYSQL4.1 DROP TABLE t;\nSELECT 2;\n"));
    }

    private static List<String> starts(Dialect dialect, String sql) {
        return new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements().stream()
                .map(s -> s.start().line() + ":" + s.start().column() + " " + s.firstToken().upper()).toList();
    }
}
