package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An outer join keeps every row of its preserved side, so it limits nothing there. */
class OuterJoinRowChangesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MYSQL | DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id | -",
        "MYSQL | DELETE t1 FROM t1 LEFT JOIN t2 ON t1.id = t2.id | delete-without-where",
        "MYSQL | DELETE t1 FROM t1 LEFT OUTER JOIN t2 ON t1.id = t2.id WHERE t2.id IS NULL | -",
        "MYSQL | DELETE t2 FROM t1 LEFT JOIN t2 ON t1.id = t2.id | -",
        "MYSQL | DELETE t2 FROM t1 RIGHT JOIN t2 ON t1.id = t2.id | delete-without-where",
        "MYSQL | UPDATE orders o LEFT JOIN customers c ON o.cid = c.id SET o.region = c.region | update-without-where",
        "MYSQL | UPDATE orders o JOIN customers c ON o.cid = c.id SET o.region = c.region | -",
        "SQLSERVER | UPDATE o SET region = c.region FROM orders o LEFT JOIN customers c ON o.cid = c.id | update-without-where",
        "SQLSERVER | UPDATE o SET region = c.region FROM orders o INNER JOIN customers c ON o.cid = c.id | -",
    })
    void outerJoinsDoNotLimitTheirPreservedSide(Dialect dialect, String sql, String expected) {
        Statement statement = new StatementSplitter(dialect, Placeholders.DEFAULT).split("t.sql", sql)
                .statements().get(0);
        AnalyzedStatement parsed = new StatementAnalyzer().analyze(statement);
        AnalyzedStatement tokensOnly = new AnalyzedStatement.Unparsed(statement, "forced");
        List<String> wanted = expected.equals("-") ? List.of() : List.of(expected);
        assertEquals(wanted, rowRuleIds(parsed), "as analysed: " + parsed.getClass().getSimpleName());
        assertEquals(wanted, rowRuleIds(tokensOnly), "from tokens");
    }

    private static List<String> rowRuleIds(AnalyzedStatement statement) {
        return RuleRegistry.all().stream()
                .filter(rule -> rule instanceof RowChangeRule)
                .filter(rule -> !rule.check(statement, new ScriptState()).isEmpty())
                .map(rule -> rule.info().id()).toList();
    }
}
