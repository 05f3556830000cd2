package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
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
        List<String> wanted = expected.equals("-") ? List.of() : List.of(expected);
        assertEquals(wanted, rowRuleIds(RuleHarness.models(dialect, sql)), "as analysed");
        assertEquals(wanted, rowRuleIds(RuleHarness.tokenModels(dialect, sql)), "from tokens");
    }

    private static List<String> rowRuleIds(List<StatementModel> models) {
        return RuleRegistry.all().stream()
                .filter(rule -> rule instanceof RowChangeRule)
                .filter(rule -> models.stream().anyMatch(model -> !rule.check(model).isEmpty()))
                .map(rule -> rule.info().id()).toList();
    }
}
