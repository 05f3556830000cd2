package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * Where the type of a PostgreSQL cast {@code value::type} ends: a name ({@code text}, {@code pg_catalog.int4},
 * {@code "my type"}), the two-word names ({@code character varying}, {@code double precision}, {@code bit
 * varying}), a length or precision ({@code varchar(10)}, {@code numeric(8, 2)}), the time zone of a time
 * ({@code timestamp(3) with time zone}) and array brackets ({@code text[]}).
 */
final class PostgresCastTypes {

    private PostgresCastTypes() {
    }

    /** The index just after the type that starts at {@code from}, or -1 when no type starts there. */
    static int end(List<Token> tokens, int from) {
        ObjectNames.NameAt name = ObjectNames.readName(tokens, from);
        if (name == null) {
            return -1;
        }
        int at = name.next();
        if (wordAt(tokens, at, "VARYING") && name.text().matches("(?i)character|char|bit")
                || wordAt(tokens, at, "PRECISION") && name.text().equalsIgnoreCase("double")) {
            at++;
        }
        if (symbolAt(tokens, at, "(")) {
            at = closingParen(tokens, at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        if (name.text().matches("(?i)time|timestamp") && (wordAt(tokens, at, "WITH") || wordAt(tokens, at, "WITHOUT"))
                && wordAt(tokens, at + 1, "TIME") && wordAt(tokens, at + 2, "ZONE")) {
            at += 3;
        }
        while (symbolAt(tokens, at, "[")) {
            int close = at + 1 < tokens.size() && tokens.get(at + 1).isSymbol("]") ? at + 1
                    : at + 2 < tokens.size() && tokens.get(at + 2).isSymbol("]") ? at + 2 : -1;
            if (close < 0) {
                return -1;
            }
            at = close + 1;
        }
        return at;
    }

    private static boolean wordAt(List<Token> tokens, int at, String word) {
        return at < tokens.size() && tokens.get(at).isWord(word);
    }

    private static boolean symbolAt(List<Token> tokens, int at, String symbol) {
        return at < tokens.size() && tokens.get(at).isSymbol(symbol);
    }

    private static int closingParen(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
