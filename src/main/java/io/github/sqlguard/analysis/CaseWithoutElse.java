package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Lexer;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * A {@code CASE} expression with no {@code ELSE} of its own: every value none of its branches lists becomes NULL.
 * A PostgreSQL type change {@code USING CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 END} nulls the statuses
 * the author forgot (or fails on a NOT NULL column), where the type change alone would have kept or rejected them.
 */
public final class CaseWithoutElse {

    private CaseWithoutElse() {
    }

    /** True when {@code expression}, the text of a USING expression, is a CASE whose own ELSE is missing. */
    public static boolean is(String expression) {
        List<Token> tokens = new Lexer(Dialect.POSTGRESQL).tokenize(expression).tokens();
        int first = 0;
        while (first < tokens.size() && tokens.get(first).isSymbol("(")) {
            first++;
        }
        if (first == tokens.size() || !tokens.get(first).isWord("CASE")) {
            return false;
        }
        int depth = 0;
        for (Token token : tokens.subList(first, tokens.size())) {
            if (token.isWord("CASE")) {
                depth++;
            } else if (token.isWord("END")) {
                depth--;
                if (depth == 0) {
                    return true;
                }
            } else if (depth == 1 && token.isWord("ELSE")) {
                return false;
            }
        }
        return false; // unterminated: not ours to judge
    }
}
