package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries a leading {@code WITH} clause names: {@code WITH d AS (SELECT ..), e AS MATERIALIZED (..)}. A query
 * given a column list ({@code d (a, b) AS (..)}) renames its columns and is not read here, but its name is kept,
 * with no body, since it still hides a table of that name from the statement.
 */
final class CommonTables {

    private CommonTables() {
    }

    /** The bodies of the named queries of {@code tokens}' WITH clause by normalized name; a null body when not read. */
    static Map<String, List<Token>> of(StatementTokens tokens) {
        Map<String, List<Token>> named = new HashMap<>();
        if (!tokens.isWord(0, "WITH")) {
            return named;
        }
        int body = tokens.bodyStart();
        int i = tokens.isWord(1, "RECURSIVE") ? 2 : 1;
        while (i < body) {
            ObjectNames.NameAt name = tokens.nameAt(i);
            if (name == null) {
                return named;
            }
            int next = name.next();
            boolean renamed = tokens.isSymbol(next, "(");
            if (renamed) {
                next = tokens.closingParen(next) + 1;
            }
            next = tokens.skipWords(tokens.isWord(next, "AS") ? next + 1 : next, "NOT", "MATERIALIZED");
            if (!tokens.isSymbol(next, "(")) {
                return named;
            }
            int close = tokens.closingParen(next);
            named.put(ObjectNames.normalize(name.text()), renamed ? null : tokens.tokens().subList(next + 1, close));
            i = close + 1;
            if (!tokens.isSymbol(i, ",")) {
                return named;
            }
            i++;
        }
        return named;
    }
}
