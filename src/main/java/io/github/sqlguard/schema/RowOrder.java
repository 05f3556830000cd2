package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * An {@code ORDER BY} after a copy's source table. It decides only the order the rows arrive in, not which rows
 * do, so {@code INSERT INTO new_t (name) SELECT name FROM t ORDER BY id} (SQLite rebuilds write it so the new
 * table numbers the rows in their old order) still reads every row. A {@code LIMIT}, {@code OFFSET} or
 * {@code FETCH} after it does leave rows behind, and is left for the caller to see.
 */
final class RowOrder {

    private RowOrder() {
    }

    /**
     * Where the {@code ORDER BY} clause starting at {@code at} ends: the first {@code LIMIT}, {@code OFFSET},
     * {@code FETCH}, closing parenthesis or {@code ;} outside its own parentheses. {@code at} when no
     * {@code ORDER BY} starts there.
     */
    static int end(List<Token> tokens, int at) {
        if (at + 1 >= tokens.size() || !tokens.get(at).isWord("ORDER") || !tokens.get(at + 1).isWord("BY")) {
            return at;
        }
        int depth = 0;
        for (int i = at + 2; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && (token.isSymbol(")") || token.isSymbol(";")
                    || token.isAnyWord("LIMIT", "OFFSET", "FETCH"))) {
                return i;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
        }
        return tokens.size();
    }
}
