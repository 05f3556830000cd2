package io.github.sqlguard.sql;

import java.util.List;

/**
 * T-SQL's batches: a script's statements between {@code GO} lines. A local variable ({@code @sql}) lives for its
 * batch only, so a script that declares {@code @sql} again after each {@code GO} holds a different variable in each,
 * and what one batch assigns never reaches a run in another.
 */
final class GoBatches {

    private GoBatches() {
    }

    /** True when a {@code GO} line separates batches among {@code tokens}, which only T-SQL scripts do. */
    static boolean separate(List<Token> tokens) {
        for (Token token : tokens) {
            if (token.type() == TokenType.BATCH_SEPARATOR && token.text().regionMatches(true, 0, "GO", 0, 2)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens of {@code scope} in the batch that holds {@code use}: all of them when no GO separates any. */
    static List<Token> around(List<Token> scope, Token use) {
        int from = 0;
        int to = scope.size();
        for (int i = 0; i < scope.size(); i++) {
            if (scope.get(i).type() != TokenType.BATCH_SEPARATOR) {
                continue;
            }
            if (scope.get(i).offset() < use.offset()) {
                from = i + 1;
            } else {
                to = i;
                break;
            }
        }
        return from == 0 && to == scope.size() ? scope : scope.subList(from, to);
    }
}
