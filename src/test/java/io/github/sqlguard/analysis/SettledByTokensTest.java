package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE or UPDATE limited by a WHERE of its own is settled by its tokens whatever it joins, and so is one
 * with neither a WHERE nor a join, or an UPDATE whose FROM list joins nothing, after a WITH clause too; joins
 * without a WHERE, CTE bodies that change rows, conditions that may hold for every row and parentheses that do not
 * pair up still go to the parser.
 */
class SettledByTokensTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "UPDATE t SET a = b.x FROM b WHERE t.id = b.id                                    | POSTGRESQL | true",
        "DELETE FROM t a USING (SELECT min(id) AS id FROM t GROUP BY k) b WHERE a.id <> b.id | POSTGRESQL | true",
        "DELETE FROM t WHERE NOT EXISTS (SELECT FROM u WHERE u.id = t.u_id)                | POSTGRESQL | true",
        "DELETE FROM t WHERE id IN (SELECT id FROM u)                                      | AUTO       | true",
        "UPDATE t SET a = 1 WHERE a = 1 OR b = 2                                           | AUTO       | true",
        "UPDATE t SET a = 1 WHERE created < now() - interval '1 day'                       | POSTGRESQL | true",
        "DELETE t1 FROM t1 JOIN t2 ON t1.a = t2.a WHERE t2.b = 3                            | MYSQL      | true",
        "UPDATE a SET a.x = 1 FROM orders a JOIN u ON u.id = a.u WHERE u.gone = 1           | SQLSERVER  | true",
        "DELETE FROM t WHERE CURRENT OF c                                                  | POSTGRESQL | true",
        "DELETE FROM t WHERE id = 1 RETURNING *                                            | POSTGRESQL | true",
        "DELETE FROM t                                                                     | AUTO       | true",
        "DELETE FROM app.t x                                                               | AUTO       | true",
        "UPDATE t SET a = (SELECT max(b) FROM u), c = lower(d)                             | AUTO       | true",
        "UPDATE t SET a = f(b::numeric, c)                                                 | POSTGRESQL | true",
        "UPDATE t SET a = 1 WHERE s ~ 'www\\.x'                                             | POSTGRESQL | true",
        "UPDATE t SET a = 1 ORDER BY id LIMIT 10                                           | MYSQL      | true",
        "UPDATE o SET o.note = CASE WHEN o.note LIKE 'x%' THEN 'y' ELSE o.note END FROM orders AS o JOIN u ON u.id = o.u OPTION (RECOMPILE) | SQLSERVER | true",
        "UPDATE o SET o.note = o.note FROM orders AS o JOIN u ON u.id = o.u                 | SQLSERVER  | true",
        "UPDATE o SET o.note = 'y' FROM orders AS o JOIN u ON u.id = o.u OPTION (RECOMPILE) | SQLSERVER  | false",
        "DELETE FROM t USING u                                                             | POSTGRESQL | false",
        "DELETE t FROM t, u                                                                | MYSQL      | false",
        "DELETE FROM t1, t2 USING t1 JOIN t2                                               | MYSQL      | true",
        "DELETE FROM t USING t JOIN u ON t.id = u.t_id                                     | MYSQL      | true",
        "DELETE QUICK FROM t1, t2 USING t1 LEFT JOIN t2 ON t1.a = t2.a                     | MARIADB    | true",
        "DELETE FROM t USING t JOIN u ON t.id = u.t_id WHERE 1 = 1                         | MYSQL      | true",
        "DELETE FROM t USING t STRAIGHT_JOIN u ON t.id = u.t_id WHERE @go = 1              | MARIADB    | true",
        "DELETE FROM t USING t JOIN u ON t.id = u.t_id WHERE 3 IN (1, 3)                   | MYSQL      | false",
        "DELETE FROM t USING t JOIN u ON t.id = u.t_id                                     | POSTGRESQL | false",
        "DELETE FROM t USING u JOIN v ON v.id = u.v_id                                     | POSTGRESQL | true",
        "DELETE FROM t USING t JOIN u ON t.id = u.t_id                                     | AUTO       | true",
        "DELETE FROM t USING u JOIN v ON v.id = u.v_id                                     | AUTO       | true",
        "DELETE FROM t USING t JOIN u ON t.id = u.t_id                                     | SQLSERVER  | false",
        "DELETE FROM t USING t, u                                                          | MYSQL      | false",
        "UPDATE t1, t2 SET t1.a = t2.a                                                     | MYSQL      | false",
        "UPDATE (t JOIN u ON u.t_id = t.id) SET u.c = 1                                    | MYSQL      | true",
        "UPDATE IGNORE ((t JOIN u ON u.t_id = t.id)) SET u.c = 1                           | MARIADB    | true",
        "DELETE u FROM (t JOIN u ON u.t_id = t.id)                                         | MYSQL      | true",
        "DELETE FROM u USING (t JOIN u ON u.t_id = t.id)                                   | MYSQL      | true",
        "DELETE u FROM (t JOIN u ON u.t_id = t.id)                                         | SQLSERVER  | true",
        "UPDATE (t JOIN u ON u.t_id = t.id) SET u.c = 1 WHERE 3 IN (1, 3)                  | MYSQL      | false",
        "UPDATE u SET c = 1 FROM (t JOIN u ON u.t_id = t.id)                               | SQLSERVER  | false",
        "DELETE FROM u USING (t JOIN v ON v.t_id = t.id)                                   | POSTGRESQL | false",
        "DELETE TOP (10) FROM t                                                            | SQLSERVER  | true",
        "DELETE TOP (10) PERCENT FROM dbo.t                                                | SQLSERVER  | true",
        "DELETE dbo.t OUTPUT deleted.* INTO dbo.archive                                    | SQLSERVER  | true",
        "DELETE TOP (10) FROM t FROM t JOIN u ON u.id = t.u_id                             | SQLSERVER  | false",
        "DELETE TOP (10) t FROM t JOIN u ON u.id = t.u_id                                  | SQLSERVER  | false",
        "DELETE (SELECT * FROM t WHERE x = 1)                                              | ORACLE     | true",
        "DELETE (SELECT * FROM t)                                                          | ORACLE     | true",
        "DELETE (SELECT * FROM t) v                                                        | ORACLE     | true",
        "UPDATE (SELECT t.a, u.b FROM t JOIN u ON u.id = t.u_id) SET a = b                 | ORACLE     | true",
        "DELETE FROM (SELECT t.* FROM t JOIN u ON u.id = t.u_id)                           | ORACLE     | true",
        "UPDATE t SET a = b.x FROM b                                                       | POSTGRESQL | true",
        "UPDATE t SET a = s.x FROM (SELECT x FROM u LIMIT 1) AS s                          | POSTGRESQL | true",
        "UPDATE t SET a = b.x FROM b JOIN c ON c.id = b.id                                 | POSTGRESQL | false",
        "UPDATE t SET a = b.x FROM b WHERE b.live                                          | POSTGRESQL | true",
        "UPDATE t SET a = b.x FROM b, c WHERE b.id = c.id AND c.live                       | POSTGRESQL | true",
        "DELETE FROM t USING u WHERE u.gone                                                | POSTGRESQL | false",
        "UPDATE t SET a = b.x FROM b, c                                                    | POSTGRESQL | true",
        "DELETE t1 FROM t1 JOIN t2 ON t1.a = t2.a                                          | MYSQL      | false",
        "DELETE FROM t WHERE 1 = 1                                                         | AUTO       | false",
        "DELETE FROM t WHERE id = id                                                       | AUTO       | false",
        "DELETE FROM t WHERE x IS NULL OR x IS NOT NULL                                    | AUTO       | false",
        "DELETE FROM t WHERE 3 IN (1, 2, 3)                                                | AUTO       | false",
        "DELETE FROM t WHERE a = 5 OR 'a' LIKE '%'                                         | AUTO       | false",
        "DELETE FROM t WHERE NOT (NULL IS NULL) OR b = 1                                   | AUTO       | false",
        "WITH d AS (SELECT id FROM u) DELETE FROM t WHERE id IN (SELECT id FROM d)          | POSTGRESQL | true",
        "WITH s AS (SELECT x FROM u) UPDATE t SET a = s.x FROM s                           | POSTGRESQL | true",
        "WITH s AS (SELECT x FROM u), r AS (SELECT 1) UPDATE t SET a = 1                   | POSTGRESQL | true",
        "WITH d AS (DELETE FROM u RETURNING id) UPDATE t SET a = 1 WHERE id IN (SELECT id FROM d) | POSTGRESQL | false",
        "WITH d AS (UPDATE u SET b = 1 RETURNING id) DELETE FROM t WHERE id IN (SELECT id FROM d) | POSTGRESQL | false",
        "WITH s AS (SELECT 1) SELECT * FROM t FOR UPDATE                                   | POSTGRESQL | false",
        "WITH s AS (SELECT 1 AS x) INSERT INTO t SELECT x FROM s ON CONFLICT (x) DO UPDATE SET y = 1 | POSTGRESQL | false",
        "UPDATE t SET a = 'x\\'y' WHERE id = 1                                              | MYSQL      | false",
        "UPDATE t SET a = 'x''\\\\''y' WHERE id = 1                                         | MYSQL      | true",
        "UPDATE t SET a = 'x\\ny\\\\' WHERE id = 1                                          | MYSQL      | true",
        "UPDATE t SET a = 'x\\\\\\'y' WHERE id = 1                                          | MYSQL      | false",
        "UPDATE t SET a = 1 WHERE b = 'x\\\\y'                                             | MYSQL      | false",
        "SELECT * FROM t WHERE id = 1                                                      | AUTO       | false",
        "DELETE FROM t WHERE (id = 1                                                       | AUTO       | false",
        "DELETE FROM t WHERE id IN (SELECT id FROM u WHERE x = 1                           | POSTGRESQL | false",
        "DELETE FROM t WHERE id IN (SELECT id FROM u))                                     | AUTO       | false",
        "UPDATE t SET a = (1 WHERE id = 2                                                  | MYSQL      | false",
    })
    void settlesOnlyWhereItsOwnWhereRestrictsTheRows(String sql, Dialect dialect, boolean settled) {
        var statement = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements().get(0);
        assertEquals(settled, settledByTokens(statement), sql);
    }

    /** What the tokens conclude for the shapes they now settle is what the parser's tree says. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "UPDATE t SET a = b.x FROM b                                                       | POSTGRESQL",
        "UPDATE t SET a = s.x FROM (SELECT x FROM u LIMIT 1) AS s                          | POSTGRESQL",
        "UPDATE t SET a = b.x FROM b, c                                                    | POSTGRESQL",
        "UPDATE a SET a.x = 1 FROM orders a, u                                             | SQLSERVER",
        "UPDATE t SET a = CASE WHEN s.w IS NULL THEN FALSE ELSE TRUE END FROM s WHERE s.k IS NOT NULL | POSTGRESQL",
        "UPDATE t SET a = b.x FROM b, c WHERE b.id = c.id AND c.live                       | POSTGRESQL",
        "WITH s AS (SELECT x FROM u) UPDATE t SET a = s.x FROM s                           | POSTGRESQL",
        "WITH s AS (SELECT x FROM u) UPDATE t SET a = s.x FROM s WHERE t.id = s.id         | POSTGRESQL",
        "WITH d AS (SELECT id FROM u) DELETE FROM t WHERE id IN (SELECT id FROM d)          | POSTGRESQL",
        "WITH d AS (SELECT id FROM u) DELETE FROM t                                        | POSTGRESQL",
    })
    void theTokensConcludeWhatTheParserDoes(String sql, Dialect dialect) {
        Statement statement = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql).statements().get(0);
        StatementTokens structure = StatementTokens.of(statement);
        var fromTokens = DataChanges.fromTokens(structure);
        var parsed = assertInstanceOf(AnalyzedStatement.Parsed.class, new StatementAnalyzer().analyze(statement));

        assertEquals(true, settledByTokens(statement), sql);
        assertEquals(described(DataChanges.in(statement, structure, fromTokens, parsed.ast())),
                described(DataChanges.in(statement, structure, fromTokens, null)), sql);
    }

    /**
     * MySQL's {@code DELETE FROM t USING t JOIN u ..}, which JSqlParser rejects, reads from its tokens as the parser
     * reads the same DELETE written {@code DELETE t FROM t JOIN u ..}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t USING t JOIN u ON t.id = u.t_id                      | DELETE t FROM t JOIN u ON t.id = u.t_id",
        "DELETE FROM t USING t JOIN u ON t.id = u.t_id WHERE u.flag = 1     | DELETE t FROM t JOIN u ON t.id = u.t_id WHERE u.flag = 1",
        "DELETE FROM t1, t2 USING t1 JOIN t2 ON t1.a = t2.a                 | DELETE t1, t2 FROM t1 JOIN t2 ON t1.a = t2.a",
        "DELETE FROM t USING t LEFT JOIN u ON t.id = u.t_id                 | DELETE t FROM t LEFT JOIN u ON t.id = u.t_id",
        "DELETE FROM t USING t CROSS JOIN u                                 | DELETE t FROM t CROSS JOIN u",
        "DELETE FROM t USING t JOIN u ON 1 = 1                              | DELETE t FROM t JOIN u ON 1 = 1",
        "DELETE FROM t USING t LEFT JOIN u ON t.id = u.t_id WHERE 1 = 1     | DELETE t FROM t LEFT JOIN u ON t.id = u.t_id WHERE 1 = 1",
        "DELETE FROM t USING t LEFT JOIN u ON t.id = u.t_id WHERE @go = 1   | DELETE t FROM t LEFT JOIN u ON t.id = u.t_id WHERE @go = 1",
        "DELETE FROM a USING t AS a JOIN u AS b ON a.id = b.t_id            | DELETE a FROM t AS a JOIN u AS b ON a.id = b.t_id",
        "DELETE FROM t USING u JOIN v ON v.id = u.v_id                      | DELETE t FROM u JOIN v ON v.id = u.v_id",
    })
    void mySqlUsingJoinReadsAsTheParserReadsTheFromForm(String using, String from) {
        for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.MARIADB)) {
            Statement usingForm = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", using)
                    .statements().get(0);
            Statement fromForm = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", from)
                    .statements().get(0);
            var parsed = assertInstanceOf(AnalyzedStatement.Parsed.class, new StatementAnalyzer().analyze(fromForm));

            assertEquals(true, settledByTokens(usingForm), using);
            StatementTokens fromStructure = StatementTokens.of(fromForm);
            StatementTokens usingStructure = StatementTokens.of(usingForm);
            assertEquals(described(DataChanges.in(fromForm, fromStructure, DataChanges.fromTokens(fromStructure),
                    parsed.ast())), described(DataChanges.in(usingForm, usingStructure,
                    DataChanges.fromTokens(usingStructure), null)), using);
        }
    }

    private static List<String> described(List<RowChange> changes) {
        return changes.stream().map(change -> change.verb() + " " + change.tables() + " join="
                + change.restrictedByJoin() + " where=" + change.where()).toList();
    }

    private static boolean settledByTokens(Statement statement) {
        StatementTokens structure = StatementTokens.of(statement);
        return SettledByTokens.settles(statement, structure, DataChanges.fromTokens(structure));
    }
}
