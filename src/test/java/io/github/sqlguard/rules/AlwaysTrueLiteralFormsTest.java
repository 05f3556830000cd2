package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
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
}
