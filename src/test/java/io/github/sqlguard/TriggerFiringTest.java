package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL: a trigger the script creates runs its function when a later statement of the script writes the
 * trigger's table, so that function's body runs with the migration as if the script called it.
 */
class TriggerFiringTest {

    private static final String PRUNE = "CREATE FUNCTION prune_history() RETURNS trigger AS $$\\nBEGIN\\n"
            + "  DELETE FROM price_history;\\n  RETURN NEW;\\nEND;\\n$$ LANGUAGE plpgsql;\\n";
    private static final String FIRED = "3:3 delete-without-where ERROR DELETE without WHERE removes every row of"
            + " price_history (inside trigger function prune_history body, which this script calls at line ";
    private static final String NOT_FIRED = "3:3 delete-without-where INFO DELETE without WHERE removes every row of"
            + " price_history (inside trigger function prune_history body, which runs when it fires)";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "AFTER INSERT ON prices FOR EACH ROW EXECUTE FUNCTION prune_history()"
                + " | INSERT INTO prices (id) VALUES (1); | " + FIRED + "8, through trigger trg_prune)",
        "AFTER INSERT OR UPDATE OF amount ON public.prices FOR EACH ROW EXECUTE PROCEDURE prune_history()"
                + " | UPDATE ONLY prices SET amount = 0 WHERE id = 1; | " + FIRED + "8, through trigger trg_prune)",
        "BEFORE DELETE ON prices FOR EACH STATEMENT EXECUTE FUNCTION prune_history()"
                + " | DELETE FROM prices WHERE id = 1; | " + FIRED + "8, through trigger trg_prune)",
        "BEFORE TRUNCATE ON prices EXECUTE FUNCTION prune_history()"
                + " | TRUNCATE TABLE prices; | " + FIRED + "8, through trigger trg_prune)"
                + " ++ 8:1 truncate-table ERROR TRUNCATE removes every row of table prices",
        "AFTER INSERT ON prices FOR EACH ROW EXECUTE FUNCTION prune_history()"
                + " | COPY prices (id) FROM '/tmp/prices.csv'; | " + FIRED + "8, through trigger trg_prune)",
        // Another table, or another event of the same table, does not fire it.
        "AFTER INSERT ON prices FOR EACH ROW EXECUTE FUNCTION prune_history()"
                + " | INSERT INTO discounts (id) VALUES (1); | " + NOT_FIRED,
        "AFTER INSERT ON prices FOR EACH ROW EXECUTE FUNCTION prune_history()"
                + " | UPDATE prices SET amount = 0 WHERE id = 1; | " + NOT_FIRED,
    })
    void aStatementOnTheTriggersTableRunsItsFunction(String trigger, String statement, String expected) {
        String sql = PRUNE + "CREATE TRIGGER trg_prune " + trigger + ";\\n" + statement;

        assertEquals(Arrays.asList(expected.split(" \\+\\+ ")), found(sql));
    }

    /** A write before the trigger exists fires nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"INSERT INTO prices (id) VALUES (1);"})
    void aWriteBeforeTheTriggerExistsFiresNothing(String statement) {
        String sql = PRUNE + statement + "\\nCREATE TRIGGER trg_prune AFTER INSERT ON prices FOR EACH ROW"
                + " EXECUTE FUNCTION prune_history();";

        assertEquals(List.of(NOT_FIRED), found(sql));
    }

    /**
     * MySQL, Oracle and SQLite write a trigger's code inline, as its own body; a later write of its table with one
     * of its events runs that body with the migration, as PostgreSQL's trigger function does.
     */
    @ParameterizedTest(name = "{0}: {1} | {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "MYSQL | CREATE TRIGGER trg_prune AFTER INSERT ON prices FOR EACH ROW DELETE FROM price_history;"
                + " | INSERT INTO prices (id) VALUES (1); | 1:62 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of price_history (inside trigger trg_prune body, which this script calls at"
                + " line 2, through trigger trg_prune)",
        "MYSQL | DELIMITER //\\nCREATE DEFINER = admin@localhost TRIGGER trg_prune BEFORE DELETE ON prices FOR EACH ROW"
                + "\\nBEGIN\\n  DELETE FROM price_history;\\nEND//\\nDELIMITER ;"
                + " | REPLACE INTO prices (id) VALUES (1); | 4:3 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of price_history (inside trigger trg_prune body, which this script calls at"
                + " line 7, through trigger trg_prune) ++ 7:1 replace-into WARNING REPLACE INTO prices deletes each"
                + " existing row that has the key of a new row before inserting it: its other columns and its ON"
                + " DELETE CASCADE children are lost",
        "MYSQL | CREATE TRIGGER trg_prune AFTER UPDATE ON prices FOR EACH ROW DELETE FROM price_history;"
                + " | INSERT IGNORE INTO prices (id) VALUES (1); | 1:62 delete-without-where INFO DELETE without WHERE"
                + " removes every row of price_history (inside trigger trg_prune body, which runs when it fires)",
        "MYSQL | CREATE TRIGGER trg_prune AFTER INSERT ON prices FOR EACH ROW DELETE FROM price_history;"
                + " | INSERT INTO discounts (id) VALUES (1); | 1:62 delete-without-where INFO DELETE without WHERE"
                + " removes every row of price_history (inside trigger trg_prune body, which runs when it fires)",
        "ORACLE | CREATE OR REPLACE TRIGGER trg_prune AFTER INSERT ON prices FOR EACH ROW\\nBEGIN\\n"
                + "  DELETE FROM price_history;\\nEND;\\n/ | INSERT INTO prices (id) VALUES (1); | 3:3"
                + " delete-without-where ERROR DELETE without WHERE removes every row of price_history (inside trigger"
                + " trg_prune body, which this script calls at line 6, through trigger trg_prune)",
        "SQLITE | CREATE TRIGGER trg_prune AFTER INSERT ON prices BEGIN\\n  DELETE FROM price_history;\\nEND;"
                + " | INSERT INTO prices (id) VALUES (1); | 2:3 delete-without-where ERROR DELETE without WHERE"
                + " removes every row of price_history (inside trigger trg_prune body, which this script calls at"
                + " line 4, through trigger trg_prune)",
    })
    void aWriteOfTheTableOfAnInlineTriggerRunsItsBody(Dialect dialect, String trigger, String statement,
            String expected) {
        String sql = trigger + "\\n" + statement;

        assertEquals(Arrays.asList(expected.split(" \\+\\+ ")), found(dialect, sql));
    }

    private static List<String> found(String sql) {
        return found(Dialect.POSTGRESQL, sql);
    }

    private static List<String> found(Dialect dialect, String sql) {
        return OneScript.findings(dialect, sql.replace("\\n", "\n")).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity()
                        + " " + f.message())
                .toList();
    }
}
