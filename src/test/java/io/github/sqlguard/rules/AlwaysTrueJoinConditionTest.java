package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An inner join whose ON condition holds for every pair of rows is a cross join: it limits none of the
 * target's rows, so without a WHERE the statement touches them all. Findings point at the verb (line 2).
 */
class AlwaysTrueJoinConditionTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "MYSQL      | DELETE o FROM orders o INNER JOIN customers c ON 1 = 1                | delete-without-where 2:3",
        "MYSQL      | DELETE o FROM orders o JOIN customers c ON c.id = c.id                | delete-without-where 2:3",
        "MARIADB    | UPDATE orders o JOIN customers c ON TRUE SET o.status = 'x'           | update-without-where 2:3",
        "SQLSERVER  | DELETE o FROM dbo.orders o INNER JOIN dbo.customers c ON 1 = 1        | delete-without-where 2:3",
        "SQLSERVER  | UPDATE o SET status = 'x' FROM dbo.orders o JOIN dbo.customers c ON (1 = 1) | update-without-where 2:3",
        "MYSQL      | DELETE o FROM orders o JOIN customers c ON 1 = 1 WHERE 1 = 1          | always-true-where 2:3",
        "MYSQL      | DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id       | -",
        "MYSQL      | DELETE o FROM orders o JOIN customers c ON 1 = 1 JOIN x ON x.id = o.xid | -",
        "MYSQL      | DELETE o FROM orders o JOIN customers c ON 1 = 1 WHERE o.id = 4       | -",
        "MYSQL      | UPDATE orders o JOIN customers c ON c.id = o.cid SET o.status = 'x'   | -",
        "SQLSERVER  | DELETE o FROM dbo.orders o INNER JOIN dbo.customers c ON 1 = 0        | -",
        "SQLSERVER  | UPDATE o SET status = 'x' FROM dbo.orders o JOIN dbo.customers c ON c.id = o.cid | -",
    })
    void joinOnAConditionThatAlwaysHolds(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }

    @Test
    void messageSaysTheJoinLimitsNothing() {
        assertEquals(List.of("DELETE joined on a condition true for every pair of rows (a cross join) and without"
                + " WHERE removes every row of orders"), RuleHarness.messages(new DeleteWithoutWhereRule(),
                Dialect.MYSQL, "DELETE o FROM orders o INNER JOIN customers c ON 1 = 1"));
        assertEquals(List.of("UPDATE joined on a condition true for every pair of rows (a cross join) and without"
                + " WHERE changes every row of orders"), RuleHarness.messages(new UpdateWithoutWhereRule(),
                Dialect.MYSQL, "UPDATE orders o JOIN customers c ON TRUE SET o.status = 'x'"));
    }
}
