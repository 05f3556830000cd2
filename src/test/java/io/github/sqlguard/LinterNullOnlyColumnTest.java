package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column the script added without a value holds only NULL until something writes it, so {@code WHERE c IS NULL}
 * selects every row: a DELETE that clears out the rows "without a sort key" right after adding the key removes them
 * all. Each line: the script (one statement a line) and its findings as {@code line:column rule SEVERITY guard},
 * the message after a {@code " - "} when it is given.
 */
class LinterNullOnlyColumnTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE entry ADD COLUMN sort_value TEXT; DELETE FROM entry WHERE sort_value IS NULL; | 2:1 always-true-where ERROR - DELETE with an always-true WHERE (column sort_value was added earlier in this script without a value and nothing has written it since, so sort_value IS NULL holds for every row) removes every row of entry
            ALTER TABLE entry ADD COLUMN sort_value TEXT DEFAULT NULL; DELETE FROM entry e WHERE e.sort_value IS NULL AND e.sort_value IS NULL; | 2:1 always-true-where ERROR
            ALTER TABLE entry ADD COLUMN sort_value TEXT; UPDATE entry SET value = NULL WHERE sort_value IS NULL; | 2:1 always-true-where ERROR
            ALTER TABLE entry ADD COLUMN sort_value TEXT; UPDATE entry SET sort_value = lower(value) WHERE sort_value IS NULL; |
            ALTER TABLE entry ADD COLUMN sort_value TEXT; UPDATE entry SET sort_value = lower(value), value = NULL WHERE sort_value IS NULL; | 2:1 always-true-where ERROR
            ALTER TABLE entry ADD COLUMN sort_value TEXT DEFAULT ''; DELETE FROM entry WHERE sort_value IS NULL; |
            ALTER TABLE entry ADD COLUMN sort_value TEXT; UPDATE entry SET sort_value = value WHERE id > 10; DELETE FROM entry WHERE sort_value IS NULL; |
            ALTER TABLE entry ADD COLUMN sort_value TEXT; DELETE FROM entry WHERE sort_value IS NULL AND id > 10; |
            ALTER TABLE entry ADD COLUMN sort_value TEXT; DELETE FROM entry WHERE value IS NULL; |
            """)
    void nullTestOfAColumnAddedWithoutAValue(String sql, String expected) throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V0__entry.sql"), "CREATE TABLE entry (id INT PRIMARY KEY, value TEXT);\n");
        Files.writeString(project.resolve("db/V1__change.sql"), sql.strip().replace("; ", ";\n") + "\n");
        boolean withMessage = expected != null && expected.contains(" - ");
        List<String> findings = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(finding -> finding.location().path().endsWith("V1__change.sql"))
                .filter(finding -> !finding.ruleId().equals("unparsed-statement"))
                .map(finding -> ProjectLint.placeAndGuard(finding) + (withMessage ? " - " + finding.message() : ""))
                .toList();

        assertEquals(expected == null ? List.of() : List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
