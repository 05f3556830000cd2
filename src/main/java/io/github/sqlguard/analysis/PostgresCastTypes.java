package io.github.sqlguard.analysis;

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
    static int end(StatementTokens tokens, int from) {
        ObjectNames.NameAt name = tokens.nameAt(from);
        if (name == null) {
            return -1;
        }
        int at = name.next();
        if (tokens.isWord(at, "VARYING") && name.text().matches("(?i)character|char|bit")
                || tokens.isWord(at, "PRECISION") && name.text().equalsIgnoreCase("double")) {
            at++;
        }
        if (tokens.isSymbol(at, "(")) {
            at = tokens.closingParen(at);
            if (at >= tokens.size()) {
                return -1;
            }
            at++;
        }
        if (name.text().matches("(?i)time|timestamp") && tokens.isWord(at, "WITH", "WITHOUT")
                && tokens.isWord(at + 1, "TIME") && tokens.isWord(at + 2, "ZONE")) {
            at += 3;
        }
        while (tokens.isSymbol(at, "[")) {
            int close = tokens.isSymbol(at + 1, "]") ? at + 1 : tokens.isSymbol(at + 2, "]") ? at + 2 : -1;
            if (close < 0) {
                return -1;
            }
            at = close + 1;
        }
        return at;
    }
}
