package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenConditionTruthTest {

    /** The tokens after the WHERE of {@code sql}. */
    private static List<Token> conditionOf(String sql) {
        List<Token> tokens = new StatementSplitter(Dialect.AUTO, Placeholders.DEFAULT).split("t.sql", sql)
                .statements().get(0).tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("WHERE")) {
                return tokens.subList(i + 1, tokens.size());
            }
        }
        throw new IllegalArgumentException("no WHERE in " + sql);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t WHERE 1 = 1 | true",
        "DELETE FROM t WHERE lower(name) = lower(name) | true",
        "DELETE FROM t WHERE id = 5 | false",
        // The statement ends inside the call: a cut or damaged script is undecided, not an error.
        "DELETE FROM t WHERE lower(name = 'a' | false",
        "DELETE FROM t WHERE coalesce(a, 0 AND 1 = 1 | false",
        "DELETE FROM t WHERE 1 = 1 AND upper(x | false",
        "DELETE FROM t WHERE upper(x LIKE 'a%' | false",
    })
    void holdsForEveryRowDecidesWhatTheTokensShowAndLeavesUnclosedCallsUndecided(String sql, boolean always) {
        assertEquals(always, TokenConditionTruth.holdsForEveryRow(conditionOf(sql)));
    }
}
