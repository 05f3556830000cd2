package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MySQL sizes TINYTEXT in bytes and VARCHAR in characters: a VARCHAR(100) of multi-byte text (Chinese takes three
 * bytes a character in utf8mb4) does not fit the 255 bytes of a TINYTEXT.
 */
class LinterMySqlTextBytesTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name VARCHAR(100)                       | MODIFY name TINYTEXT"
                + " | ALTER TABLE notes changes the type of column name from VARCHAR(100) to TINYTEXT (shorter:"
                + " TINYTEXT holds 255 bytes, 100 characters take up to 400 in utf8mb4, the default character set)",
        "name VARCHAR(100) CHARACTER SET utf8    | MODIFY name TINYTEXT CHARACTER SET utf8"
                + " | ALTER TABLE notes changes the type of column name from VARCHAR(100) CHARACTER SET utf8 to"
                + " TINYTEXT CHARACTER SET utf8 (shorter: TINYTEXT holds 255 bytes, 100 characters take up to 300 in"
                + " utf8)",
        "name VARCHAR(100) CHARACTER SET latin1  | MODIFY name TINYTEXT CHARACTER SET latin1 | -",
        "name VARCHAR(60)                        | CHANGE name title TINYTEXT | -",
        "name VARCHAR(5000)                      | MODIFY name TEXT | -",
    })
    void aTinyTextIsJudgedByTheBytesTheCharactersTake(String column, String change, String expected)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE notes (id INT PRIMARY KEY, " + column + ");\n");
        TestProject.write(project, "db/V2__retype.sql", "ALTER TABLE notes " + change + ";\n");

        List<String> messages = lint().stream().map(Finding::message).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), messages);
    }

    private List<Finding> lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2));
        return result.findings().stream().filter(f -> f.ruleId().equals("alter-column-type")).toList();
    }
}
