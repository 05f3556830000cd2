package io.github.sqlguard.sql;

import java.util.List;

/**
 * The text a cursor hands to {@code FETCH .. INTO v} row by row: the one item its query selects. T-SQL cleanup
 * scripts loop over {@code DECLARE c CURSOR FOR SELECT 'DROP TABLE ' + name FROM sys.tables} and run each row with
 * {@code EXEC (@sql)}; MySQL's {@code DECLARE c CURSOR FOR ..}, PL/SQL's {@code CURSOR c IS ..} and PL/pgSQL's
 * {@code c CURSOR FOR ..} and {@code OPEN c FOR ..} declare theirs the same way.
 */
final class CursorQueries {

    /** How far the query may start after the cursor's name: T-SQL's options (LOCAL FAST_FORWARD READ_ONLY ..). */
    private static final int MAX_OPTIONS = 12;

    private CursorQueries() {
    }

    /**
     * The select item of the query that the cursor named {@code cursor} runs, declared in {@code scope} before
     * {@code fetch}; null when no such declaration is found or its query selects more than one item.
     */
    static List<Token> selectItem(List<Token> scope, Token cursor, Token fetch) {
        for (int i = 0; i < scope.size() && scope.get(i).offset() < fetch.offset(); i++) {
            Token token = scope.get(i);
            if (token.type() == TokenType.WORD && token.text().equalsIgnoreCase(cursor.text())) {
                int select = queryStart(scope, i);
                if (select >= 0) {
                    return item(scope, select);
                }
            }
        }
        return null;
    }

    /** The index of the SELECT of a cursor declared with the name at {@code name}, or -1. */
    private static int queryStart(List<Token> scope, int name) {
        Token before = name > 0 ? scope.get(name - 1) : null;
        boolean declared = before != null && before.isAnyWord("CURSOR", "OPEN");
        for (int i = name + 1; i < Math.min(scope.size(), name + MAX_OPTIONS); i++) {
            Token token = scope.get(i);
            if (StatementEnd.isSeparator(token)) {
                return -1;
            }
            declared |= token.isWord("CURSOR");
            if (token.isWord("SELECT")) {
                return declared && scope.get(i - 1).isAnyWord("FOR", "IS") ? i : -1;
            }
        }
        return -1;
    }

    /** The tokens of the query's only select item, up to its FROM; null when it selects several. */
    private static List<Token> item(List<Token> scope, int select) {
        int from = select + 1;
        if (from < scope.size() && scope.get(from).isAnyWord("DISTINCT", "ALL")) {
            from++;
        }
        int depth = 0;
        int end = from;
        for (; end < scope.size(); end++) {
            Token token = scope.get(end);
            if (StatementEnd.isSeparator(token) || depth == 0 && token.isAnyWord("FROM", "INTO")) {
                break;
            }
            if (depth == 0 && token.isSymbol(",")) {
                return null;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
        }
        return end > from ? scope.subList(from, end) : null;
    }
}
