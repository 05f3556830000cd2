package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flyway settings decide which scripts are checked and how severely. */
class LinterFlywayTest {

    @TempDir
    Path project;

    @BeforeEach
    void migrations() throws IOException {
        write("db/V1__init.sql", "DELETE FROM a;\n");
        write("db/V1.9__old.sql", "DELETE FROM b;\n");
        write("db/V1.10__new.sql", "DELETE FROM c;\n");
        write("db/U1.10__new.sql", "DROP TABLE c;\n");
        write("db/R__views.sql", "TRUNCATE TABLE report_cache;\n");
    }

    @ParameterizedTest
    @CsvSource({"CHECK, ERROR", "WARN, WARNING", "SKIP, -"})
    void undoScriptModes(ScriptMode mode, String expected) {
        LintResult result = lint(null, mode);
        List<Finding> undo = result.findings().stream()
                .filter(f -> f.location().path().equals("db/U1.10__new.sql")).toList();
        if (expected.equals("-")) {
            assertEquals(List.of(), undo);
        } else {
            assertEquals(1, undo.size(), undo.toString());
            assertEquals(Severity.valueOf(expected), undo.get(0).severity());
        }
    }

    /**
     * Down scripts of the tools that pair every up script with one (diesel, golang-migrate, sqlx, pop) run only on
     * a revert, as Flyway undo scripts do, and follow the same setting; a word "down" elsewhere in a path does not
     * make an up script one.
     */
    @ParameterizedTest
    @CsvSource({
        "CHECK, 2020-09-07-231141_add_migration_utils/down.sql, ERROR",
        "WARN,  2020-09-07-231141_add_migration_utils/down.sql, WARNING",
        "SKIP,  2020-09-07-231141_add_migration_utils/down.sql, -",
        "WARN,  20191100000001000002_identities.postgres.down.sql, WARNING",
        "WARN,  000012_drop_sessions.down.sql, WARNING",
        "WARN,  2021-02-10_drop-down-menu/up.sql, ERROR",
        "WARN,  countdown.sql, ERROR",
        "WARN,  20191100000001000002_identities.postgres.up.sql, ERROR"})
    void downScriptsFollowTheUndoSetting(ScriptMode mode, String name, String expected) throws IOException {
        write("db/" + name, "DROP TABLE identity_credentials;\n");

        List<Finding> findings = lint(null, mode).findings().stream()
                .filter(f -> f.location().path().equals("db/" + name)).toList();

        if (expected.equals("-")) {
            assertEquals(List.of(), findings);
        } else {
            assertEquals(1, findings.size(), findings.toString());
            assertEquals(Severity.valueOf(expected), findings.get(0).severity());
        }
    }

    @Test
    void sinceVersionLeavesAppliedScriptsAloneComparingAsFlywayDoes() {
        LintResult result = lint("1.9", ScriptMode.WARN);

        assertEquals(2, result.alreadyApplied(), "V1 and V1.9 already ran; 1.10 > 1.9");
        assertTrue(result.findings().stream().noneMatch(f -> f.location().path().startsWith("db/V1__")
                || f.location().path().startsWith("db/V1.9__")), result.findings().toString());
        assertTrue(result.findings().stream().anyMatch(f -> f.location().path().equals("db/V1.10__new.sql")));
        assertTrue(result.findings().stream().anyMatch(f -> f.location().path().equals("db/R__views.sql")),
                "repeatable scripts run again and again: always checked");
    }

    @Test
    void aSinceVersionThatIsNoVersionIsAConfigurationError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> lint("one-dot-nine", ScriptMode.WARN));
        assertTrue(error.getMessage().contains("sinceVersion 'one-dot-nine'"), error.getMessage());
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private LintResult lint(String sinceVersion, ScriptMode undo) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = new FlywayConfig("V", "U", "R", "__", List.of(".sql"), Map.of(), "${", "}",
                sinceVersion, undo);
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(), List.of(),
                null, defaults.maxFileBytes(), 2));
    }
}
