package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With foreign keys on, SQLite's DROP TABLE deletes every row before it drops the table, which fires the ON DELETE
 * actions of the keys that reference it: a table rebuilt from a copy keeps its own rows, but its children lose theirs
 * unless the script turned foreign keys off first, outside a transaction.
 */
class LinterSqliteDropCascadeTest {

    private static final String TABLES = """
            CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY,
              customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE);
            CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER,
              FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL);
            CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id));
            """;

    private static final String REBUILD = """
            CREATE TABLE customers_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
            INSERT INTO customers_new (id, email) SELECT id, email FROM customers;
            DROP TABLE customers;
            ALTER TABLE customers_new RENAME TO customers;
            """;

    @TempDir
    Path project;

    @Test
    void aRebuildFromACopyStillNamesTheRowsItsChildrenLose() throws IOException {
        List<Finding> findings = findings(Dialect.SQLITE, REBUILD);

        assertEquals("cascade WARNING 3:1, drop-table INFO 3:1", summary(findings));
        assertEquals("DROP TABLE customers: where the connection turns foreign keys on, SQLite deletes every row of"
                + " it before the drop, which also removes every row of orders and order_lines that refers to one,"
                + " through ON DELETE CASCADE, and the values of notes.customer_id, through ON DELETE SET NULL or SET"
                + " DEFAULT", findings.get(0).message());
    }

    /** Each row: what the script runs before the rebuild, the findings on its DROP TABLE. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PRAGMA foreign_keys = OFF;                               | cascade INFO 4:1, drop-table INFO 4:1
            PRAGMA main.foreign_keys=0;                              | cascade INFO 4:1, drop-table INFO 4:1
            PRAGMA foreign_keys(false);                              | cascade INFO 4:1, drop-table INFO 4:1
            PRAGMA foreign_keys = ON;                                | cascade WARNING 4:1, drop-table INFO 4:1
            BEGIN TRANSACTION; PRAGMA foreign_keys = OFF;            | cascade WARNING 4:1, drop-table INFO 4:1
            BEGIN; COMMIT; PRAGMA foreign_keys = OFF;                | cascade INFO 4:1, drop-table INFO 4:1
            PRAGMA foreign_keys = OFF; PRAGMA foreign_keys = 'on';   | cascade WARNING 4:1, drop-table INFO 4:1
            PRAGMA defer_foreign_keys = ON;                          | cascade WARNING 4:1, drop-table INFO 4:1
            """)
    void foreignKeysTurnedOffOutsideATransactionGuardTheChildren(String before, String expected) throws IOException {
        assertEquals(expected, summary(findings(Dialect.SQLITE, before + "\n" + REBUILD)));
    }

    @Test
    void aTableNothingReferencesWithAnActionLosesOnlyItsOwnRows() throws IOException {
        assertEquals("drop-table ERROR 1:1", summary(findings(Dialect.SQLITE, "DROP TABLE order_lines;\n")));
        assertEquals("drop-table ERROR 1:1", summary(findings(Dialect.SQLITE, "DROP TABLE invoices;\n")));
    }

    @Test
    void otherDatabasesRefuseOrKeepTheChildRows() throws IOException {
        assertEquals("drop-table ERROR 1:1", summary(findings(Dialect.POSTGRESQL, "DROP TABLE customers;\n")));
        assertEquals("drop-table ERROR 1:1", summary(findings(Dialect.MYSQL, "DROP TABLE customers;\n")));
    }

    /** SQLite keeps a key naming a dropped table: it refers to the next table given that name. */
    @Test
    void aSecondRebuildStillKnowsTheKeysOfTheFirst() throws IOException {
        List<Finding> findings = findings(Dialect.SQLITE, REBUILD + REBUILD.replace("email TEXT NOT NULL",
                "email TEXT NOT NULL, name TEXT"));

        assertEquals("cascade WARNING 3:1, drop-table INFO 3:1, cascade WARNING 7:1, drop-table INFO 7:1",
                summary(findings));
    }

    /**
     * A teardown that drops the parent before its children loses through the cascade only rows the later drops of
     * the children lose anyway; a statement between that reads a child sees the rows the cascade took.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DROP TABLE customers; DROP TABLE notes; DROP TABLE orders; DROP TABLE order_lines;   | INFO 1, INFO 3
            DROP TABLE customers; DROP TABLE IF EXISTS notes; DROP TABLE orders; DROP TABLE order_lines; | INFO 1, INFO 3
            DROP TABLE customers; DROP TABLE orders; DROP TABLE order_lines;                      | WARNING 1, INFO 2
            DROP TABLE orders; DROP TABLE customers; DROP TABLE notes;                            | WARNING 1, INFO 2
            DROP TABLE customers; CREATE TABLE kept AS SELECT * FROM notes; DROP TABLE notes; DROP TABLE orders; DROP TABLE order_lines; | WARNING 1, INFO 4
            DROP TABLE order_lines; DROP TABLE notes; DROP TABLE orders; DROP TABLE customers;   | ''
            """)
    void childTablesTheScriptDropsLaterLoseNothingMoreThroughTheCascade(String script, String expected)
            throws IOException {
        List<Finding> cascades = findings(Dialect.SQLITE, script.replace("; ", ";\n") + "\n").stream()
                .filter(f -> f.ruleId().equals("cascade")).toList();

        assertEquals(expected, String.join(", ", cascades.stream().map(f -> f.severity() + " " + f.location().line())
                .toList()));
        if (expected.startsWith("INFO")) {
            assertTrue(cascades.get(0).message().contains("(guarded: the script drops notes at line 2, orders at"),
                    cascades.get(0).message());
        }
    }

    /**
     * diesel runs a migration folder's script in a transaction it opens itself, where the pragma changes nothing:
     * only one the script runs after ending that transaction turns foreign keys off.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            up.sql   | PRAGMA foreign_keys = OFF;          | cascade WARNING 4:1, drop-table INFO 4:1
            down.sql | PRAGMA foreign_keys = OFF;          | cascade WARNING 4:1, drop-table INFO 4:1
            up.sql   | COMMIT; PRAGMA foreign_keys = OFF;  | cascade INFO 4:1, drop-table INFO 4:1
            """)
    void aDieselMigrationTurnsForeignKeysOffInsideItsTransaction(String script, String before, String expected)
            throws IOException {
        TestProject.write(project, "migrations/2024-01-01-000000_tables/up.sql", TABLES);
        TestProject.write(project, "migrations/2024-01-01-000000_tables/down.sql", "SELECT 1;\n");
        TestProject.write(project, "migrations/2024-02-01-000000_rebuild/up.sql", "SELECT 1;\n");
        TestProject.write(project, "migrations/2024-02-01-000000_rebuild/" + script, before + "\n" + REBUILD);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("migrations")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.SQLITE, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1), null);

        assertEquals(expected, summary(result.findings().stream()
                .filter(f -> f.location().path().endsWith("_rebuild/" + script)).toList()));
    }

    private List<Finding> findings(Dialect dialect, String script) throws IOException {
        TestProject.write(project, "db/V1__tables.sql", TABLES);
        TestProject.write(project, "db/V2__change.sql", script);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1), null);
        return result.findings().stream().filter(f -> f.location().path().endsWith("V2__change.sql")).toList();
    }

    private static String summary(List<Finding> findings) {
        return String.join(", ", findings.stream().map(f -> f.ruleId() + " " + f.severity() + " "
                + f.location().line() + ":" + f.location().column()).toList());
    }
}
