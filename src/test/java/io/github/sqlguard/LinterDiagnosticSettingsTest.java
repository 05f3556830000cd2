package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The diagnostics about acknowledgements and files take the severity the pom gives them, or refuse it. */
class LinterDiagnosticSettingsTest {

    @TempDir
    Path project;

    @BeforeEach
    void migrations() throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__x.sql"), String.join("\n",
                "-- sqlguard:allow delete-without-where",
                "DELETE FROM a;",
                "-- sqlguard:allow delet-without-where reason: typo",
                "DELETE FROM b WHERE id = 1;",
                "-- sqlguard:allow drop-table reason: nothing to drop here",
                "SELECT 1;", ""), StandardCharsets.UTF_8);
    }

    @Test
    void byDefaultEachDiagnosticHasItsDocumentedSeverity() {
        LintResult result = lint(Map.of(), List.of(), List.of(new SuppressionConfig("truncate-table", null, "r")));

        assertEquals(Optional.of(Severity.ERROR), severityOf(result, "suppression-without-reason"));
        assertEquals(Optional.of(Severity.ERROR), severityOf(result, "unknown-rule"));
        assertEquals(2, result.findings().stream().filter(f -> f.ruleId().equals("unused-suppression")).count(),
                "the inline allow of drop-table and the pom entry");
    }

    @Test
    void configuredSeveritiesAndDisabledDiagnosticsApply() {
        LintResult result = lint(Map.of("unused-suppression", "OFF", "unknown-rule", "WARNING"),
                List.of("suppression-without-reason"),
                List.of(new SuppressionConfig("truncate-table", null, "r")));

        assertEquals(Optional.empty(), severityOf(result, "unused-suppression"), "neither inline nor pom");
        assertEquals(Optional.of(Severity.WARNING), severityOf(result, "unknown-rule"));
        assertEquals(Optional.empty(), severityOf(result, "suppression-without-reason"));
        assertEquals(Optional.of(Severity.ERROR), severityOf(result, "delete-without-where"),
                "an allow without reason still acknowledges nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unreadable-file", "unterminated-token", "malformed-changelog", "missing-include",
        "analysis-failed"})
    void diagnosticsThatMeanSomethingWentUncheckedCannotBeSwitchedOff(String id) {
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> lint(Map.of(id, "OFF"), List.of(), List.of()));
        assertTrue(off.getMessage().contains(id + " cannot be switched off") && off.getMessage().contains("WARNING"),
                off.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lint(Map.of(), List.of(id), List.of()));
        lint(Map.of(id, "WARNING"), List.of(), List.of());
    }

    @Test
    void anEmptyRulesElementIsRefusedWithTheValidLevels() {
        // <rules><truncate-table></truncate-table></rules>: Maven hands the mojo a null level
        Map<String, String> levels = new java.util.HashMap<>();
        levels.put("truncate-table", null);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> lint(levels, List.of(), List.of()));

        assertEquals("No severity given for rule truncate-table in <rules>; valid values are: ERROR, WARNING, INFO, OFF",
                refused.getMessage());
    }

    @Test
    void anUnterminatedStringLoweredToWarningIsAWarning() throws IOException {
        Files.writeString(project.resolve("db/V2__y.sql"), "SELECT 'open;\n", StandardCharsets.UTF_8);

        LintResult result = lint(Map.of("unterminated-token", "WARNING"), List.of(), List.of());

        assertEquals(Optional.of(Severity.WARNING), severityOf(result, "unterminated-token"));
    }

    private static Optional<Severity> severityOf(LintResult result, String rule) {
        return result.findings().stream().filter(f -> f.ruleId().equals(rule)).map(Finding::severity).findFirst();
    }

    private LintResult lint(Map<String, String> levels, List<String> disabled, List<SuppressionConfig> suppressions) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, levels, disabled, defaults.flyway(), defaults.liquibase(),
                suppressions, null, defaults.maxFileBytes(), 2));
    }
}
