package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The popx migrator keeps each statement of a migration in a file of its own ({@code 20210410175418000004_network
 * .sqlite3.up.sql}): what the migration's earlier files did to keep the data still guards its later files, and
 * nothing carries over to another migration.
 */
class LinterSplitMigrationTest {

    @TempDir
    Path project;

    @Test
    void aTableRebuildSplitIntoFilesLosesNothing() throws IOException {
        flowsTable();
        statements("20200101000001", "network", List.of(
                "ALTER TABLE flows ADD COLUMN nid char(36);",
                "UPDATE flows SET nid = (SELECT id FROM networks LIMIT 1);",
                "CREATE TABLE _flows_tmp (id TEXT PRIMARY KEY, url TEXT NOT NULL, nid char(36));",
                "INSERT INTO _flows_tmp (id, url, nid) SELECT id, url, nid FROM flows;",
                "DROP TABLE flows;",
                "ALTER TABLE _flows_tmp RENAME TO flows;"));

        assertEquals(List.of(
                "000001 update-without-where INFO column nid was added earlier in migration 20200101000001_network"
                        + " and nothing has written it since",
                "000004 drop-table INFO rows copied to _flows_tmp at line 1 of"
                        + " 20200101000001000003_network.sqlite3.up.sql",
                "000005 rename-table INFO table _flows_tmp was created earlier in migration 20200101000001_network"),
                lint("update-without-where", "drop-table", "rename-table"));
    }

    @Test
    void aColumnRebuildSplitIntoFilesLosesNothing() throws IOException {
        write("20200101000000000000_init.cockroach.up.sql",
                "CREATE TABLE errors (id UUID PRIMARY KEY, seen_at TIMESTAMP);");
        statements("20200101000001", "errors", "cockroach", List.of(
                "ALTER TABLE errors RENAME COLUMN seen_at TO _seen_at_tmp;",
                "ALTER TABLE errors ADD COLUMN seen_at TIMESTAMP;",
                "UPDATE errors SET seen_at = _seen_at_tmp;",
                "ALTER TABLE errors DROP COLUMN _seen_at_tmp;"));

        assertEquals(List.of(
                "000000 rename-column INFO column seen_at is added again at line 1 of"
                        + " 20200101000001000001_errors.cockroach.up.sql and every value copied back at line 1 of"
                        + " 20200101000001000002_errors.cockroach.up.sql",
                "000002 update-without-where INFO column seen_at was added earlier in migration 20200101000001_errors"
                        + " and nothing has written it since",
                "000003 drop-column INFO values of _seen_at_tmp copied to seen_at at line 1 of"
                        + " 20200101000001000002_errors.cockroach.up.sql"),
                lint("rename-column", "update-without-where", "drop-column"));
    }

    @Test
    void theDownFilesOfASplitMigrationRunLastFileFirstAsOneRun() throws IOException {
        write("20200101000000000000_init.cockroach.up.sql",
                "CREATE TABLE errors (id UUID PRIMARY KEY, seen_at TIMESTAMP);");
        List<String> rebuild = List.of(
                "ALTER TABLE errors RENAME COLUMN seen_at TO _seen_at_tmp;",
                "ALTER TABLE errors ADD COLUMN seen_at TIMESTAMP;",
                "UPDATE errors SET seen_at = _seen_at_tmp;",
                "ALTER TABLE errors DROP COLUMN _seen_at_tmp;");
        statements("20200101000001", "errors", "cockroach", rebuild);
        // popx numbers the down files so that, run from the highest number down, they undo in the written order
        for (int i = 0; i < rebuild.size(); i++) {
            write(String.format("20200101000001%06d_errors.cockroach.down.sql", i),
                    rebuild.get(rebuild.size() - 1 - i));
        }

        assertEquals(List.of(
                "000000 drop-column INFO values of _seen_at_tmp copied to seen_at at line 1 of"
                        + " 20200101000001000001_errors.cockroach.down.sql",
                "000001 update-without-where INFO column seen_at was added earlier in migration"
                        + " 20200101000001_errors and nothing has written it since"),
                lintDownFiles("update-without-where", "drop-column"));
    }

    /**
     * popx runs one file per version and database, the most specific: {@code x.cockroach.autocommit.down.sql} (run
     * outside a transaction) takes the place of {@code x.down.sql} on CockroachDB as {@code x.cockroach.down.sql}
     * would, so the generic file's drop neither runs there first nor guards the one CockroachDB runs.
     */
    @Test
    void aDatabaseFileRunWithoutTransactionTakesThePlaceOfTheGenericFile() throws IOException {
        write("20200101000000000000_init.sqlite3.up.sql", "CREATE TABLE sessions (id TEXT PRIMARY KEY);");
        write("20200101000000000000_init.cockroach.up.sql", "CREATE TABLE sessions (id UUID PRIMARY KEY);");
        write("20200101000001000000_expiry.up.sql", "ALTER TABLE sessions ADD COLUMN expires_at TIMESTAMP;");
        write("20200101000001000000_expiry.down.sql", "ALTER TABLE sessions DROP COLUMN expires_at;");
        write("20200101000001000000_expiry.cockroach.autocommit.up.sql",
                "ALTER TABLE sessions ADD COLUMN IF NOT EXISTS expires_at TIMESTAMP;");
        write("20200101000001000000_expiry.cockroach.autocommit.down.sql",
                "ALTER TABLE sessions DROP COLUMN IF EXISTS expires_at;");

        // Each down file drops the column its own up file added: the note names which up file that was.
        String since = ", so rolling back loses only the rows written since";
        assertEquals(List.of("000000 drop-column INFO column expires_at was added by its up script at"
                        + " 20200101000001000000_expiry.cockroach.autocommit.up.sql:1" + since,
                "000000 drop-column INFO column expires_at was added by its up script at"
                        + " 20200101000001000000_expiry.up.sql:1" + since),
                lintDownFiles("drop-column"));
    }

