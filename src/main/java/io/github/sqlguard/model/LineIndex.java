package io.github.sqlguard.model;

import java.util.Arrays;

/**
 * Converts between offsets in a file's text and 1-based line:column, counting lines the way the lexer
 * does (LF, CRLF or a lone CR end a line; a leading byte-order mark takes no column).
 */
public final class LineIndex {

    private final String text;
    private final int[] lineStarts;

    public LineIndex(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (endsLine(text, i, text.length())) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    /** The 1-based line of {@code offset}. */
    public int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The 1-based column of {@code offset}. */
    public int columnOf(int offset) {
        int start = lineStarts[lineOf(offset) - 1];
        int column = offset - start + 1;
        if (start == 0 && !text.isEmpty() && text.charAt(0) == '\uFEFF' && offset > 0) {
            column--;
        }
        return column;
    }

    /** The offset of the first character of a 1-based line (the text length past the last line). */
    public int lineStart(int line) {
        if (line < 1) {
            return 0;
        }
        return line > lineStarts.length ? text.length() : lineStarts[line - 1];
    }

    /** The offset of {@code line:column} where the column counts code points, as SnakeYAML's marks do. */
    public int offsetOfCodePointColumn(int line, int codePointColumn) {
        int start = lineStart(line);
        try {
            return Math.min(text.length(), text.offsetByCodePoints(start, Math.max(0, codePointColumn - 1)));
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** A 1-based line and column. */
    public record Position(int line, int column) {
    }

    /**
     * True when {@code text[i]} ends a line: a LF, or a CR not followed by a LF before {@code end} (so CRLF is
     * one line break, ending at its LF). Every place that counts lines uses this, so they all agree.
     */
    public static boolean endsLine(CharSequence text, int i, int end) {
        char c = text.charAt(i);
        return c == '\n' || (c == '\r' && (i + 1 >= end || text.charAt(i + 1) != '\n'));
    }

    /** The number of line breaks in {@code text[from, to)}. */
    public static int lineBreaks(CharSequence text, int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            if (endsLine(text, i, to)) {
                breaks++;
            }
        }
        return breaks;
    }

    /**
     * Where {@code text[to]} stands when {@code text[from]} stands at {@code line:column}: each line break
     * starts a new line at column 1, the CR of a CRLF takes no column, every other character one.
     */
    public static Position advance(int line, int column, CharSequence text, int from, int to) {
        int atLine = line;
        int atColumn = column;
        for (int i = from; i < to; i++) {
            if (endsLine(text, i, text.length())) {
                atLine++;
                atColumn = 1;
            } else if (text.charAt(i) != '\r') {
                atColumn++;
            }
        }
        return new Position(atLine, atColumn);
    }
}
