package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A join whose conditions name no column of the target (MySQL {@code UPDATE t JOIN u ON u.live = 1 SET ..}, T-SQL
 * {@code UPDATE t SET .. FROM t JOIN u ON u.vip = 1}) pairs every row of the target with the same rows of the
 * other tables: it decides whether the statement runs, never which of the target's rows it touches, like a WHERE
 * on the other tables alone. A condition that names the target, an unqualified column (which may be the target's),
 * a subquery, a USING list, no column at all or that never holds still limits the rows. Findings point at the verb (line 2).
 */
class JoinConditionOnOtherTablesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "MYSQL      | UPDATE orders o JOIN users u ON u.status = 'banned' SET o.note = 'x'                 | update-without-where 2:3",
        "MYSQL      | UPDATE orders o INNER JOIN users u ON u.status = 'b' SET o.note = 'x' WHERE u.id = 5 | update-without-where 2:3",
        "MARIADB    | UPDATE orders JOIN users u ON u.status = 'b' SET orders.note = 'x'                   | update-without-where 2:3",
        "MYSQL      | DELETE o FROM orders o JOIN users u ON u.status = 'b'                                | delete-without-where 2:3",
        "MYSQL      | DELETE o FROM orders o JOIN users u ON u.status = 'b' JOIN roles r ON r.id = u.role_id | delete-without-where 2:3",
        "SQLSERVER  | UPDATE o SET status = 'x' FROM dbo.orders o JOIN dbo.customers c ON c.vip = 1        | update-without-where 2:3",
        "MYSQL      | UPDATE orders o JOIN users u ON u.status = 'b' AND o.user_id = u.id SET o.note = 'x' | -",
        "MYSQL      | UPDATE orders o JOIN users u ON status = 'b' SET o.note = 'x'                        | -",
        "MYSQL      | UPDATE orders o JOIN users u USING (user_id) SET o.note = 'x'                        | -",
        "MYSQL      | UPDATE orders o JOIN users u ON u.id IN (SELECT user_id FROM bans) SET o.note = 'x'  | -",
        "MYSQL      | DELETE o FROM orders o JOIN users u ON u.status = 'b' WHERE o.user_id = u.id         | -",
        "MYSQL      | DELETE o FROM orders o LEFT JOIN users u ON u.id = o.user_id JOIN roles r ON r.id = u.role_id | -",
        "SQLSERVER  | UPDATE o SET status = 'x' FROM dbo.orders o JOIN dbo.customers c ON c.vip = 1 AND c.id = o.cid | -",
        "MYSQL      | DELETE o FROM orders o JOIN users u ON u.status = 'b' AND 1 = 0                      | -",
        "SQLSERVER  | DELETE o FROM dbo.orders o JOIN dbo.customers c ON @purge = 1                       | -",
    })
    void aJoinConditionThatNeverMentionsTheTargetLimitsNone(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }

    @Test
    void messageSaysTheJoinNamesNoColumnOfTheTarget() {
        assertEquals(List.of("UPDATE joined on conditions that name no column of orders, which its rows meet alike, and"
                + " without WHERE changes every row of orders"), RuleHarness.messages(new UpdateWithoutWhereRule(),
                Dialect.MYSQL, "UPDATE orders o JOIN users u ON u.status = 'banned' SET o.note = 'x'"));
        assertEquals(List.of("DELETE joined on conditions that name no column of dbo.orders, which its rows meet alike,"
                + " and without WHERE removes every row of dbo.orders"), RuleHarness.messages(
                new DeleteWithoutWhereRule(), Dialect.SQLSERVER,
                "DELETE o FROM dbo.orders o JOIN dbo.customers c ON c.vip = 1"));
    }
}
