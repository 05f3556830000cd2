package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A DELETE, UPDATE, INSERT or TRUNCATE word followed by "(" inside an expression is a call (a routine named
 * delete, MySQL's TRUNCATE(n, 2)), not a statement: it neither starts a statement of its own nor makes the one it
 * sits in a row change. The statement forms that do put "(" after the verb are still checked.
 */
class LinterCallsNamedLikeDmlVerbsTest {

    @Test
    void aRoutineNamedDeleteCalledInAnExpressionRemovesNothingOfItsOwn() {
        String sql = """
                CREATE OR REPLACE FUNCTION delete(old_id integer, new_id integer) RETURNS integer AS $$
                BEGIN
                  UPDATE note_map SET item_id = new_id WHERE item_id = old_id;
                  DELETE FROM item WHERE id = old_id;
                  RETURN 1;
                END;
                $$ LANGUAGE plpgsql;
                CREATE OR REPLACE FUNCTION merge_duplicates() RETURNS integer AS $$
                DECLARE
                  removed integer := 0;
                  pair record;
                BEGIN
                  FOR pair IN SELECT min(id) AS lo, max(id) AS hi FROM item GROUP BY key HAVING count(*) > 1 LOOP
                    removed = removed + delete(pair.lo, pair.hi);
                    removed := removed + delete(pair.hi, pair.lo);
                    PERFORM delete(pair.lo, pair.hi);
                  END LOOP;
                  DELETE FROM item_stage;
                  RETURN removed;
                END;
                $$ LANGUAGE plpgsql;
                SELECT merge_duplicates();
                """;
        for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.AUTO)) {
            // Only the real DELETE without WHERE of the calling body, at its own place.
            assertEquals(List.of("18:3 delete-without-where ERROR"), OneScript.placesAndSeverities(dialect, sql),
                    dialect.name());
        }
    }

    @Test
    void mySqlTruncateFunctionInASetIsNoTruncateStatement() {
        assertEquals(List.of(), OneScript.placesAndSeverities(Dialect.MYSQL,
                "UPDATE price SET amount = TRUNCATE(amount, 2) WHERE id = 1;\n"
                        + "SELECT INSERT(name, 1, 3, 'abc') FROM price;"));
    }

    @Test
    void statementFormsWithAParenthesisAfterTheVerbAreStillChecked() {
        assertEquals(List.of("2:1 delete-without-where ERROR", "2:1 unparsed-statement WARNING"),
                OneScript.placesAndSeverities(Dialect.SQLSERVER,
                        "UPDATE t SET a = 1 WHERE id = 1\nDELETE (SELECT * FROM t)\n"));
        assertEquals(List.of("1:1 update-without-where ERROR"),
                OneScript.placesAndSeverities(Dialect.ORACLE, "UPDATE (SELECT a FROM t) SET a = 1;"));
        assertEquals(List.of("1:1 update-without-where ERROR"),
                OneScript.placesAndSeverities(Dialect.MYSQL, "UPDATE (a LEFT JOIN b ON a.id = b.id) SET a.x = 1;"));
        // The inner join in parentheses limits a to the rows b matches, as it does without them.
        assertEquals(List.of(), OneScript.placesAndSeverities(Dialect.MYSQL,
                "UPDATE (a JOIN b ON a.id = b.id) SET a.x = 1;"));
        assertEquals(List.of("2:19 update-without-where INFO"), OneScript.placesAndSeverities(Dialect.SQLSERVER,
                "CREATE TRIGGER tr ON t AFTER UPDATE AS\nIF UPDATE(status) UPDATE audit SET n = 1\nGO\n"));
    }
}
