package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A statement's text as the parser gets it, with stretches of its tokens replaced by blanks: every later character
 * keeps its place, so the parser's positions still match the file.
 */
final class BlankedParserText {

    private final List<Token> tokens;
    private final String sql;
    private char[] blanked;

    /** The text {@code sql} of {@code statement}, as the parser gets it so far. */
    BlankedParserText(Statement statement, String sql) {
        this.tokens = statement.tokens();
        this.sql = sql;
    }

    /**
     * Blanks the tokens {@code [from, end)}. A placeholder value of another length before them moved them in the
     * text: then the text is left as it is.
     */
    void blank(int from, int end) {
        int base = tokens.get(0).offset();
        int start = tokens.get(from).offset() - base;
        int to = tokens.get(end - 1).endOffset() - base;
        if (to <= sql.length() && sql.startsWith(tokens.get(from).text(), start)) {
            blanked = blanked == null ? sql.toCharArray() : blanked;
            Arrays.fill(blanked, start, to, ' ');
        }
    }

    /**
     * Writes {@code c} over the first character of token {@code index}, as {@link #blank} writes blanks: the text
     * keeps its length, and is left as it is where a placeholder value moved the token.
     */
    void replaceFirstCharacter(int index, char c) {
        int start = tokens.get(index).offset() - tokens.get(0).offset();
        if (start < sql.length() && sql.startsWith(tokens.get(index).text(), start)) {
            blanked = blanked == null ? sql.toCharArray() : blanked;
            blanked[start] = c;
        }
    }

    /**
     * Writes {@code replacement}, as long as token {@code index}'s text, over that token, as {@link #blank} writes
     * blanks: the text keeps its length, and is left as it is where a placeholder value moved the token.
     */
    void replaceToken(int index, String replacement) {
        Token token = tokens.get(index);
        int start = token.offset() - tokens.get(0).offset();
        if (replacement.length() == token.text().length() && sql.startsWith(token.text(), start)) {
            blanked = blanked == null ? sql.toCharArray() : blanked;
            replacement.getChars(0, replacement.length(), blanked, start);
        }
    }

    /**
     * Writes {@code c} over the blank right after token {@code index}, as {@link #replaceToken} writes: the text keeps
     * its length, and is left as it is where no blank follows the token there or a placeholder value moved it.
     */
    void replaceBlankAfter(int index, char c) {
        replaceAfter(index, c, Character::isWhitespace);
    }

    /**
     * Writes {@code c} over the space right after token {@code index}, as {@link #replaceBlankAfter} does; a line
     * break there is left alone, so the parser's line numbers still match the file.
     */
    void replaceSpaceAfter(int index, char c) {
        replaceAfter(index, c, blank -> blank == ' ');
    }

    private void replaceAfter(int index, char c, IntPredicate replaceable) {
        Token token = tokens.get(index);
        int start = token.offset() - tokens.get(0).offset();
        int after = start + token.text().length();
        if (after < sql.length() && sql.startsWith(token.text(), start) && replaceable.test(sql.charAt(after))) {
            blanked = blanked == null ? sql.toCharArray() : blanked;
            blanked[after] = c;
        }
    }

    /** The text with every stretch blanked so far. */
    String text() {
        return blanked == null ? sql : new String(blanked);
    }
}
