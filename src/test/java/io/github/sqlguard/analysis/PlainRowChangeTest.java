package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tokens settle the plain DELETE and UPDATE forms; everything else goes to the parser. */
class PlainRowChangeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t                                        | true",
        "DELETE FROM app.t x WHERE x.id = 5                   | true",
        "DELETE FROM t WHERE id IN (1, 2) AND b > 3           | true",
        "DELETE FROM t WHERE a = ? AND b IS NOT NULL          | true",
        "DELETE FROM t WHERE d BETWEEN 1 AND 10 AND n LIKE 'a%' | true",
        "UPDATE t SET a = 1, b = lower(c) WHERE id = -5       | true",
        "UPDATE \"T\" AS u SET a = b + c                       | true",
        "DELETE FROM t WHERE id = id                          | false",
        "DELETE FROM t WHERE 1 = 1                            | false",
        "DELETE FROM t WHERE TRUE                             | false",
        "DELETE FROM t WHERE 3 IN (1, 2, 3)                   | false",
        "DELETE FROM t WHERE a = 1 OR b = 2                   | false",
        "DELETE FROM t WHERE NOT a = 1                        | false",
        "DELETE FROM t WHERE id IN (SELECT id FROM u)         | false",
        "DELETE FROM t USING u WHERE t.id = u.id              | false",
        "DELETE FROM ONLY t                                   | false",
        "DELETE TOP (10) FROM t                               | false",
        "DELETE t1 FROM t1 JOIN t2 ON t1.a = t2.a             | false",
        "WITH x AS (SELECT 1) DELETE FROM t                   | false",
        "UPDATE t SET a = b FROM u WHERE t.id = u.id          | false",
        "UPDATE t SET a = (SELECT max(b) FROM u)              | false",
        "UPDATE t SET c = a MULTISET UNION b WHERE id = 1     | false",
        "UPDATE t SET a = a + 1 /                             | false",
        "DELETE FROM t WHERE id = 1 RETURNING *               | false",
        "INSERT INTO t VALUES (1)                             | false",
    })
    void tokensSettleOnlyThePlainForms(String sql, boolean settled) {
        var statement = new StatementSplitter(Dialect.AUTO, Placeholders.DEFAULT).split("t.sql", sql).statements()
                .get(0);
        assertEquals(settled, PlainRowChange.settles(statement.tokens()), sql);
    }
}
