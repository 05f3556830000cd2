package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementTokensTest {

    static StatementTokens tokensOf(String sql) {
        return StatementTokens.of(new StatementSplitter(Dialect.AUTO, Placeholders.DEFAULT)
                .split("t.sql", sql).statements().get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t | DELETE",
        "WITH x AS (DELETE FROM a RETURNING *) SELECT * FROM x | SELECT",
        "WITH RECURSIVE x(a, b) AS (SELECT 1), y AS NOT MATERIALIZED (UPDATE t SET a = 1) DELETE FROM t | DELETE",
        "with x as (select 1) update t set a = 1 | update",
    })
    void bodyStartIsTheMainStatementWord(String sql, String word) {
        StatementTokens tokens = tokensOf(sql);
        assertEquals(word, tokens.tokens().get(tokens.bodyStart()).text());
    }

    @Test
    void bodyStartIsSizeWhenTheWithClauseHasNoStatement() {
        StatementTokens tokens = tokensOf("WITH x AS (SELECT 1)");
        assertEquals(tokens.size(), tokens.bodyStart());
    }

    @Test
    void cteBodiesAreTheParenthesisedQueriesAfterAs() {
        StatementTokens tokens = tokensOf("WITH x(a) AS (DELETE FROM a), y AS MATERIALIZED (SELECT (1)) SELECT 1");
        List<int[]> bodies = tokens.cteBodies();
        assertEquals(2, bodies.size());
        assertEquals("DELETE", tokens.tokens().get(bodies.get(0)[0]).text());
        assertEquals("a", tokens.tokens().get(bodies.get(0)[1] - 1).text());
        assertEquals("SELECT", tokens.tokens().get(bodies.get(1)[0]).text());
        assertEquals(")", tokens.tokens().get(bodies.get(1)[1] - 1).text());
    }

    @Test
    void topLevelWordSkipsParenthesesAndStopsAtTheEnclosingClose() {
        StatementTokens tokens = tokensOf("UPDATE t SET a = (SELECT b FROM c WHERE d = 1) WHERE e = 2");
        int where = tokens.indexOfTopLevelWord(0, tokens.size(), "WHERE");
        assertEquals("e", tokens.tokens().get(where + 1).text());
        int select = tokens.indexOfTopLevelWord(0, tokens.size(), "SELECT");
        assertEquals(-1, select);
        int inner = tokens.indexOfTopLevelWord(6, tokens.size(), "WHERE");
        assertEquals("d", tokens.tokens().get(inner + 1).text());
        assertEquals(-1, tokens.indexOfTopLevelWord(9, tokens.size(), "FROM", "e"));
        assertEquals(tokens.closingParen(5), tokens.levelEnd(6));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DROP TABLE s.t, \"Q\".u, [db].[s].[v] CASCADE | 2 | s.t,\"Q\".u,[db].[s].[v]",
        "DROP TABLE ${schema}.t | 2 | ${schema}.t",
        "TRUNCATE t | 1 | t",
    })
    void nameListReadsQualifiedNames(String sql, int index, String names) {
        List<ObjectNames.NameAt> read = tokensOf(sql).nameListAt(index);
        assertEquals(List.of(names.split(",")), read.stream().map(ObjectNames.NameAt::text).toList());
    }

    @Test
    void answersNoPastTheEnd() {
        StatementTokens tokens = tokensOf("DELETE");
        assertNull(tokens.nameAt(1));
        assertEquals(false, tokens.isWord(5, "FROM"));
        assertEquals(false, tokens.isSymbol(-1, "("));
        assertEquals(3, tokensOf("DELETE FROM ONLY t").skipWords(1, "FROM", "ONLY"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM t WHERE ((a = 1) OR (b IN (1, (2))))",
        "DELETE FROM t WHERE (a = 1",
        "DELETE FROM t WHERE a = 1) OR (b = 2",
        "DELETE FROM t WHERE ((a = 1) OR b = 2",
        "UPDATE t SET a = f((1), (g(2)) WHERE ) x (",
    })
    void eachParenthesisClosesWhereCountingFromItSaysEvenWhenUnbalanced(String sql) {
        StatementTokens tokens = tokensOf(sql);
        for (int open = 0; open < tokens.size(); open++) {
            int depth = 0;
            int expected = tokens.size();
            for (int i = open; i < tokens.size() && tokens.isSymbol(open, "("); i++) {
                depth += tokens.isSymbol(i, "(") ? 1 : tokens.isSymbol(i, ")") ? -1 : 0;
                if (depth == 0) {
                    expected = i;
                    break;
                }
            }
            if (tokens.isSymbol(open, "(")) {
                assertEquals(expected, tokens.closingParen(open), sql + " at " + open);
            }
        }
    }

    @Test
    void aConditionNestedTwentyThousandDeepIsReadAtOnce() {
        String deep = "(".repeat(20_000) + "1 = 1" + ")".repeat(20_000);
        StatementTokens tokens = tokensOf("DELETE FROM t WHERE " + deep);
        int where = 3;

        assertEquals(Truth.ALWAYS_TRUE, TokenConditionTruth.of(tokens, where + 1, tokens.size()));
    }
}
