package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A WHERE whose every column is qualified by another table of a USING or FROM list never mentions the
 * target: it touches every row of the target as soon as a row of the others matches. An unqualified column may
 * be the target's, so it limits. In PostgreSQL and SQLite an item of the FROM list that names the target's table
 * again is a second instance of it (a self-join), not the rows being updated, as T-SQL would read it. Findings
 * point at the verb (line 2).
 */
class WhereOnOtherTablesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "POSTGRESQL | DELETE FROM t USING u WHERE u.y = 1                                    | delete-without-where 2:3",
        "POSTGRESQL | UPDATE u SET y = t.x FROM t WHERE t.id = 1                             | update-without-where 2:3",
        "POSTGRESQL | UPDATE u AS a SET y = t.x FROM t WHERE t.id = 1 AND lower(t.name) = 'x' | update-without-where 2:3",
        "POSTGRESQL | DELETE FROM t USING u AS v WHERE v.y::int = 1                          | delete-without-where 2:3",
        "SQLSERVER  | UPDATE o SET status = 'x' FROM dbo.orders o, dbo.customers c WHERE c.vip = 1 | update-without-where 2:3",
        "MYSQL      | DELETE o FROM orders o, customers c WHERE c.x = 1                      | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM t USING u WHERE u.y = t.x                                  | -",
        "POSTGRESQL | DELETE FROM t USING t t2, u WHERE t2.x = u.y                           | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM t USING t t2 JOIN u ON t2.x = u.y                          | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM t USING u WHERE y = 1                                      | -",
        "POSTGRESQL | DELETE FROM t x USING u WHERE u.y = 1 AND x.id = u.id                  | -",
        "POSTGRESQL | UPDATE u SET y = t.x FROM t WHERE t.id IN (SELECT id FROM w)           | -",
        "POSTGRESQL | UPDATE u SET y = 1 FROM u u2 WHERE u2.id = 1                           | update-without-where 2:3",
        "POSTGRESQL | UPDATE keys SET env = a.env FROM keys k, apis a WHERE k.api = a.id      | update-without-where 2:3",
        "SQLITE     | UPDATE keys SET env = a.env FROM keys k, apis a WHERE k.api = a.id      | update-without-where 2:3",
        "POSTGRESQL | UPDATE keys SET env = a.env FROM keys k JOIN apis a ON k.api = a.id     | update-without-where 2:3",
        "POSTGRESQL | UPDATE keys SET env = a.env FROM keys k, apis a WHERE keys.id = k.id AND k.api = a.id | -",
        "SQLSERVER  | UPDATE keys SET env = a.env FROM keys k, apis a WHERE k.api = a.id      | -",
        "SQLSERVER  | UPDATE keys SET env = a.env FROM keys k JOIN apis a ON k.api = a.id     | -",
        "POSTGRESQL | DELETE FROM t WHERE u.y = 1                                            | -",
        "POSTGRESQL | DELETE FROM t USING u WHERE u.y = 1 AND 1 = 0                          | -",
        "SQLSERVER  | UPDATE orders SET status = 'x' FROM orders o, customers c WHERE o.id = 1 | -",
        "MYSQL      | UPDATE t1, t2 SET t2.a = 1 WHERE t2.b = 1                              | -",
        "MYSQL      | DELETE t1 FROM t1 LEFT JOIN t2 ON t1.id = t2.id WHERE t2.id IS NULL    | -",
        "POSTGRESQL | DELETE FROM t USING a JOIN b ON a.id = b.id WHERE b.y = 1              | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM orders o USING accounts a JOIN prices p ON p.sku = a.name WHERE a.id = 5 | delete-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET total = 0 FROM accounts a JOIN archive oa ON oa.account_id = a.id WHERE a.name = 'x' | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders o SET total = 0 FROM accounts a JOIN archive oa ON oa.account_id = a.id WHERE o.account_id = a.id AND a.name = 'x' | -",
        "POSTGRESQL | DELETE FROM t USING a JOIN b ON a.id = b.id WHERE b.y = 1 AND t.a_id = a.id | -",
        "POSTGRESQL | UPDATE t SET x = 1 FROM t AS t2 JOIN u ON u.id = t2.u_id WHERE u.y = 1  | update-without-where 2:3",
        "SQLSERVER  | UPDATE o SET status = 'x' FROM dbo.orders o JOIN dbo.customers c ON c.id = o.cid WHERE c.vip = 1 | -",
        "POSTGRESQL | UPDATE orders SET total = s.sum FROM (SELECT account_id, sum(total) AS sum FROM orders GROUP BY account_id) s WHERE s.sum > 0 | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders o SET total = s.sum FROM (SELECT account_id, sum(total) AS sum FROM orders GROUP BY account_id) s WHERE s.account_id = o.account_id | -",
        "POSTGRESQL | UPDATE prices SET price = v.price FROM (VALUES ('a', 1), ('b', 2)) AS v (sku, price) WHERE v.price > 0 | update-without-where 2:3",
        "POSTGRESQL | UPDATE prices SET price = v.price FROM (VALUES ('a', 1), ('b', 2)) AS v (sku, price) WHERE v.sku = prices.sku | -",
        "POSTGRESQL | DELETE FROM events USING (SELECT id FROM accounts WHERE closed) c WHERE c.id > 10 | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM events e USING (SELECT id FROM accounts WHERE closed) c WHERE e.account_id = c.id | -",
        "MYSQL      | UPDATE orders o JOIN customers c ON TRUE SET c.flag = 1 WHERE c.vip = 1 | -",
        "MYSQL      | UPDATE orders o, users u SET o.note = 'x' WHERE u.status = 'banned'    | update-without-where 2:3",
        "MYSQL      | UPDATE orders, users SET orders.note = 'x' WHERE users.status = 'b'   | update-without-where 2:3",
        "MYSQL      | UPDATE orders o JOIN users u SET o.note = 'x' WHERE u.status = 'b'    | update-without-where 2:3",
        "MYSQL      | UPDATE orders o CROSS JOIN users u SET o.note = 'x' WHERE u.id = 5    | update-without-where 2:3",
        "MYSQL      | UPDATE `orders` `o`, users u SET `o`.`note` = 'x', o.state = u.state WHERE u.id = 5 | update-without-where 2:3",
        "MYSQL      | UPDATE orders o, users u SET u.bio = 'x' WHERE o.id = 5               | update-without-where 2:3",
        "MYSQL      | UPDATE orders o, users u SET o.note = u.name WHERE u.id = o.user_id   | -",
        "MYSQL      | UPDATE orders o, users u SET note = 'x' WHERE u.status = 'banned'      | -",
        "MYSQL      | UPDATE orders o JOIN users u ON u.id = o.user_id SET o.note = 'x' WHERE u.status = 'b' | -",
        "MYSQL      | UPDATE orders o, users u SET o.note = 'x', u.bio = 'y' WHERE u.status = 'b' | -",
    })
    void whereThatNeverMentionsTheTarget(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }

    @Test
    void messageSaysTheWhereNamesNoColumnOfTheTarget() {
        assertEquals(List.of("DELETE whose WHERE names no column of t removes every row of t as soon as a row of the"
                + " other tables matches"), RuleHarness.messages(new DeleteWithoutWhereRule(), Dialect.POSTGRESQL,
                "DELETE FROM t USING u WHERE u.y = 1"));
        assertEquals(List.of("UPDATE whose WHERE names no column of u changes every row of u as soon as a row of the"
                + " other tables matches"), RuleHarness.messages(new UpdateWithoutWhereRule(), Dialect.POSTGRESQL,
                "UPDATE u SET y = t.x FROM t WHERE t.id = 1"));
    }

    @Test
    void mysqlMultiTableUpdateNamesTheTableItsSetAssigns() {
        assertEquals(List.of("UPDATE whose WHERE names no column of users changes every row of users as soon as a row"
                + " of the other tables matches"), RuleHarness.messages(new UpdateWithoutWhereRule(), Dialect.MYSQL,
                "UPDATE orders o, users u SET u.bio = 'x' WHERE o.id = 5"));
    }
}
