package io.github.sqlguard.sql;

import java.util.List;
import java.util.Locale;

/**
 * One lexical token with its position in the original file.
 *
 * @param type the lexical class
 * @param text the token exactly as written (quotes included)
 * @param offset the index of the first character in the lexed text
 * @param line the 1-based line of the first character
 * @param column the 1-based column of the first character
 */
public record Token(TokenType type, String text, int offset, int line, int column) {

    /** True for a WORD spelled {@code keyword}, ignoring case. */
    public boolean isWord(String keyword) {
        return type == TokenType.WORD && spelled(text, keyword);
    }

    /** True for a WORD equal, ignoring case, to any of {@code keywords}. */
    public boolean isAnyWord(String... keywords) {
        if (type != TokenType.WORD) {
            return false;
        }
        for (String keyword : keywords) {
            if (spelled(text, keyword)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text.equalsIgnoreCase(keyword)}, asked millions of times a run: most words differ from the keyword in
     * length or in their first letter, which is told apart here before the comparison of every character.
     */
    private static boolean spelled(String text, String keyword) {
        if (text.length() != keyword.length() || text.isEmpty()) {
            return text.length() == keyword.length();
        }
        char a = text.charAt(0);
        char b = keyword.charAt(0);
        // ASCII letters differ in case by one bit only; characters beyond ASCII take the full comparison.
        if (a < 128 && b < 128 && (a | 0x20) != (b | 0x20)) {
            return false;
        }
        return text.equalsIgnoreCase(keyword);
    }

    /** True for a SYMBOL with exactly this text. */
    public boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && text.equals(symbol);
    }

    /**
     * True for a sqlcmd variable reference, {@code $(name)}, which SQL Server's sqlcmd and SQLCMD mode replace
     * with the variable's value before the batch runs; the lexer reads one as a word.
     */
    public boolean isSqlcmdVariable() {
        return type == TokenType.WORD && text.length() > 3
                && LexicalShapes.sqlcmdVariableLength(text, 0, text.length()) == text.length();
    }

    /** The word in upper case, or the text unchanged for other token types. */
    public String upper() {
        return type == TokenType.WORD ? text.toUpperCase(Locale.ROOT) : text;
    }

    /**
     * A string literal's value: the text between its quotes, a doubled quote read as one, a prefix such as
     * T-SQL's {@code N} left out ({@code N'it''s'} is {@code it's}), Oracle's {@code q'[..]'} the text between its
     * delimiters, PostgreSQL's {@code $tag$..$tag$} the text between its tags. Any other token's text as written.
     */
    public String stringValue() {
        if (type == TokenType.STRING && text.startsWith("$")) {
            // PostgreSQL $tag$..$tag$: the text between the tags, as written.
            int tag = text.indexOf('$', 1) + 1;
            if (tag > 0 && text.length() >= 2 * tag) {
                return text.substring(tag, text.length() - tag);
            }
        }
        int open = text.indexOf('\'');
        if (type != TokenType.STRING || open < 0 || text.length() < open + 2) {
            return text;
        }
        String prefix = text.substring(0, open);
        if ((prefix.equalsIgnoreCase("q") || prefix.equalsIgnoreCase("nq")) && text.length() >= open + 4) {
            return text.substring(open + 2, text.length() - 2); // Oracle q'[..]': the text between the delimiters
        }
        return text.substring(open + 1, text.length() - 1).replace("''", "'");
    }

    /** The offset just past the last character. */
    public int endOffset() {
        return offset + text.length();
    }

    /**
     * A run of tokens as written, with one blank wherever the source had white space or a comment between two
     * tokens and none where they touch: {@code round(price, 0)}, {@code now()::date}, not the tokens spaced
     * apart. Tokens that do not follow each other in one text (a statement built from pieces) are spaced.
     */
    public static String written(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            if (previous != null && token.offset() != previous.endOffset()) {
                text.append(' ');
            }
            text.append(token.text());
            previous = token;
        }
        return text.toString();
    }
}
