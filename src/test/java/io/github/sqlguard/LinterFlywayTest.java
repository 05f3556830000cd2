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
        "WARN,  20191100000001000002_identities.postgres.up.sql, ERROR",
        "WARN,  oracle/rollback/1.0.0.9__schema-drop_shiro.sql, WARNING",
        "WARN,  Undo/drop_sessions.sql, WARNING",
        "SKIP,  revert/drop_sessions.sql, -",
        "WARN,  rollbacks/drop_sessions.sql, ERROR",
        "WARN,  rollback/V3__drop_sessions.sql, ERROR"})
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

    @Test
    void aJavaMigrationIsReportedAtItsClassAsCodeSqlguardCannotRead() throws IOException {
        Path backfill = write("src/main/java/db/migration/V2__Backfill.java", """
                package db.migration;

                import org.flywaydb.core.api.migration.BaseJavaMigration;
                import org.flywaydb.core.api.migration.Context;

                public class V2__Backfill extends BaseJavaMigration {
                    @Override
                    public void migrate(Context context) throws Exception {
                        context.getConnection().createStatement().execute("DELETE FROM orders");
                    }
                }
                """);
        Path old = write("src/main/java/db/migration/V1_5__Seed.java", "class V1_5__Seed {}\n");

        List<String> found = lint(null, ScriptMode.WARN, List.of(backfill, old)).findings().stream()
                .filter(f -> f.ruleId().equals("unchecked-change"))
                .map(f -> f.location() + " " + f.severity() + " " + f.message()).toList();

        assertEquals(List.of("src/main/java/db/migration/V1_5__Seed.java:1:1 WARNING Flyway Java migration "
                + "V1_5__Seed runs code sqlguard cannot read; nothing it does to rows was checked",
                "src/main/java/db/migration/V2__Backfill.java:6:1 WARNING Flyway Java migration "
                + "V2__Backfill runs code sqlguard cannot read; nothing it does to rows was checked"), found);
    }

    @Test
    void aJavaMigrationWhoseNameSaysItDeletesRowsSaysSo() throws IOException {
        Path purge = write("src/main/java/db/migration/V3__Delete_orphan_rows.java",
                "public class V3__Delete_orphan_rows {}\n");
        Path drop = write("src/main/java/db/migration/V4__DropLegacyTables.java",
                "public class V4__DropLegacyTables {}\n");

        List<String> found = lint(null, ScriptMode.WARN, List.of(purge, drop)).findings().stream()
                .filter(f -> f.ruleId().equals("unchecked-change")).map(f -> f.location() + " " + f.message())
                .toList();

        assertEquals(List.of("src/main/java/db/migration/V3__Delete_orphan_rows.java:1:1 Flyway Java migration"
                + " V3__Delete_orphan_rows runs code sqlguard cannot read, and its name says it deletes rows: nothing"
                + " it does to rows was checked",
                "src/main/java/db/migration/V4__DropLegacyTables.java:1:1 Flyway Java migration V4__DropLegacyTables"
                + " runs code sqlguard cannot read, and its name says it drops columns or tables: nothing it does to"
                + " rows was checked"), found);
    }

    @Test
    void aJavaMigrationAtOrBelowSinceVersionAlreadyRanButOneWhoseVersionOnlyItsCodeGivesIsReported()
            throws IOException {
        Path old = write("src/main/java/db/migration/V1_5__Seed.java", "class V1_5__Seed {}\n");
        Path bean = write("src/main/java/com/acme/db/BackfillOrders.java", """
                package com.acme.db;

                @Component
                public class BackfillOrders extends BaseJavaMigration {
                    public MigrationVersion getVersion() { return MigrationVersion.fromVersion("1.2"); }
                }
                """);

        List<String> found = lint("1.9", ScriptMode.WARN, List.of(old, bean)).findings().stream()
                .filter(f -> f.ruleId().equals("unchecked-change")).map(f -> f.location().toString()).toList();

        assertEquals(List.of("src/main/java/com/acme/db/BackfillOrders.java:4:1"), found);
    }

    @Test
    void aLocationThatDoesNotExistIsNamedAsWrittenBesideThePomWithWhatToDoAboutIt() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db"),
                project.resolve("src/main/sql-typo")));

        assertEquals(List.of("directory src/main/sql-typo does not exist; nothing checked there (correct the Flyway "
                + "location, changelog or <directories> entry that names it, or create it)"),
                new Linter().run(defaults).notes());
    }

    private Path write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "afterMigrate.sql | TRUNCATE TABLE price_cache | Flyway callback afterMigrate, which runs on every migrate",
        "beforeEachMigrate__refresh.sql | DELETE FROM sessions | Flyway callback beforeEachMigrate, which runs before each script of every migrate",
        "AFTERCLEAN.sql | DROP TABLE audit | Flyway callback afterClean, which runs on every clean",
        "afterMigration.sql | DELETE FROM sessions | -",
    })
    void aCallbackSaysItRunsOnEveryMigrate(String name, String sql, String expected) throws IOException {
        write("db/" + name, sql + ";\n");

        List<Finding> callback = lint(null, ScriptMode.WARN).findings().stream()
                .filter(f -> f.location().path().equals("db/" + name)).toList();

        assertEquals(1, callback.size(), callback.toString());
        assertEquals(Severity.ERROR, callback.get(0).severity());
        assertEquals(!expected.equals("-"), callback.get(0).message().endsWith(" (" + expected + ")"),
                callback.get(0).message());
    }

    private LintResult lint(String sinceVersion, ScriptMode undo) {
        return lint(sinceVersion, undo, List.of());
    }

    private LintResult lint(String sinceVersion, ScriptMode undo, List<Path> javaMigrations) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = new FlywayConfig("V", "U", "R", "__", List.of(".sql"), Map.of(), "${", "}",
                sinceVersion, undo, javaMigrations);
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(), List.of(),
                null, defaults.maxFileBytes(), 2));
    }
}
