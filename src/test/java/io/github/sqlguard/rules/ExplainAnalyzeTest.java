package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PostgreSQL runs the statement that EXPLAIN ANALYZE explains; a plain EXPLAIN runs nothing. */
class ExplainAnalyzeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXPLAIN ANALYZE DELETE FROM big_t | delete-without-where",
        "EXPLAIN ANALYZE VERBOSE UPDATE t SET a = 1 | update-without-where",
        "EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET a = 1 | update-without-where",
        "EXPLAIN ANALYZE DELETE FROM big_t WHERE id = 1 | -",
        "EXPLAIN DELETE FROM big_t | -",
        "EXPLAIN (FORMAT JSON) UPDATE t SET a = 1 | -",
    })
    void explainAnalyzeRunsItsStatement(String sql, String expected) {
        List<String> found = RulePipeline.run(Dialect.POSTGRESQL, sql, RuleRegistry.all()).stream()
                .map(RulePipeline.Hit::rule).filter(rule -> rule.endsWith("-where")).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
