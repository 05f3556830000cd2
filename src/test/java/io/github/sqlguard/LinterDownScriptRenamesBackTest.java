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
 * A down script that renames a table or column back to the name its up script took from it restores what the release
 * before uses: reported at INFO with where the up script renamed it. A rename to any other name, or of what the up
 * script did not rename, keeps its warning.
 */
class LinterDownScriptRenamesBackTest {

    private static final String BASE = "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note TEXT);\n"
            + "CREATE TABLE items (id INT PRIMARY KEY);\n";

    @TempDir
    Path project;

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("a column renamed back",
                        "ALTER TABLE orders RENAME COLUMN note TO remark;\n",
                        "ALTER TABLE orders RENAME COLUMN remark TO note;\n",
                        "db/000002_x.down.sql:1:20 rename-column INFO"),
                Arguments.of("a table renamed back",
                        "ALTER TABLE orders RENAME TO purchases;\n", "ALTER TABLE purchases RENAME TO orders;\n",
                        "db/000002_x.down.sql:1:23 rename-table INFO"),
                Arguments.of("a table renamed twice and back at once",
                        "ALTER TABLE orders RENAME TO purchases;\nALTER TABLE purchases RENAME TO sales;\n",
                        "ALTER TABLE sales RENAME TO orders;\n", "db/000002_x.down.sql:1:19 rename-table INFO"),
                Arguments.of("a column renamed to another name than it had",
                        "ALTER TABLE orders RENAME COLUMN note TO remark;\n",
                        "ALTER TABLE orders RENAME COLUMN remark TO comment;\n",
                        "db/000002_x.down.sql:1:20 rename-column WARNING"),
                Arguments.of("a column the up script did not rename",
                        "ALTER TABLE orders RENAME COLUMN note TO remark;\n",
                        "ALTER TABLE orders RENAME COLUMN total TO amount;\n",
                        "db/000002_x.down.sql:1:20 rename-column WARNING"),
                Arguments.of("a column of another table of the same name",
                        "ALTER TABLE orders RENAME COLUMN note TO remark;\nALTER TABLE items ADD COLUMN remark TEXT;\n",
                        "ALTER TABLE items RENAME COLUMN remark TO note;\n",
                        "db/000002_x.down.sql:1:19 rename-column WARNING"),
                Arguments.of("a column the up script renamed only in a branch",
                        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM orders) THEN"
                                + " ALTER TABLE orders RENAME COLUMN note TO remark; END IF; END $$;\n",
                        "ALTER TABLE orders RENAME COLUMN remark TO note;\n",
                        "db/000002_x.down.sql:1:20 rename-column WARNING"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void downScriptRenamesAreJudgedByWhatTheUpScriptRenamed(String name, String up, String down, String expected)
            throws IOException {
        TestProject.write(project, "db/000001_init.up.sql", BASE);
        TestProject.write(project, "db/000002_x.up.sql", up);
        TestProject.write(project, "db/000002_x.down.sql", down);

        assertEquals(List.of(expected), renames("db/000002_x.down.sql", Dialect.POSTGRESQL));
    }

    @Test
    void theNoteSaysWhereTheUpScriptRenamedIt() throws IOException {
        TestProject.write(project, "db/000001_init.up.sql", BASE);
        TestProject.write(project, "db/000002_x.up.sql", "ALTER TABLE orders ADD COLUMN paid BOOLEAN;\n\n"
                + "ALTER TABLE orders RENAME COLUMN note TO remark;\n");
        TestProject.write(project, "db/000002_x.down.sql", "ALTER TABLE orders RENAME COLUMN remark TO note;\n");

        Finding finding = findings(Dialect.POSTGRESQL).stream()
                .filter(f -> f.location().toString().startsWith("db/000002_x.down.sql:")).findFirst().orElseThrow();
        assertTrue(finding.message().contains("(guarded: column remark gets back its name note from before its up"
                + " script renamed it at 000002_x.up.sql:3, which the release that rolling back returns to uses)"),
                finding.message());
        assertEquals(List.of("db/000002_x.up.sql:3:20 rename-column WARNING"),
                renames("db/000002_x.up.sql", Dialect.POSTGRESQL));
    }

    @Test
    void mysqlRenameTableStatementsRenamedBackEveryPair() throws IOException {
        TestProject.write(project, "db/000001_init.up.sql", BASE);
        TestProject.write(project, "db/000002_x.up.sql", "RENAME TABLE orders TO purchases;\n");
        TestProject.write(project, "db/000002_x.down.sql", "RENAME TABLE purchases TO orders;\n");
        TestProject.write(project, "db/000003_y.up.sql", "RENAME TABLE orders TO sales;\n");
        TestProject.write(project, "db/000003_y.down.sql", "RENAME TABLE sales TO orders, items TO lines;\n");

        assertEquals(List.of("db/000002_x.down.sql:1:1 rename-table INFO"),
                renames("db/000002_x.down.sql", Dialect.MYSQL));
        assertEquals(List.of("db/000003_y.down.sql:1:1 rename-table WARNING"),
                renames("db/000003_y.down.sql", Dialect.MYSQL));
    }

    @Test
    void aGooseDownSectionRenamesBackWhatItsUpSectionRenamed() throws IOException {
        TestProject.write(project, "db/00001_init.sql", "-- +goose Up\n" + BASE);
        TestProject.write(project, "db/00002_remark.sql", "-- +goose Up\n"
                + "ALTER TABLE orders RENAME COLUMN note TO remark;\n"
                + "-- +goose Down\nALTER TABLE orders RENAME COLUMN remark TO note;\n");

        assertEquals(List.of("db/00002_remark.sql:2:20 rename-column WARNING",
                "db/00002_remark.sql:4:20 rename-column INFO"), renames("db/00002_remark.sql", Dialect.POSTGRESQL));
    }

    private List<String> renames(String path, Dialect dialect) {
        return findings(dialect).stream().filter(f -> f.location().toString().startsWith(path + ":"))
                .filter(f -> f.ruleId().startsWith("rename-"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private List<Finding> findings(Dialect dialect) {
        return TestProject.lint(project, dialect).findings();
    }
}
