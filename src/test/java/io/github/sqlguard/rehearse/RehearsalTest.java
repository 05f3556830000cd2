package io.github.sqlguard.rehearse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole rehearsals on one real PostgreSQL shared by the class; each test starts from an empty schema. */
class RehearsalTest extends OneDatabasePerClass {

    private static final String SHOP = """
            CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id serial PRIMARY KEY,
                customer_id int NOT NULL REFERENCES customers(id) ON DELETE CASCADE, total int NOT NULL);
            """;

    @BeforeEach
    void emptySchema() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
    }

    @Test
    void aSubqueryThatRestrictsNothingRemovesEveryRow() throws SQLException {
        RehearsalOutcome outcome = rehearse(false, SHOP,
                "\n-- tidy up\nDELETE FROM orders WHERE customer_id IN (SELECT id FROM customers);\n");

        Finding finding = only(outcome, "rehearsal-row-loss");
        assertEquals("V2__step.sql:3:1", finding.location().toString());
        assertTrue(finding.message().contains("removed 300 of 300 rows of orders"), finding.message());
        assertEquals(2, outcome.applied());
    }

    @Test
    void rowsACascadeRemovesAreCountedForTheirTable() throws SQLException {
        RehearsalOutcome outcome = rehearse(false, SHOP, "DELETE FROM customers WHERE id > 0;");

        String message = only(outcome, "rehearsal-row-loss").message();
        assertTrue(message.contains("300 of 300 rows of customers"), message);
        assertTrue(message.contains("300 of 300 rows of orders (through a foreign-key cascade or trigger)"), message);
    }

    @Test
    void aDeleteRestrictedByKeyPasses() throws SQLException {
        RehearsalOutcome outcome = rehearse(false, SHOP, "DELETE FROM orders WHERE id = 17;\n"
                + "DELETE FROM orders WHERE id IN (1, 2, 3);");

        assertEquals(List.of(), outcome.findings());
        assertEquals(2, outcome.applied());
    }

    @Test
    void overwritingMostValuesIsFoundButABackfillOfANewColumnIsNot() throws SQLException {
        RehearsalOutcome backfill = rehearse(false, SHOP, "ALTER TABLE orders ADD COLUMN note text;\n"
                + "UPDATE orders SET note = 'imported';\nUPDATE orders SET total = total;");
        assertEquals(List.of(), backfill.findings());

        emptySchema();
        RehearsalOutcome overwrite = rehearse(false, SHOP, "UPDATE orders SET total = 0 WHERE total > 10;");
        String message = only(overwrite, "rehearsal-row-loss").message();
        assertTrue(message.contains("overwrote 290 of 300 rows of orders"), message);
    }

    @Test
    void aNotNullColumnWithoutDefaultFailsAndStopsItsMigration() throws SQLException {
        RehearsalOutcome outcome = rehearse(false, SHOP, "ALTER TABLE customers ADD COLUMN email text NOT NULL;\n"
                + "DELETE FROM orders;");

        Finding finding = only(outcome, "rehearsal-failed");
        assertEquals("V2__step.sql:1:1", finding.location().toString());
        assertTrue(finding.message().contains("column \"email\" of relation \"customers\" contains null values"),
                finding.message());
        assertEquals(1, outcome.failed());
        assertEquals(1, outcome.applied());
    }

    @Test
    void migrationsAlreadyAppliedRunWithoutFindingsAndUnseeded() throws SQLException {
        RehearsalOutcome outcome = rehearse(true, SHOP + "DELETE FROM orders;", "SELECT 1;");

        assertEquals(List.of(), outcome.findings());
        assertEquals(2, outcome.applied());
    }

    @Test
    void aStatementThatCannotRunInATransactionRunsOnItsOwn() throws SQLException {
        RehearsalOutcome outcome = rehearse(false, SHOP, "CREATE INDEX CONCURRENTLY orders_total ON orders (total);\n"
                + "DELETE FROM orders WHERE id < 3;");

        assertEquals(List.of(), outcome.findings(), outcome.notes().toString());
        assertEquals(2, outcome.applied());
    }

    @Test
    void routineBodiesRunAsTheDatabaseRunsThem() throws SQLException {
        RehearsalOutcome outcome = rehearse(false, SHOP, """
                DO $$
                BEGIN
                  EXECUTE 'DELETE FROM ' || 'orders';
                END $$;
                """);

        assertTrue(only(outcome, "rehearsal-row-loss").message().contains("removed 300 of 300 rows of orders"));
    }

    private static Finding only(RehearsalOutcome outcome, String rule) {
        assertEquals(1, outcome.findings().size(), outcome.findings().toString());
        Finding finding = outcome.findings().get(0);
        assertEquals(rule, finding.ruleId());
        return finding;
    }

    private static RehearsalOutcome rehearse(boolean firstApplied, String first, String second) throws SQLException {
        StatementSplitter splitter = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT);
        List<RehearsalMigration> migrations = new ArrayList<>();
        migrations.add(new RehearsalMigration("V1__shop.sql", splitter.split("V1__shop.sql", first), firstApplied));
        migrations.add(new RehearsalMigration("V2__step.sql", splitter.split("V2__step.sql", second), false));
        return new Rehearsal(new RehearsalSettings(300, 0.5)).run(connection, migrations);
    }
}
