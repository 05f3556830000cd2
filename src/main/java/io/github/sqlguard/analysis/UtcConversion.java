package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's {@code USING c AT TIME ZONE 'UTC'} and {@code USING timezone('UTC', c)}: the conversion between
 * {@code timestamp} and {@code timestamptz} that Prisma and others write to say the stored wall-clock values are
 * UTC. In UTC, which has no daylight-saving gaps or repeated hours, every value maps to exactly one new value, so the
 * expression keeps what the column held; whether the types do is left to the old and new type.
 */
final class UtcConversion {

    private static final Set<String> UTC_ZONES = Set.of("UTC", "ETC/UTC", "GMT", "ETC/GMT", "UCT", "ZULU", "Z",
            "+00", "+00:00", "-00", "00:00", "0");

    private UtcConversion() {
    }

    /** True when {@code expression} is the column {@code name} (normalized) shifted to or from UTC, nothing more. */
    static boolean of(List<Token> expression, String name) {
        int n = expression.size();
        // c AT TIME ZONE 'UTC'
        if (n >= 4 && expression.get(n - 4).isWord("AT") && expression.get(n - 3).isWord("TIME")
                && expression.get(n - 2).isWord("ZONE") && isUtc(expression.get(n - 1))) {
            return isColumn(expression.subList(0, n - 4), name);
        }
        // timezone('UTC', c)
        if (n >= 6 && expression.get(0).isWord("TIMEZONE") && expression.get(1).isSymbol("(")
                && isUtc(expression.get(2)) && expression.get(3).isSymbol(",") && expression.get(n - 1).isSymbol(")")
                && ObjectNames.skipParentheses(expression, 1) == n) {
            return isColumn(expression.subList(4, n - 1), name);
        }
        return false;
    }

    private static boolean isUtc(Token token) {
        if (token.type() != TokenType.STRING) {
            return false;
        }
        String text = token.text();
        int open = text.indexOf('\'');
        int close = text.lastIndexOf('\'');
        return open >= 0 && close > open
                && UTC_ZONES.contains(text.substring(open + 1, close).trim().toUpperCase(Locale.ROOT));
    }

    private static boolean isColumn(List<Token> tokens, String name) {
        ObjectNames.NameAt read = ObjectNames.readName(tokens, 0);
        return read != null && read.next() == tokens.size()
                && ObjectNames.normalize(ObjectNames.lastPart(read.text())).equals(name);
    }
}
