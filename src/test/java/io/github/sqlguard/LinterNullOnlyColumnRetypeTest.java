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
 * A column the script added without a value holds only NULL until something writes it, so changing its type, to a
 * narrower one or through a cast that could fail, converts no value: the finding is guarded. A column added with a
 * default, or written since, holds values the change may lose, and so does a column changed beside it. Each line:
 * the dialect, the script (one statement a line) and its findings as {@code line:column rule SEVERITY guard}, the
 * message after a {@code " - "} when given.
 */
class LinterNullOnlyColumnRetypeTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE entry ADD COLUMN code TEXT; ALTER TABLE entry ALTER COLUMN code TYPE INT USING code::int; | 2:19 alter-column-type INFO column code was added earlier in this script without a value and nothing has written it since - ALTER TABLE entry changes the type of column code from TEXT to INT (text to integer can fail or change values) (guarded: column code was added earlier in this script without a value and nothing has written it since)
            POSTGRESQL | ALTER TABLE entry ADD COLUMN code VARCHAR(100); ALTER TABLE entry ALTER COLUMN code TYPE VARCHAR(10); | 2:19 alter-column-type INFO column code was added earlier in this script without a value and nothing has written it since
            MYSQL | ALTER TABLE entry ADD COLUMN code VARCHAR(100) NULL; ALTER TABLE entry MODIFY code VARCHAR(10) NULL; | 2:19 alter-column-type INFO column code was added earlier in this script without a value and nothing has written it since
            POSTGRESQL | ALTER TABLE entry ADD COLUMN code TEXT DEFAULT 'abc'; ALTER TABLE entry ALTER COLUMN code TYPE VARCHAR(2); | 2:19 alter-column-type WARNING
            POSTGRESQL | ALTER TABLE entry ADD COLUMN code TEXT; UPDATE entry SET code = value WHERE id > 3; ALTER TABLE entry ALTER COLUMN code TYPE VARCHAR(2); | 3:19 alter-column-type WARNING
            POSTGRESQL | ALTER TABLE entry ADD COLUMN code TEXT; INSERT INTO entry (id, code) VALUES (9, 'long'); ALTER TABLE entry ALTER COLUMN code TYPE VARCHAR(2); | 3:19 alter-column-type WARNING
            POSTGRESQL | ALTER TABLE entry ADD COLUMN code TEXT; ALTER TABLE entry ALTER COLUMN value TYPE VARCHAR(2), ALTER COLUMN code TYPE VARCHAR(2); | 2:19 alter-column-type WARNING, 2:55 alter-column-type INFO column code was added earlier in this script without a value and nothing has written it since
            """)
    void retypeOfAColumnAddedWithoutAValue(Dialect dialect, String sql, String expected) throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V0__entry.sql"), "CREATE TABLE entry (id INT PRIMARY KEY, value TEXT);\n"
                + "INSERT INTO entry (id, value) VALUES (1, 'first');\n");
        Files.writeString(project.resolve("db/V1__change.sql"), sql.strip().replace("; ", ";\n") + "\n");
        boolean withMessage = expected != null && expected.contains(" - ");
        List<String> findings = ProjectLint.findings(project, dialect).stream()
                .filter(finding -> finding.location().path().endsWith("V1__change.sql"))
                .filter(finding -> !finding.ruleId().equals("unparsed-statement"))
                .map(finding -> ProjectLint.placeAndGuard(finding) + (withMessage ? " - " + finding.message() : ""))
                .toList();

        assertEquals(expected == null ? List.of() : List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
