package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * Pattern tests whose pattern matches every text, the empty one included, so that they fail only where the tested
 * value is NULL: {@code LIKE '%'} and {@code ILIKE '%%'}; PostgreSQL's {@code SIMILAR TO '%'}, whose pattern must
 * match the whole text, which {@code %} does; SQLite's {@code GLOB '*'}; and the regular expression tests
 * {@code REGEXP}, {@code RLIKE} (MySQL, MariaDB, H2, SQLite) and PostgreSQL's {@code ~} and {@code ~*}, which look
 * for a match anywhere in the text, so that a pattern of {@code .*} alone, or with one anchor, matches every text.
 */
final class EveryTextPatterns {

    private EveryTextPatterns() {
    }

    /**
     * The test as written ({@code REGEXP '.*'}) when the tokens from {@code at} to the end of {@code term} are a
     * pattern test whose pattern matches every text; null otherwise.
     */
    static String written(List<Token> term, int at) {
        int patternAt = patternIndex(term, at);
        if (patternAt < 0 || patternAt + 1 != term.size()) {
            return null;
        }
        String pattern = content(term.get(patternAt));
        if (pattern == null || !matchesEveryText(term.get(at), pattern)) {
            return null;
        }
        StringBuilder written = new StringBuilder();
        for (int i = at; i < patternAt; i++) {
            Token token = term.get(i);
            boolean word = token.type() == TokenType.WORD;
            written.append(word ? token.upper() : token.text()).append(word && i + 1 < patternAt ? " " : "");
        }
        return written.append(' ').append(term.get(patternAt).text()).toString();
    }

    /** Where the pattern stands after the operator at {@code at}, or -1 when no pattern operator stands there. */
    private static int patternIndex(List<Token> term, int at) {
        if (at >= term.size()) {
            return -1;
        }
        Token operator = term.get(at);
        if (operator.isAnyWord("LIKE", "ILIKE", "GLOB", "REGEXP", "RLIKE")) {
            return at + 1;
        }
        if (operator.isWord("SIMILAR") && at + 1 < term.size() && term.get(at + 1).isWord("TO")) {
            return at + 2;
        }
        if (operator.isSymbol("~")) {
            return at + 1 < term.size() && term.get(at + 1).isSymbol("*") ? at + 2 : at + 1;
        }
        return -1;
    }

    /** The text of a single-quoted string, or null for anything else. */
    private static String content(Token pattern) {
        String text = pattern.text();
        if (pattern.type() != TokenType.STRING || text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
            return null;
        }
        return text.substring(1, text.length() - 1);
    }

    private static boolean matchesEveryText(Token operator, String pattern) {
        if (pattern.isEmpty()) {
            // LIKE '' matches only the empty text, and MySQL refuses an empty regular expression.
            return false;
        }
        if (operator.isAnyWord("LIKE", "ILIKE", "SIMILAR")) {
            return pattern.chars().allMatch(c -> c == '%');
        }
        if (operator.isWord("GLOB")) {
            return pattern.chars().allMatch(c -> c == '*');
        }
        // A regular expression: .* repeated, with ^ before it or $ after it but not both, since MySQL's . does not
        // match a line break, so that ^.*$ fails on a text of two lines.
        boolean start = pattern.startsWith("^");
        boolean end = pattern.endsWith("$") && pattern.length() > (start ? 1 : 0);
        if (start && end) {
            return false;
        }
        String body = pattern.substring(start ? 1 : 0, pattern.length() - (end ? 1 : 0));
        return body.isEmpty() ? start || end : body.replace(".*", "").isEmpty();
    }
}
