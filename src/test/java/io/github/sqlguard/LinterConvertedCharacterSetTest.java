package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MySQL's {@code CONVERT TO CHARACTER SET utf8} of a table an earlier migration created with utf8 text columns only
 * changes their collation, as an upgrade may do to each of its tables: no finding. A table
 * with a column of another character set, one whose character set is not known (the replay records none for an
 * ENUM), or one the migrations did not create is still reported.
 */
class LinterConvertedCharacterSetTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE t (id INT, name VARCHAR(64)) DEFAULT CHARSET=utf8                    | utf8    | -
            CREATE TABLE t (id INT, name VARCHAR(64)) CHARSET utf8mb3                         | utf8    | -
            CREATE TABLE t (id INT, name VARCHAR(64), kind ENUM('a','b')) CHARSET utf8        | utf8    | 1:15
            CREATE TABLE t (id INT, name VARCHAR(64) CHARACTER SET utf8) CHARSET latin1       | UTF8MB3 | -
            CREATE TABLE t (id INT, n BIGINT)                                                 | latin1  | -
            CREATE TABLE t (id INT, name VARCHAR(64) CHARACTER SET utf8mb4) CHARSET utf8      | utf8    | 1:15
            CREATE TABLE t (id INT, name VARCHAR(64)) DEFAULT CHARSET=utf8mb4                 | utf8    | 1:15
            CREATE TABLE t (id INT, name VARCHAR(64))                                         | utf8    | 1:15
            CREATE TABLE other (id INT, name VARCHAR(64)) DEFAULT CHARSET=utf8                | utf8    | 1:15
            """)
    void convertingToTheCharacterSetTheTextAlreadyHoldsLosesNothing(String create, String characterSet,
            String expected) throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__create.sql"), create + ";\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__convert.sql"),
                "alter table t CONVERT TO CHARACTER SET " + characterSet + " COLLATE utf8_bin;\n",
                StandardCharsets.UTF_8);

        List<String> found = ProjectLint.findings(project, Dialect.MYSQL).stream()
                .filter(f -> f.ruleId().equals("alter-column-type"))
                .map(f -> f.location().line() + ":" + f.location().column()).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
