package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A down script that drops what its own up script created (a table, a column), or empties such a table first, loses
 * only what was written since the up script ran: reported at INFO with where the up script created it. Anything that held data before the up script
 * (a table it rebuilt or renamed, a column it dropped and added again, values it moved before dropping their source)
 * keeps its warning.
 */
class LinterDownScriptDropsCreatedTest {

    private static final String BASE = "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note TEXT);\n";

    @TempDir
    Path project;

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("a table the up script created",
                        "CREATE TABLE refunds (id INT PRIMARY KEY, amount INT);\n", "DROP TABLE refunds;\n",
                        "db/000002_x.down.sql:1:1 drop-table INFO"),
                Arguments.of("a column the up script added",
                        "ALTER TABLE orders ADD COLUMN paid_at TIMESTAMP;\n",
                        "ALTER TABLE orders DROP COLUMN paid_at;\n", "db/000002_x.down.sql:1:20 drop-column INFO"),
                Arguments.of("a column the up script added and filled from a column that stays",
                        "ALTER TABLE orders ADD COLUMN total_cents INT;\nUPDATE orders SET total_cents = total * 100;\n",
                        "ALTER TABLE orders DROP COLUMN total_cents;\n", "db/000002_x.down.sql:1:20 drop-column INFO"),
                Arguments.of("a column filled from one the up script then dropped",
                        "ALTER TABLE orders ADD COLUMN remark TEXT;\nUPDATE orders SET remark = note;\n"
                                + "ALTER TABLE orders DROP COLUMN note;\n",
                        "ALTER TABLE orders ADD COLUMN note TEXT;\nALTER TABLE orders DROP COLUMN remark;\n",
                        "db/000002_x.down.sql:2:20 drop-column WARNING"),
                Arguments.of("a table filled from rows of a table the up script then dropped",
                        "CREATE TABLE orders_v2 (id INT PRIMARY KEY, total INT);\n"
                                + "INSERT INTO orders_v2 SELECT id, total FROM orders;\nDROP TABLE orders;\n",
                        "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note TEXT);\nDROP TABLE orders_v2;\n",
                        "db/000002_x.down.sql:2:1 drop-table WARNING"),
                Arguments.of("a table the up script rebuilt",
                        "DROP TABLE orders;\nCREATE TABLE orders (id INT PRIMARY KEY, total BIGINT);\n",
                        "DROP TABLE orders;\n", "db/000002_x.down.sql:1:1 drop-table WARNING"),
                Arguments.of("a table the up script renamed",
                        "ALTER TABLE orders RENAME TO purchases;\n", "DROP TABLE purchases;\n",
                        "db/000002_x.down.sql:1:1 drop-table WARNING"),
                Arguments.of("a table the up script created only if missing",
                        "CREATE TABLE IF NOT EXISTS refunds (id INT PRIMARY KEY);\n", "DROP TABLE refunds;\n",
                        "db/000002_x.down.sql:1:1 drop-table WARNING"),
                Arguments.of("a table older than the up script",
                        "CREATE TABLE refunds (id INT PRIMARY KEY);\n", "DROP TABLE refunds;\nDROP TABLE orders;\n",
                        "db/000002_x.down.sql:1:1 drop-table INFO|db/000002_x.down.sql:2:1 drop-table WARNING"),
                Arguments.of("a column the up script dropped and added again",
                        "ALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders ADD COLUMN note VARCHAR(20);\n",
                        "ALTER TABLE orders DROP COLUMN note;\n", "db/000002_x.down.sql:1:20 drop-column WARNING"),
                Arguments.of("a created table the down script filled from an older one first",
                        "CREATE TABLE refunds (id INT PRIMARY KEY, amount INT);\n",
                        "INSERT INTO refunds SELECT id, total FROM orders;\nDROP TABLE refunds;\n",
                        "db/000002_x.down.sql:2:1 drop-table WARNING"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void downScriptDropsAreJudgedByWhatTheUpScriptCreated(String name, String up, String down, String expected)
            throws IOException {
        TestProject.write(project, "db/000001_init.up.sql", BASE);
        TestProject.write(project, "db/000002_x.up.sql", up);
        TestProject.write(project, "db/000002_x.down.sql", down);

        assertEquals(List.of(expected.split("\\|")), drops("db/000002_x.down.sql"));
    }

    @Test
    void theNoteSaysWhereTheUpScriptCreatedIt() throws IOException {
        TestProject.write(project, "db/migrations/2024-01-01-000000_init/up.sql", BASE);
        TestProject.write(project, "db/migrations/2024-01-01-000000_init/down.sql", "DROP TABLE orders;\n");
        TestProject.write(project, "db/migrations/2024-01-02-000000_refunds/up.sql",
                "ALTER TABLE orders ADD COLUMN refunded BOOLEAN;\n\nCREATE TABLE refunds (id INT PRIMARY KEY);\n");
        TestProject.write(project, "db/migrations/2024-01-02-000000_refunds/down.sql", "DROP TABLE refunds;\n");

        List<Finding> all = findings();
        Finding finding = all.stream().filter(f -> f.location().toString().contains("_refunds/down.sql"))
                .findFirst().orElseThrow(() -> new AssertionError(all));
        assertTrue(finding.message().contains("(guarded: table refunds was created by its up script at"
                + " 2024-01-02-000000_refunds/up.sql:3, so rolling back loses only the rows written since)"),
                finding.message());
    }

    @Test
    void aDropOfATableTheUpScriptCreatedOnlyIfMissingSaysWhyItIsStillAWarning() throws IOException {
        TestProject.write(project, "db/000001_init.up.sql", BASE);
        TestProject.write(project, "db/000002_x.up.sql", "CREATE TABLE IF NOT EXISTS refunds (id INT PRIMARY KEY);\n"
                + "CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY);\n");
        TestProject.write(project, "db/000002_x.down.sql", "DROP TABLE IF EXISTS refunds;\nDROP TABLE orders;\n");

        List<Finding> down = findings().stream()
                .filter(f -> f.location().toString().startsWith("db/000002_x.down.sql:")).toList();
        assertEquals(List.of("WARNING", "WARNING"), down.stream().map(f -> f.severity().name()).toList());
        assertTrue(down.get(0).message().contains("(table refunds was created by its up script only IF NOT EXISTS, at"
                + " 000002_x.up.sql:1, which keeps a table of that name that the database already had, rows and all:"
                + " this drop loses those rows too)"), down.get(0).message());
        // orders is older than the up script, whose IF NOT EXISTS left it as it was: nothing to explain
        assertTrue(!down.get(1).message().contains("IF NOT EXISTS"), down.get(1).message());
    }

    @Test
    void aColumnAddedUnderTheNameARenameTookAwayStartsEmpty() throws IOException {
        TestProject.write(project, "db/000001_init.up.sql", BASE);
        TestProject.write(project, "db/000002_x.up.sql", "ALTER TABLE orders RENAME COLUMN note TO note_format;\n"
                + "ALTER TABLE orders ADD COLUMN note VARCHAR(32) NOT NULL DEFAULT '';\n");
        TestProject.write(project, "db/000002_x.down.sql", "ALTER TABLE orders DROP COLUMN note;\n"
                + "ALTER TABLE orders RENAME COLUMN note_format TO note;\n");
        TestProject.write(project, "db/000003_y.up.sql", "ALTER TABLE orders RENAME COLUMN total TO total_old;\n"
                + "ALTER TABLE orders ADD COLUMN total BIGINT;\nUPDATE orders SET total = total_old;\n"
                + "ALTER TABLE orders DROP COLUMN total_old;\n");
        TestProject.write(project, "db/000003_y.down.sql", "ALTER TABLE orders DROP COLUMN total;\n");

        assertEquals(List.of("db/000002_x.down.sql:1:20 drop-column INFO"), drops("db/000002_x.down.sql"));
        // filled from the renamed column, which the up script then dropped: the values live only there
        assertEquals(List.of("db/000003_y.down.sql:1:20 drop-column WARNING"), drops("db/000003_y.down.sql"));
    }

    @Test
    void aDownScriptThatEmptiesATableItsUpScriptCreatedLosesNoMoreThanItsDrop() throws IOException {
        TestProject.write(project, "db/000001_init.up.sql", BASE);
        TestProject.write(project, "db/000002_x.up.sql", "CREATE TABLE refunds (id INT PRIMARY KEY);\n"
                + "CREATE TABLE credits (id INT PRIMARY KEY, refund_id INT REFERENCES refunds (id));\n");
        TestProject.write(project, "db/000002_x.down.sql", "DELETE FROM credits;\nTRUNCATE refunds CASCADE;\n"
                + "DROP TABLE credits;\nDROP TABLE refunds;\nDELETE FROM orders;\n");
        TestProject.write(project, "db/000003_y.up.sql", "CREATE TABLE notes (id INT PRIMARY KEY);\n");
        TestProject.write(project, "db/000003_y.down.sql", "TRUNCATE notes;\nDROP TABLE notes;\n");

        // TRUNCATE .. CASCADE also empties whatever references the table, older tables among them
        assertEquals(List.of("db/000002_x.down.sql:1:1 delete-without-where INFO",
                "db/000002_x.down.sql:2:1 truncate-table WARNING", "db/000002_x.down.sql:5:1 delete-without-where WARNING"),
                emptyings("db/000002_x.down.sql"));
        assertEquals(List.of("db/000003_y.down.sql:1:1 truncate-table INFO"), emptyings("db/000003_y.down.sql"));
    }

    @Test
    void aFlywayUndoScriptDropsWhatItsVersionCreated() throws IOException {
        TestProject.write(project, "db/migration/V1__init.sql", BASE);
        TestProject.write(project, "db/migration/V2__paid.sql", "ALTER TABLE orders ADD COLUMN paid_at TIMESTAMP;\n");
        TestProject.write(project, "db/migration/U2__paid.sql",
                "ALTER TABLE orders DROP COLUMN paid_at;\nALTER TABLE orders DROP COLUMN note;\n");

        assertEquals(List.of("db/migration/U2__paid.sql:1:20 drop-column INFO",
                "db/migration/U2__paid.sql:2:20 drop-column WARNING"), drops("db/migration/U2__paid.sql"));
    }

    @Test
    void aGooseDownSectionDropsWhatItsUpSectionCreated() throws IOException {
        TestProject.write(project, "db/00001_init.sql", "-- +goose Up\n" + BASE + "-- +goose Down\nDROP TABLE orders;\n");
        TestProject.write(project, "db/00002_paid.sql", "-- +goose Up\nALTER TABLE orders ADD COLUMN paid BOOLEAN;\n"
                + "-- +goose Down\nALTER TABLE orders DROP COLUMN paid;\nALTER TABLE orders DROP COLUMN note;\n");

        assertEquals(List.of("db/00001_init.sql:4:1 drop-table INFO"), drops("db/00001_init.sql"));
        assertEquals(List.of("db/00002_paid.sql:4:20 drop-column INFO", "db/00002_paid.sql:5:20 drop-column WARNING"),
                drops("db/00002_paid.sql"));
    }

    @Test
    void aDatabasesOwnDownScriptDropsWhatTheUpScriptForEveryDatabaseCreated() throws IOException {
        TestProject.write(project, "db/20240101000000_refunds.up.sql",
                "CREATE TABLE refunds (id INT PRIMARY KEY, note VARCHAR(20));\n\nCREATE INDEX refunds_note ON refunds"
                        + " (note);\n");
        TestProject.write(project, "db/20240101000000_refunds.down.sql", "DROP INDEX refunds_note;\n\nDROP TABLE"
                + " refunds;\n");
        TestProject.write(project, "db/20240101000000_refunds.mysql.down.sql",
                "DROP INDEX refunds_note ON refunds;\n\nDROP TABLE refunds;\n");

        assertEquals(List.of("db/20240101000000_refunds.mysql.down.sql:3:1 drop-table INFO"),
                drops("db/20240101000000_refunds.mysql.down.sql"));
        assertEquals(List.of("db/20240101000000_refunds.down.sql:3:1 drop-table INFO"),
                drops("db/20240101000000_refunds.down.sql"));
    }

    @Test
    void aDatabasesOwnDownScriptReversesTheSharedUpScriptWhenAnotherFolderGivesThatDatabaseAHistory()
            throws IOException {
        TestProject.write(project, "db/core/20230101000000_init.mysql.up.sql", BASE);
        TestProject.write(project, "db/core/20230101000000_init.postgres.up.sql", BASE);
        TestProject.write(project, "db/extra/20240101000000_refunds.up.sql",
                "CREATE TABLE refunds (id INT PRIMARY KEY);\n");
        TestProject.write(project, "db/extra/20240101000000_refunds.down.sql", "DROP TABLE refunds;\n");
        TestProject.write(project, "db/extra/20240101000000_refunds.mysql.down.sql", "DROP TABLE refunds;\n");

        assertEquals(List.of("db/extra/20240101000000_refunds.mysql.down.sql:1:1 drop-table INFO"),
                drops("db/extra/20240101000000_refunds.mysql.down.sql"));
    }

    private List<String> drops(String path) {
        return findings().stream().filter(f -> f.location().toString().startsWith(path + ":"))
                .filter(f -> f.ruleId().startsWith("drop-"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private List<String> emptyings(String path) {
        return findings().stream().filter(f -> f.location().toString().startsWith(path + ":"))
                .filter(f -> f.ruleId().equals("truncate-table") || f.ruleId().equals("delete-without-where"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private List<Finding> findings() {
        return TestProject.lint(project, Dialect.POSTGRESQL).findings();
    }
}
