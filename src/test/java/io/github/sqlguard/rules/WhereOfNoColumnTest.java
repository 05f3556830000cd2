package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A WHERE that names no column and no variable, only literals, the clock, the session's user and functions of them,
 * holds for every row or for none: the statement touches every row whenever it runs ({@code DELETE FROM orders
 * WHERE now() > '2024-01-01'} empties the table once that date is past). A column anywhere in it, a subquery, or a
 * function that returns a new value per row ({@code random()}) ties it to the rows. Findings point at the verb.
 */
class WhereOfNoColumnTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "POSTGRESQL | DELETE FROM orders WHERE current_date > DATE '2024-01-01'             | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM orders WHERE now() > '2024-01-01'::timestamptz             | delete-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET total = 0 WHERE current_user = 'migrator'            | update-without-where 2:3",
        "ORACLE     | DELETE FROM orders WHERE SYSDATE > TO_DATE('2024-01-01', 'YYYY-MM-DD') | delete-without-where 2:3",
        "SQLSERVER  | DELETE FROM dbo.orders WHERE GETDATE() > '2024-01-01'                 | delete-without-where 2:3",
        "MYSQL      | UPDATE orders SET note = NULL WHERE CURRENT_TIMESTAMP >= '2024-01-01'   | update-without-where 2:3",
        "POSTGRESQL | DELETE FROM orders WHERE created_at < current_date - 30                | -",
        "POSTGRESQL | DELETE FROM orders WHERE o.created_at < now()                          | -",
        "POSTGRESQL | DELETE FROM orders WHERE random() < 0.5                                | -",
        "SQLSERVER  | DELETE FROM dbo.orders WHERE CHECKSUM(NEWID()) % 2 = 0                  | -",
        "POSTGRESQL | DELETE FROM orders WHERE now() > CAST('2024-01-01' AS timestamp)       | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM orders WHERE now() - INTERVAL '1 day' > DATE '2024-01-01'  | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM orders WHERE placed > CAST(now() AS date)                  | -",
        "POSTGRESQL | DELETE FROM orders WHERE 1 = 0 AND now() > '2024-01-01'               | -",
        "POSTGRESQL | DELETE FROM orders WHERE CAST('2024-01-01' AS date) > DATE '2023-01-01' | -",
        "POSTGRESQL | DELETE FROM orders WHERE now() > '${cutoff}'                          | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM orders WHERE now() > ${cutoff}                            | -",
    })
    void whereOfNoColumnTouchesEveryRow(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }

    @Test
    void messageSaysTheWhereHoldsForEveryRowOrNone() {
        assertEquals(List.of("DELETE whose WHERE names no column of orders, so it holds for every row or none, removes"
                + " every row of orders whenever it holds"), RuleHarness.messages(new DeleteWithoutWhereRule(),
                Dialect.POSTGRESQL, "DELETE FROM orders WHERE current_date > DATE '2024-01-01'"));
    }
}
