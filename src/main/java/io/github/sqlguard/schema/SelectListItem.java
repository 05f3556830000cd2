package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * One item of a query's select list, split into the expression it reads and the name a row of the query gives its
 * value: the column alias ({@code id AS rid}, {@code t.id rid}), else the column's own name ({@code id}, {@code
 * t.id}). A loop's {@code r.rid} reads the item named {@code rid}, which is column {@code id} of the table.
 *
 * @param expression the item without its alias
 * @param name the token that names the item, or null for an expression without an alias ({@code id + 1})
 */
record SelectListItem(List<Token> expression, Token name) {

    SelectListItem {
        expression = List.copyOf(expression);
    }

    /** The item {@code tokens}, one element of a select list split at its commas. */
    static SelectListItem of(List<Token> tokens) {
        int size = tokens.size();
        if (size >= 3 && tokens.get(size - 2).isWord("AS") && isName(tokens.get(size - 1))) {
            return new SelectListItem(tokens.subList(0, size - 2), tokens.get(size - 1));
        }
        // Without AS an alias may follow only a plain column here: after an expression the last word may be part of
        // it (x COLLATE c, CASE .. END).
        if (size >= 2 && isName(tokens.get(size - 1)) && isColumn(tokens.subList(0, size - 1))) {
            return new SelectListItem(tokens.subList(0, size - 1), tokens.get(size - 1));
        }
        return new SelectListItem(tokens, isColumn(tokens) ? tokens.get(size - 1) : null);
    }

    /** True when the item is named {@code field}. */
    boolean named(String field) {
        return name != null && name.text().equalsIgnoreCase(field);
    }

    private static boolean isColumn(List<Token> tokens) {
        boolean plain = tokens.size() == 1 && isName(tokens.get(0));
        boolean qualified = tokens.size() == 3 && isName(tokens.get(0)) && tokens.get(1).isSymbol(".")
                && isName(tokens.get(2));
        return plain || qualified;
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD;
    }
}
