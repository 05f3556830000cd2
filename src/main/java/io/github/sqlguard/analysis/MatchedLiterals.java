package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * The string values a condition on a catalog column matches ({@code name = 'x'}, {@code name IN ('x', 'y')}): what a
 * DELETE from a catalog table ({@code pg_enum}, {@code sqlite_master}) takes away is read from them.
 */
final class MatchedLiterals {

    private MatchedLiterals() {
    }

    /** The string literals of {@code = 'x'} or {@code IN ('x', 'y')} at {@code i}, unquoted; empty for any other. */
    static List<String> at(List<Token> core, int i) {
        List<String> values = new ArrayList<>();
        if (i + 1 >= core.size()) {
            return values;
        }
        if (core.get(i).isSymbol("=") && core.get(i + 1).type() == TokenType.STRING) {
            values.add(unquoted(core.get(i + 1)));
        } else if (core.get(i).isWord("IN") && core.get(i + 1).isSymbol("(")) {
            for (int j = i + 2; j < core.size() && !core.get(j).isSymbol(")"); j++) {
                if (core.get(j).type() == TokenType.STRING) {
                    values.add(unquoted(core.get(j)));
                }
            }
        }
        return values;
    }

    /** The value of a string literal: its text without the quotes, a doubled quote read as one. */
    static String unquoted(Token literal) {
        String text = literal.text();
        return text.length() > 1 && text.startsWith("'") && text.endsWith("'")
                ? text.substring(1, text.length() - 1).replace("''", "'") : text;
    }
}
