package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DROP TABLE of a table that an earlier migration surely dropped or renamed away removes nothing: the finding is
 * lowered to INFO and says where the table went, in every dialect alike. Whatever may have given the name a table
 * again since keeps the finding as it was.
 */
class LinterDroppedInEarlierMigrationTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DROP TABLE IF EXISTS legacy | DROP TABLE IF EXISTS legacy | INFO DROP TABLE removes table legacy and all its rows (guarded: table legacy was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since)
            MYSQL      | DROP TABLE IF EXISTS legacy | DROP TABLE IF EXISTS legacy | INFO DROP TABLE removes table legacy and all its rows (guarded: table legacy was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since)
            SQLITE     | DROP TABLE IF EXISTS legacy | DROP TABLE IF EXISTS legacy | INFO DROP TABLE removes table legacy and all its rows (guarded: table legacy was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since)
            SQLITE     | ALTER TABLE legacy RENAME TO legacy_old | DROP TABLE IF EXISTS legacy | INFO DROP TABLE removes table legacy and all its rows (guarded: table legacy was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since)
            MYSQL      | ALTER TABLE legacy RENAME TO legacy_old | DROP TABLE IF EXISTS legacy | INFO DROP TABLE removes table legacy and all its rows (guarded: table legacy was dropped or renamed away at line 1 of V2__earlier.sql and nothing has taken its name since)
            POSTGRESQL | DROP TABLE legacy | DROP TABLE IF EXISTS legacy, other | ERROR DROP TABLE removes tables legacy, other and all their rows
            POSTGRESQL | DROP TABLE legacy; CREATE TABLE legacy (id INT) | DROP TABLE legacy | ERROR DROP TABLE removes table legacy and all its rows
            POSTGRESQL | DROP TABLE legacy; ALTER TABLE other RENAME TO legacy | DROP TABLE legacy | ERROR DROP TABLE removes table legacy and all its rows
            POSTGRESQL | ALTER TABLE legacy RENAME TO legacy_old; ALTER TABLE legacy_old RENAME TO legacy | DROP TABLE legacy | ERROR DROP TABLE removes table legacy and all its rows
            POSTGRESQL | DO $$ BEGIN IF random() > 0.5 THEN DROP TABLE legacy; END IF; END $$ | DROP TABLE IF EXISTS legacy | ERROR DROP TABLE removes table legacy and all its rows
            POSTGRESQL | DROP TABLE archive.legacy | DROP TABLE legacy | ERROR DROP TABLE removes table legacy and all its rows
            POSTGRESQL | DROP TABLE IF EXISTS never_created | DROP TABLE IF EXISTS never_created | ERROR DROP TABLE removes table never_created and all its rows (none of the migrations that run before it creates never_created: where the table exists, something else made it)
            """)
    void aTableAnEarlierMigrationSurelyDroppedHasNoRowsToLose(Dialect dialect, String earlier, String later,
            String expected) throws IOException {
        write("V1__init.sql", "CREATE TABLE legacy (id INT PRIMARY KEY, note TEXT);\n"
                + "CREATE TABLE other (id INT PRIMARY KEY);\n");
        write("V2__earlier.sql", statements(earlier));
        write("V3__later.sql", statements(later));

        assertEquals(List.of(expected), dropsIn("V3__later.sql", dialect));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DROP TABLE legacy CASCADE CONSTRAINTS PURGE | INFO drop-table, INFO cascade
            DROP TABLE other CASCADE CONSTRAINTS        | ERROR drop-table, WARNING cascade
            """)
    void theCascadeOfATableAnEarlierMigrationDroppedTakesNothingEither(String later, String expected)
            throws IOException {
        write("V1__init.sql", "CREATE TABLE legacy (id NUMBER PRIMARY KEY);\nCREATE TABLE other (id NUMBER);\n");
        write("V2__earlier.sql", "DROP TABLE legacy;\n");
        write("V3__later.sql", later + ";\n");

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.ORACLE, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));

        assertEquals(expected, String.join(", ", result.findings().stream()
                .filter(f -> f.location().path().endsWith("V3__later.sql"))
                .map(f -> f.severity() + " " + f.ruleId()).toList()));
    }

    @Test
    void aDownScriptThatDropsTheCopyItsUpScriptDroppedAlreadyLosesNothing() throws IOException {
        write("V0001.init.up.sql", "CREATE TABLE devices (id INT PRIMARY KEY, kid TEXT);\n");
        write("V0002.rebuild.up.sql", """
                ALTER TABLE devices RENAME TO _bkp_devices;
                CREATE TABLE devices (id INT PRIMARY KEY, kid VARCHAR(512));
                INSERT INTO devices (id, kid) SELECT id, kid FROM _bkp_devices;
                DROP TABLE IF EXISTS _bkp_devices;
                """);
        write("V0002.rebuild.down.sql", "DROP TABLE IF EXISTS _bkp_devices;\n");

        assertEquals(List.of("INFO DROP TABLE removes table _bkp_devices and all its rows (guarded: table _bkp_devices"
                + " was dropped or renamed away at line 4 of V0002.rebuild.up.sql and nothing has taken its name"
                + " since) (down migration, which runs only when its up migration is rolled back)"),
                dropsIn("V0002.rebuild.down.sql", Dialect.SQLITE));
    }

    @Test
    void aDropInAScriptOfAnotherFolderWithoutVersionsGuardsNothing() throws IOException {
        write("create/legacy.sql", "CREATE TABLE legacy (id INT PRIMARY KEY, note TEXT);\n");
        write("drop/legacy.sql", "DROP TABLE legacy;\n");
        write("upgrade/legacy.sql", "DROP TABLE IF EXISTS legacy;\n");

        assertEquals(List.of("ERROR DROP TABLE removes table legacy and all its rows"),
                dropsIn("upgrade/legacy.sql", Dialect.POSTGRESQL));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            up.sql        | INFO DROP TABLE removes table _bkp_devices and all its rows (guarded: table _bkp_devices was dropped or renamed away at line 4 of 2020-02-01-000000_rebuild/up.sql and nothing has taken its name since)
            migration.sql | INFO DROP TABLE removes table _bkp_devices and all its rows (guarded: table _bkp_devices was dropped or renamed away at line 4 of 2020-02-01-000000_rebuild/migration.sql and nothing has taken its name since)
            """)
    void aDropInAnEarlierMigrationFolderOfTheSameMigrationsFolderLeavesNothingToDrop(String script, String expected)
            throws IOException {
        // diesel and Prisma run the folders of one migrations folder in order, one migration each
        write("migrations/2020-01-01-000000_init/" + script, "CREATE TABLE devices (id INT PRIMARY KEY, kid TEXT);\n");
        write("migrations/2020-02-01-000000_rebuild/" + script, """
                ALTER TABLE devices RENAME TO _bkp_devices;
                CREATE TABLE devices (id INT PRIMARY KEY, kid VARCHAR(512));
                INSERT INTO devices (id, kid) SELECT id, kid FROM _bkp_devices;
                DROP TABLE _bkp_devices;
                """);
        write("migrations/2021-05-01-000000_cleanup/" + script, "DROP TABLE IF EXISTS _bkp_devices;\n");

        assertEquals(List.of(expected), dropsIn("migrations/2021-05-01-000000_cleanup/" + script, Dialect.SQLITE));
    }

    private static String statements(String semicolonSeparated) {
        return semicolonSeparated.replace("; ", ";\n") + ";\n";
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve("db").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<String> dropsIn(String name, Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-table"))
                .filter(f -> f.location().path().endsWith(name))
                .map(f -> f.severity() + " " + f.message()).toList();
    }
}
