package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.suppress.Baseline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline written once keeps acknowledging the same statements, whatever moves around them. */
class LinterBaselineTest {

    @TempDir
    Path project;

    @Test
    void baselineSurvivesPlaceholderValuesAndLineMovesButNotANewFile() throws IOException {
        Path migration = write("db/V1__legacy.sql", "DELETE FROM ${schema}.audit_log;\n");
        Path baselineFile = project.resolve("sqlguard-baseline.json");
        LintResult first = lint("blue", null);
        Baseline.of(first.findings(), f -> first.statementSql().get(f.location())).write(baselineFile);

        Files.writeString(migration, "-- kept for history\n\nDELETE   FROM ${schema}.audit_log ;\n");
        write("db/V2__new.sql", "DELETE FROM ${schema}.audit_log;\n");
        LintResult later = lint("green", baselineFile);

        Finding old = only(later, "db/V1__legacy.sql");
        Finding fresh = only(later, "db/V2__new.sql");
        assertTrue(old.isAcknowledged(), old.toString());
        assertEquals(Acknowledgement.Source.BASELINE, old.acknowledgement().source());
        assertFalse(fresh.isAcknowledged(), "the same statement in a new file is a new finding");
        assertTrue(later.findings().stream().noneMatch(f -> f.ruleId().equals("stale-baseline-entry")));
    }

    @Test
    void aBaselinedCommentLeftOpenNoLongerCoversTheStatementsAnEditAddsAfterIt() throws IOException {
        Path repeatable = write("db/R__views.sql", "CREATE VIEW v AS SELECT 1;\n/* old header, never closed\nSELECT 1;\n");
        Path baselineFile = project.resolve("sqlguard-baseline.json");
        LintResult first = lint("blue", baselineFile);
        Baseline.of(first.findings(), f -> first.statementSql().get(f.location())).write(baselineFile);

        Files.writeString(repeatable, "CREATE VIEW v AS SELECT 1;\r\n/* old header, never closed\r\nSELECT 1;\r\n");
        Finding sameTextOtherLineEnds = onlyOf(lint("blue", baselineFile), "unterminated-token");
        assertTrue(sameTextOtherLineEnds.isAcknowledged(), sameTextOtherLineEnds.toString());

        Files.writeString(repeatable, "CREATE VIEW v AS SELECT 1;\n/* old header, never closed\nSELECT 1;\n"
                + "DROP TABLE customers;\n");
        LintResult edited = lint("blue", baselineFile);

        Finding swallowing = onlyOf(edited, "unterminated-token");
        assertEquals("db/R__views.sql:2:1", swallowing.location().toString());
        assertFalse(swallowing.isAcknowledged(), "the DROP TABLE the comment swallows was never accepted");
        assertEquals(1, edited.findings().stream().filter(f -> f.ruleId().equals("stale-baseline-entry")).count(),
                edited.findings().toString());
    }

    @Test
    void aBaselinedMalformedChangelogNoLongerCoversItOnceEdited() throws IOException {
        String broken = """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <sql>SELECT 1</sql>
                </databaseChangeLog>
                """;
        Path changelog = write("db/changelog.xml", broken);
        Path baselineFile = project.resolve("sqlguard-baseline.json");
        LintResult first = lint("blue", baselineFile);
        Baseline.of(first.findings(), f -> first.statementSql().get(f.location())).write(baselineFile);
        assertTrue(onlyOf(lint("blue", baselineFile), "malformed-changelog").isAcknowledged());

        Files.writeString(changelog, broken.replace("<sql>SELECT 1</sql>", "<sql>SELECT 1</sql><dropTable tableName=\"customers\"/>"));

        assertFalse(onlyOf(lint("blue", baselineFile), "malformed-changelog").isAcknowledged());
    }

    @Test
    void aBaselinedUnreadableFileNoLongerCoversItOnceItsBytesChange() throws IOException {
        Path dump = project.resolve("db/V2__legacy_dump.sql");
        Files.createDirectories(dump.getParent());
        byte[] binary = new byte[200_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 7 == 0 ? 0 : 'a' + i % 26);
        }
        Files.write(dump, binary);
        Path baselineFile = project.resolve("sqlguard-baseline.json");
        LintResult first = lint("blue", baselineFile);
        Baseline.of(first.findings(), f -> first.statementSql().get(f.location())).write(baselineFile);
        assertTrue(onlyOf(lint("blue", baselineFile), "unreadable-file").isAcknowledged());

        Files.write(dump, "\nDELETE FROM customers;\n".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        assertFalse(onlyOf(lint("blue", baselineFile), "unreadable-file").isAcknowledged(),
                "what was appended to the file was never accepted");

        Files.write(dump, binary);
        assertTrue(onlyOf(lint("blue", baselineFile), "unreadable-file").isAcknowledged(),
                "the file as it was when the baseline was written");
    }

    private static Finding onlyOf(LintResult result, String rule) {
        List<Finding> found = result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, found.size(), result.findings().toString());
        return found.get(0);
    }

    private Finding only(LintResult result, String path) {
        List<Finding> found = result.findings().stream()
                .filter(f -> f.ruleId().equals("delete-without-where") && f.location().path().equals(path)).toList();
        assertEquals(1, found.size(), result.findings().toString());
        return found.get(0);
    }

    private Path write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private LintResult lint(String schema, Path baselineFile) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = new FlywayConfig("V", "U", "R", "__", List.of(".sql"), Map.of("schema", schema), "${",
                "}", null, ScriptMode.WARN);
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(), List.of(),
                baselineFile, defaults.maxFileBytes(), 2));
    }
}
