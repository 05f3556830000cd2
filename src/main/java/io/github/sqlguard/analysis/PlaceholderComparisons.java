package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Conditions that compare a string holding an unresolved placeholder with a literal, the way a migration limits
 * itself to one environment: {@code DELETE FROM demo_orders WHERE '${env}' = 'dev'}. Such a condition names no
 * column, so the placeholder's value, unknown here, decides for every row at once: all of them or none.
 */
final class PlaceholderComparisons {

    private PlaceholderComparisons() {
    }

    /**
     * The placeholders, as written, of the comparisons in {@code [from, to)} that stand as a condition of their
     * own and compare a string holding one with a literal ({@code '${env}' = 'dev'}, {@code 1 <> '${n}'}).
     */
    static List<String> in(StatementTokens tokens, int from, int to) {
        List<String> found = new ArrayList<>();
        for (int i = from; i < to; i++) {
            List<String> placeholders = placeholdersIn(tokens.tokens().get(i));
            if (placeholders.isEmpty()) {
                continue;
            }
            boolean first = comparison(tokens, from, to, i);
            if (first || comparison(tokens, from, to, i - 2)) {
                placeholders.stream().filter(name -> !found.contains(name)).forEach(found::add);
            }
        }
        return found;
    }

    /** True when {@code literal operator literal} starts at {@code at} and is a term of its own. */
    private static boolean comparison(StatementTokens tokens, int from, int to, int at) {
        if (at < from || at + 3 > to || !literal(tokens.tokens().get(at)) || !literal(tokens.tokens().get(at + 2))
                || tokens.tokens().get(at + 1).type() != TokenType.SYMBOL
                || !Comparison.OPERATORS.contains(tokens.tokens().get(at + 1).text())) {
            return false;
        }
        boolean opens = at == from || tokens.isSymbol(at - 1, "(") || tokens.isWord(at - 1, "AND", "OR", "NOT");
        boolean closes = at + 3 == to || tokens.isSymbol(at + 3, ")") || tokens.isWord(at + 3, "AND", "OR");
        return opens && closes;
    }

    private static boolean literal(Token token) {
        return token.type() == TokenType.NUMBER || token.type() == TokenType.STRING && token.text().startsWith("'");
    }

    private static List<String> placeholdersIn(Token token) {
        if (token.type() != TokenType.STRING || !token.text().startsWith("'")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher matcher = Comparison.UNRESOLVED_PLACEHOLDER.matcher(token.text());
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
