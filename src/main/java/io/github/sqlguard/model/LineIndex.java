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
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineEnd) {
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
}
