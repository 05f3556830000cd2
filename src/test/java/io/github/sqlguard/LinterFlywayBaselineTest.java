package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flyway baseline migration ({@code B1_20_0__baseline.sql}) holds the schema at its version, which Flyway applies
 * to an empty database before the versioned scripts above it. The replay runs it there, not after every versioned
 * script as plain SQL, and not at all where versioned scripts up to its version build the schema.
 */
class LinterFlywayBaselineTest {

    @TempDir
    Path project;

    @Test
    void theVersionedScriptsAfterABaselineAreJudgedAgainstTheSchemaItCreates() throws IOException {
        write("db/B1_20_0__baseline.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));\n");
        write("db/V1_20_1__shrink.sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(50);\n");

        assertEquals(List.of("V1_20_1__shrink.sql:1:19 ALTER TABLE notes changes the type of column body from"
                + " VARCHAR(100) to VARCHAR(50) (shorter: 100 to 50 characters)"), typeChanges());
    }

    @Test
    void onlyTheLatestBaselineRuns() throws IOException {
        write("db/B1__baseline.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20));\n");
        write("db/B2__baseline.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));\n");
        write("db/V3__shrink.sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(50);\n");

        assertEquals(List.of("V3__shrink.sql:1:19 ALTER TABLE notes changes the type of column body from"
                + " VARCHAR(100) to VARCHAR(50) (shorter: 100 to 50 characters)"), typeChanges());
    }

    @Test
    void theVersionedScriptsUpToABaselinesVersionBuildTheSchemaInstead() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40));\n");
        write("db/V2__widen.sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(100);\n");
        // Written wider than the versioned scripts made it: replayed, it would hide their schema
        write("db/B2__baseline.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(400));\n");
        write("db/V3__shrink.sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(50);\n");

        assertEquals(List.of("V3__shrink.sql:1:19 ALTER TABLE notes changes the type of column body from"
                + " VARCHAR(100) to VARCHAR(50) (shorter: 100 to 50 characters)"), typeChanges());
    }

    private List<String> typeChanges() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("alter-column-type"))
                .map(LinterFlywayBaselineTest::located).toList();
    }

    private static String located(Finding finding) {
        return finding.location().path().substring("db/".length()) + ":" + finding.location().line() + ":"
                + finding.location().column() + " " + finding.message();
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }
}
