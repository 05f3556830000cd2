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
 * An UPDATE whose WHERE rests on a value only the deploy gives (a psql variable, a placeholder without a value) and
 * that only fills columns the script just added overwrites nothing, whichever rows the value selects; one that
 * writes a column holding data is still reported. Each line: the script (one statement a line) and its findings as
 * {@code line:column rule SEVERITY guard}.
 */
class LinterUnresolvedWhereFillTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE loan ADD COLUMN grace_period INTERVAL NOT NULL DEFAULT '0 seconds'; UPDATE loan SET grace_period = fine_interval WHERE :fill_grace AND checkin_time IS NULL; | 2:1 unresolved-where INFO column grace_period was added earlier in this script and nothing has written it since
            ALTER TABLE loan ADD COLUMN grace_period INTERVAL NOT NULL DEFAULT '0 seconds'; UPDATE loan SET grace_period = fine_interval, checkin_time = now() WHERE :fill_grace AND checkin_time IS NULL; | 2:1 unresolved-where ERROR
            ALTER TABLE loan ADD COLUMN grace_period INTERVAL; UPDATE loan SET grace_period = fine_interval WHERE checkin_time IS NULL; UPDATE loan SET grace_period = fine_interval WHERE :fill_grace; | 3:1 unresolved-where ERROR
            """)
    void fillOfNewColumnsWhateverTheDeployTimeCondition(String sql, String expected) throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V0__loan.sql"),
                "CREATE TABLE loan (id INT PRIMARY KEY, fine_interval INTERVAL, checkin_time TIMESTAMPTZ);\n");
        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, Dialect.POSTGRESQL, sql).stream()
                .filter(finding -> !finding.contains("unparsed-statement") && !finding.startsWith("1:1 ")).toList();

        assertEquals(List.of(expected.split(", (?=\\d+:\\d+ )")), findings);
    }
}
