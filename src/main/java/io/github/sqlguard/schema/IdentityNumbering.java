package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * Where an identity column's numbering starts: SQL Server's {@code IDENTITY(seed, increment)}, the standard's
 * {@code GENERATED .. AS IDENTITY (START WITH n INCREMENT BY m)} (PostgreSQL, Oracle, Db2, H2) and a bare
 * {@code IDENTITY}, which numbers from 1 by 1.
 */
final class IdentityNumbering {

    private IdentityNumbering() {
    }

    /**
     * The first number of the identity whose options may follow at {@code at}, just after the word IDENTITY; null
     * when it numbers downwards or its start is not a plain number.
     */
    static Long firstNumber(List<Token> tokens, int at) {
        if (at >= tokens.size() || !tokens.get(at).isSymbol("(")) {
            return 1L;
        }
        int end = ObjectNames.skipParentheses(tokens, at) - 1;
        List<Token> options = tokens.subList(at + 1, Math.max(at + 1, end));
        Long seed = number(options, 0);
        if (seed != null) {
            // IDENTITY(seed, increment)
            int comma = SignedNumbers.length(options, 0);
            Long increment = comma < options.size() && options.get(comma).isSymbol(",") ? number(options, comma + 1)
                    : Long.valueOf(1);
            return increment != null && increment > 0 ? seed : null;
        }
        Long start = 1L;
        long increment = 1;
        for (int i = 0; i < options.size(); i++) {
            Token option = options.get(i);
            if (option.isAnyWord("START", "INCREMENT")) {
                int valueAt = i + 1 < options.size() && options.get(i + 1).isAnyWord("WITH", "BY") ? i + 2 : i + 1;
                Long value = number(options, valueAt);
                if (value == null) {
                    return null;
                }
                if (option.isWord("START")) {
                    start = value;
                } else {
                    increment = value;
                }
            }
        }
        return increment > 0 ? start : null;
    }

    /** The whole number written at {@code at}, a minus sign before it included, or null. */
    private static Long number(List<Token> tokens, int at) {
        int length = SignedNumbers.length(tokens, at);
        return length == 0 ? null : SignedNumbers.whole(tokens.subList(at, at + length)).orElse(null);
    }
}
