package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.TokenConditionTruth;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A WHERE of a copy's query that names no column and always holds ({@code INSERT INTO t_new SELECT * FROM t WHERE
 * true}): it keeps every row, so the copy is read as if it had none. SQLite asks for such a WHERE when an {@code INSERT
 * .. SELECT} carries an upsert clause, since {@code FROM t ON CONFLICT} would read as a join, so rebuilds that add a
 * key write {@code .. FROM t WHERE true ON CONFLICT DO NOTHING}; what that upsert leaves out is then the upsert's.
 */
final class ConstantTrueWhere {

    /** The words that end a WHERE of a query and start its next clause, or an upsert after it. */
    private static final Set<String> NEXT_CLAUSES = Set.of("GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET",
            "FETCH", "UNION", "INTERSECT", "EXCEPT", "MINUS", "ON", "RETURNING");

    private ConstantTrueWhere() {
    }

    /**
     * {@code tokens} without the top-level WHERE of the query of the statement at {@code main} when that WHERE holds
     * for every row without reading one, or unchanged.
     */
    static List<Token> withoutIt(List<Token> tokens, int main) {
        int where = -1;
        int depth = 0;
        for (int i = main + 1; i < tokens.size() && where < 0; i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0 && tokens.get(i).isWord("WHERE")) {
                where = i;
            }
        }
        if (where < 0) {
            return tokens;
        }
        int end = conditionEnd(tokens, where + 1);
        if (end < 0 || !TokenConditionTruth.holdsWithoutReadingRows(tokens.subList(where + 1, end))) {
            return tokens;
        }
        List<Token> without = new ArrayList<>(tokens.subList(0, where));
        without.addAll(tokens.subList(end, tokens.size()));
        return without;
    }

    /**
     * Where the condition that starts at {@code from} ends: at the next clause's word outside parentheses, the
     * statement's end or its terminator; -1 when anything else follows it, which the condition may then go on into.
     */
    private static int conditionEnd(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && (token.type() == TokenType.TERMINATOR || token.type() == TokenType.WORD
                    && NEXT_CLAUSES.contains(token.upper()))) {
                return i;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth < 0) {
                return -1;
            }
        }
        return tokens.size();
    }
}