    @Test
    void aTableMadeOnlyIfItDidNotExistMayBeAnOldOneWhoseRenameBreaksItsUsers() throws IOException {
        flowsTable();
        statements("20200101000001", "archive", List.of(
                "CREATE TABLE IF NOT EXISTS flow_archive (id TEXT PRIMARY KEY);",
                "ALTER TABLE flow_archive RENAME TO old_flows;"));

        assertEquals(List.of("000001 rename-table WARNING"), lint("rename-table"));
    }

    @Test
    void nothingCarriesOverToAnotherMigration() throws IOException {
        flowsTable();
        flowsCopiedTo("20200101000001", "copy", "flows_backup", "ALTER TABLE flows ADD COLUMN nid char(36);");
        statements("20200101000002", "copy", List.of(
                "UPDATE flows SET nid = NULL;",
                "DROP TABLE flows;"));

        assertEquals(List.of("000000 update-without-where ERROR", "000001 drop-table ERROR"),
                lint("update-without-where", "drop-table"));
    }

    @Test
    void aNameTheMigrationGaveAnotherTableHasNoCopyOfItsRows() throws IOException {
        flowsTable();
        flowsCopiedTo("20200101000001", "rebuild", "_flows_tmp",
                "DROP TABLE flows;", "ALTER TABLE _flows_tmp RENAME TO flows;", "DROP TABLE flows;");

        assertEquals(List.of("000002 drop-table INFO rows copied to _flows_tmp at line 1 of"
                        + " 20200101000001000001_rebuild.sqlite3.up.sql", "000004 drop-table ERROR"),
                lint("drop-table"));
    }

    @Test
    void aTableSwappedInByRenameHasNoCopyOfItsRows() throws IOException {
        write("20200101000000000000_init.mysql.up.sql", "CREATE TABLE orders (id INT PRIMARY KEY, total INT);");
        statements("20200101000001", "swap", "mysql", List.of(
                "CREATE TABLE orders_new LIKE orders;",
                "INSERT INTO orders_new SELECT * FROM orders;",
                "RENAME TABLE orders TO orders_old, orders_new TO orders;",
                "DROP TABLE orders;"));

        assertEquals(List.of("000003 drop-table ERROR"), lint("drop-table"));
    }

    private void flowsTable() throws IOException {
        write("20200101000000000000_init.sqlite3.up.sql",
                "CREATE TABLE flows (id TEXT PRIMARY KEY, url TEXT NOT NULL);");
    }

    /** A migration that copies every row of flows to {@code copy}, then runs {@code after}. */
    private void flowsCopiedTo(String timestamp, String name, String copy, String... after) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of(
                "CREATE TABLE " + copy + " (id TEXT PRIMARY KEY, url TEXT NOT NULL);",
                "INSERT INTO " + copy + " (id, url) SELECT id, url FROM flows;"));
        all.addAll(List.of(after));
        statements(timestamp, name, all);
    }

    /** One file per statement, numbered from 000000 after the migration's {@code timestamp}. */
    private void statements(String timestamp, String name, List<String> statements) throws IOException {
        statements(timestamp, name, "sqlite3", statements);
    }

    private void statements(String timestamp, String name, String database, List<String> statements)
            throws IOException {
        for (int i = 0; i < statements.size(); i++) {
            write(String.format("%s%06d_%s.%s.up.sql", timestamp, i, name, database), statements.get(i));
        }
    }

    private void write(String name, String text) throws IOException {
        TestProject.write(project, "db/" + name, text + "\n");
    }

    /** Each finding as the statement number of its file, its rule, severity and guard. */
    private List<String> lint(String... rules) {
        return lint(path -> true, rules);
    }

    /** {@link #lint}, of the down files only. */
    private List<String> lintDownFiles(String... rules) {
        return lint(path -> path.endsWith(".down.sql"), rules);
    }

    private List<String> lint(java.util.function.Predicate<String> paths, String... rules) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2));
        List<String> wanted = List.of(rules);
        return result.findings().stream()
                .filter(f -> wanted.contains(f.ruleId()) && paths.test(f.location().path()))
                .sorted(java.util.Comparator.comparing((Finding f) -> f.location().path()))
                .map(LinterSplitMigrationTest::described).toList();
    }

    /** Where the guard ends: before the note on a down migration that may follow it. */
    private static int guardEnd(String message, int guard) {
        int note = message.indexOf(") (", guard);
        return note < 0 ? message.length() - 1 : note;
    }

    private static String described(Finding finding) {
        String path = finding.location().path();
        String file = path.substring(path.lastIndexOf('/') + 1);
        String message = finding.message();
        int guard = message.indexOf("(guarded: ");
        return file.substring(14, 20) + " " + finding.ruleId() + " " + finding.severity()
                + (guard < 0 ? "" : " " + message.substring(guard + 10, guardEnd(message, guard)));
    }
}
