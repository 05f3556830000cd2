package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * The word {@code UNKNOWN} is the truth value only where {@code IS} or {@code IS NOT} comes right before it
 * ({@code (a > b) IS UNKNOWN}); PostgreSQL, MySQL and H2 read it anywhere else as a name, and tables have columns
 * so called ({@code WHERE unknown IS NOT NULL}). A condition on such a column picks rows like one on any other.
 */
public final class UnknownTruthValue {

    private UnknownTruthValue() {
    }

    /** True when token {@code index} of {@code tokens} is the truth value {@code UNKNOWN}, not a name. */
    public static boolean at(List<Token> tokens, int index) {
        if (!tokens.get(index).isWord("UNKNOWN") || index == 0) {
            return false;
        }
        Token before = tokens.get(index - 1);
        return before.isWord("IS") || before.isWord("NOT") && index >= 2 && tokens.get(index - 2).isWord("IS");
    }

    /**
     * True when token {@code index} of {@code tokens} is the word {@code UNKNOWN} used as a name, which a list of
     * the grammar's words must not take for the truth value.
     */
    public static boolean nameAt(List<Token> tokens, int index) {
        return tokens.get(index).isWord("UNKNOWN") && !at(tokens, index);
    }
}
