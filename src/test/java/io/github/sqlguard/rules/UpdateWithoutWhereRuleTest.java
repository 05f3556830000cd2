package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.analyzed;
import static io.github.sqlguard.rules.RuleHarness.messages;
import static io.github.sqlguard.rules.RuleHarness.tokenMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateWithoutWhereRuleTest {

    private final Rule rule = new UpdateWithoutWhereRule();

    private static List<String> expected(String table) {
        if (table != null && table.startsWith("some of ")) {
            // TOP or LIMIT without WHERE: arbitrary rows, and every row once a loop repeats the statement.
            return List.of("UPDATE without WHERE (its TOP, LIMIT or FETCH FIRST only caps how many rows it takes)"
                    + " changes arbitrary rows of " + table.substring("some of ".length())
                    + ", and every row when it runs in a loop until none is left");
        }
        return table == null ? List.of() : List.of("UPDATE without WHERE changes every row of " + table);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO       | UPDATE customers SET status = 'closed'                                   | customers",
        "POSTGRESQL | update public.customers set status = 'closed';                           | public.customers",
        "MYSQL      | UPDATE `customers` SET `status` = 'closed'                               | `customers`",
        "SQLSERVER  | UPDATE [dbo].[customers] SET [status] = 'closed'                         | [dbo].[customers]",
        "ORACLE     | UPDATE customers c SET c.status = 'closed'                               | customers",
        "AUTO       | UPDATE t SET a = (SELECT b FROM u WHERE u.id = 1)                        | t",
        "AUTO       | UPDATE t SET a = 1, b = CASE WHEN c = 1 THEN 2 ELSE 3 END                | t",
        "MYSQL      | UPDATE t SET a = 1 ORDER BY id LIMIT 5                                   | some of t",
        "SQLITE     | UPDATE OR IGNORE notes SET archived = 1                                  | notes",
        "SQLITE     | UPDATE OR REPLACE \"notes\" SET title = lower(title)                    | \"notes\"",
        "AUTO       | UPDATE OR ROLLBACK notes SET archived = 1 WHERE id = 7                   |",
        "AUTO       | UPDATE t SET a = 1 WHERE id = 2                                          |",
        "AUTO       | UPDATE t SET a = (SELECT max(b) FROM u) WHERE id IN (SELECT id FROM v)   |",
        "POSTGRESQL | UPDATE t SET a = s.a FROM s                                              | t",
        "POSTGRESQL | UPDATE t SET a = s.a FROM s WHERE t.id = s.id                            |",
        "MYSQL      | UPDATE t1 JOIN t2 ON t1.a = t2.a SET t1.b = t2.b                         |",
        "MYSQL      | UPDATE t1 INNER JOIN t2 ON t1.a = t2.a SET t1.b = t2.b                   |",
        "MYSQL      | UPDATE t1, t2 SET t1.b = t2.b                                            | t1",
        "SQLSERVER  | UPDATE a SET a.x = b.y FROM orders a JOIN other b ON a.id = b.id         |",
        "SQLSERVER  | UPDATE orders SET x = b.y FROM orders JOIN other b ON orders.id = b.id   |",
        "SQLSERVER  | UPDATE orders SET x = b.y FROM other b JOIN more c ON c.id = b.id        | orders",
        "POSTGRESQL | WITH x AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM x               | t",
        "POSTGRESQL | WITH x AS (SELECT 1 AS id) UPDATE t SET a = 1                            | t",
        "POSTGRESQL | WITH x AS (SELECT 1 AS id) UPDATE t SET a = 1 WHERE id IN (SELECT id FROM x) |",
        "SQLSERVER  | IF OBJECT_ID('t') IS NOT NULL UPDATE t SET a = 1                    | t",
        "POSTGRESQL | INSERT INTO t (id, a) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET a = 2  |",
        "MYSQL      | INSERT INTO t (id, a) VALUES (1, 2) ON DUPLICATE KEY UPDATE a = 2        |",
        "AUTO       | SELECT * FROM t WHERE id = 1 FOR UPDATE                                  |",
        "POSTGRESQL | MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a |",
        "AUTO       | GRANT SELECT, UPDATE ON t TO app                                         |",
        "AUTO       | REVOKE UPDATE ON t FROM app                                              |",
        "AUTO       | SELECT 'UPDATE t SET a = 1' AS text                                      |",
        "AUTO       | /* UPDATE t SET a = 1 */ SELECT 1                                        |",
        "AUTO       | CREATE TABLE t (id INT, changed TIMESTAMP ON UPDATE CURRENT_TIMESTAMP)   |",
    })
    void findsAnUpdateWithoutWhereFromTheAstAndFromTheTokens(Dialect dialect, String sql, String table) {
        assertEquals(expected(table), messages(rule, dialect, sql), "pipeline");
        assertEquals(expected(table), tokenMessages(rule, dialect, sql), "tokens only");
    }

    /** T-SQL needs no terminator: the WHERE of the next statement on the next line is not the UPDATE's own. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "UPDATE t SET a = NULL\nSELECT * FROM u WHERE id = 1",
        "UPDATE t SET a = NULL\nSET @x = (SELECT 1)\nSELECT @x WHERE 1 = 1",
        "WHILE @n > 0\nBEGIN\n  UPDATE t SET a = NULL\n  SELECT @n = COUNT(*) FROM u WHERE b = 1\nEND",
    })
    void theNextStatementsWhereDoesNotFilterTheUpdate(String sql) {
        assertEquals(expected("t"), messages(rule, Dialect.SQLSERVER, sql), "pipeline");
        assertEquals(expected("t"), tokenMessages(rule, Dialect.SQLSERVER, sql), "tokens only");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | UPDATE t SET a = 1 WHERE CURRENT OF c               |",
        "SQLSERVER  | UPDATE STATISTICS orders                            |",
        "SQLSERVER  | UPDATE t WITH (ROWLOCK) SET a = 1                   | t",
        "SQLSERVER  | UPDATE t WITH (ROWLOCK) SET a = 1 WHERE b = 2       |",
    })
    void formsJSqlParserRejectsAreCheckedFromTheirTokens(Dialect dialect, String sql, String table) {
        assertInstanceOf(AnalyzedStatement.Unparsed.class, analyzed(dialect, sql));
        assertEquals(expected(table), messages(rule, dialect, sql));
    }

    /** The parser gets T-SQL's row cap blanked out, and a table variable it joins as a #temp name. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER  | UPDATE TOP (10) t SET a = 1                         | some of t",
        "SQLSERVER  | UPDATE TOP (10) t SET a = 1 WHERE b = 2             |",
        "SQLSERVER  | UPDATE u SET u.revised = 1 FROM @ids i INNER JOIN users u ON i.id = u.id |",
        "SQLSERVER  | UPDATE u SET revised = 1 FROM users u INNER JOIN @ids i ON i.id = u.id  |",
        "SQLSERVER  | UPDATE x SET done = 1 FROM @ids x                   |",
    })
    void tsqlFormsThePreparedTextLetTheParserRead(Dialect dialect, String sql, String table) {
        assertInstanceOf(AnalyzedStatement.Parsed.class, analyzed(dialect, sql));
        assertEquals(expected(table), messages(rule, dialect, sql));
    }

    /** The parser gets PostgreSQL's ONLY before the updated table blanked out: it spares only inheriting tables. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | UPDATE ONLY t SET a = 1                             | t",
        "AUTO       | UPDATE ONLY t SET a = 1                             | t",
        "POSTGRESQL | UPDATE ONLY t SET a = 1 WHERE b = 2                 |",
    })
    void postgresqlOnlyTheParserIsGivenWithout(Dialect dialect, String sql, String table) {
        assertInstanceOf(AnalyzedStatement.Parsed.class, analyzed(dialect, sql));
        assertEquals(expected(table), messages(rule, dialect, sql));
    }
}
