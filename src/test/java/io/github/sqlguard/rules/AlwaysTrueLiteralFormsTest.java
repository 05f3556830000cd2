package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions about literals only, which the parser reads: true for every row, or not. */
class AlwaysTrueLiteralFormsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "DELETE FROM t WHERE 1 IN (1) | true",
        "DELETE FROM t WHERE 3 IN (1, 2, 3) | true",
        "UPDATE t SET a = 1 WHERE NULL IS NULL | true",
        "DELETE FROM t WHERE 'a' LIKE '%' | true",
        "DELETE FROM t WHERE id = 7 OR 'x' IN ('x') | true",
        "DELETE FROM t WHERE 4 IN (1, 2, 3) | false",
        "DELETE FROM t WHERE id IN (1) | false",
        "DELETE FROM t WHERE id IN (id) | true",
        "UPDATE t SET a = 1 WHERE id IN (7, t.id) | true",
        "DELETE FROM t WHERE id IN (other_id, 7) | false",
        "DELETE FROM t WHERE id IN ('id') | false",
        "DELETE FROM t WHERE 1 NOT IN (1) | false",
        "UPDATE t SET a = 1 WHERE NULL IS NOT NULL | false",
        "DELETE FROM t WHERE name LIKE '%' | false",
        "DELETE FROM t WHERE 'a' NOT LIKE '%' | false",
    })
    void literalConditions(String sql, boolean alwaysTrue) {
        Statement statement = RuleHarness.only(Dialect.AUTO, sql);
        assertInstanceOf(AnalyzedStatement.Parsed.class, new StatementAnalyzer().analyze(statement));
        assertEquals(alwaysTrue, !RuleHarness.messages(new AlwaysTrueWhereRule(), statement).isEmpty(), sql);
    }

    /**
     * {@code x IS [NOT] TRUE|FALSE|UNKNOWN} tells FALSE from NULL: of literals it holds for every row or for none,
     * read the same from the parser's tree and from tokens (which also read it without parentheses, where
     * JSqlParser gives up); of a column it restricts.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "DELETE FROM t WHERE NULL IS UNKNOWN | true",
        "DELETE FROM t WHERE TRUE IS NOT UNKNOWN | true",
        "DELETE FROM t WHERE FALSE IS NOT UNKNOWN | true",
        "DELETE FROM t WHERE (1 = 1) IS NOT UNKNOWN | true",
        "DELETE FROM t WHERE (1 = 0) IS NOT UNKNOWN | true",
        "DELETE FROM t WHERE (1 = 0) IS NOT TRUE | true",
        "DELETE FROM t WHERE (1 = 0) IS FALSE | true",
        "DELETE FROM t WHERE (1 = 1) IS TRUE | true",
        "DELETE FROM t WHERE NULL IS NOT TRUE | true",
        "DELETE FROM t WHERE NULL IS NOT FALSE | true",
        "DELETE FROM t WHERE (NULL = 1) IS UNKNOWN | true",
        "UPDATE t SET a = 1 WHERE TRUE IS TRUE | true",
        "DELETE FROM t WHERE FALSE IS FALSE | true",
        "DELETE FROM t WHERE 1 = 0 IS NOT TRUE | true",
        "DELETE FROM t WHERE id = 7 OR NULL IS UNKNOWN | true",
        "DELETE FROM t WHERE NULL IS NOT UNKNOWN | false",
        "DELETE FROM t WHERE TRUE IS UNKNOWN | false",
        "DELETE FROM t WHERE NULL IS TRUE | false",
        "DELETE FROM t WHERE NULL IS FALSE | false",
        "DELETE FROM t WHERE (1 = 1) IS NOT TRUE | false",
        "DELETE FROM t WHERE (NULL = 1) IS FALSE | false",
        "DELETE FROM t WHERE ('' = 'a') IS FALSE | false",
        "DELETE FROM t WHERE flag IS NOT UNKNOWN | false",
        "DELETE FROM t WHERE flag IS TRUE | false",
        "DELETE FROM t WHERE (a = 1) IS NOT FALSE | false",
        "DELETE FROM t WHERE unknown IS NOT NULL | false",
    })
    void booleanTestsOfLiterals(String sql, boolean alwaysTrue) {
        List<RulePipeline.Hit> hits = RulePipeline.run(Dialect.AUTO, sql, List.of(new AlwaysTrueWhereRule()));
        assertEquals(alwaysTrue, !hits.isEmpty(), sql);
    }
}
