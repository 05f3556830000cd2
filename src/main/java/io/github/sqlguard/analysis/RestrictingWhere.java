package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * Decides when a DELETE or UPDATE is limited by a WHERE clause of its own that the tokens read with certainty,
 * so JSqlParser need not be asked even though the statement is not one of the {@link PlainRowChange plain
 * forms}: {@code UPDATE t SET .. FROM u WHERE t.id = u.id}, {@code DELETE FROM t USING (..) d WHERE ..},
 * {@code DELETE FROM t WHERE NOT EXISTS (..)}, conditions with functions, casts or OR.
 *
 * <p>Once its own WHERE is present, what the statement joins or reads in subqueries no longer decides whether
 * it touches every row; only the condition itself could, by holding for every row. A condition that names a
 * column holds for every row only by comparing a column with itself or by covering NULL both ways, which the
 * tokens decide as the parser's expression tree does. What is left to the parser: statements without a WHERE
 * of their own (there joins decide), CTEs, IF branches and compound bodies, conditions the tokens find always
 * true, conditions with a term of literals alone the tokens cannot evaluate ({@code 3 IN (1, 3)}), MySQL
 * backslash escapes, and statements whose target the tokens cannot name.
 */
final class RestrictingWhere {

    private RestrictingWhere() {
    }

    /** True when {@code tokens} (one statement without its terminator) is settled by its own WHERE. */
    static boolean settles(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isAnyWord("DELETE", "UPDATE")) {
            return false;
        }
        for (Token token : tokens) {
            if (token.isSymbol(";") || token.text().indexOf('\\') >= 0) {
                return false; // a compound body, or a MySQL escape the parser reads the way the dialect does
            }
        }
        StatementTokens structure = new StatementTokens(tokens);
        List<DataChange> changes = TokenDataChanges.in(structure);
        if (changes.size() != 1 || changes.get(0).tables().isEmpty()
                || changes.get(0).where() != WhereFact.PRESENT) {
            return false;
        }
        int where = structure.indexOfTopLevelWord(0, structure.size(), "WHERE");
        int end = TokenDataChanges.conditionEnd(structure, where, structure.size());
        return !TokenConditionTruth.hasUndecidedLiteralTerm(structure, where + 1, end);
    }
}
