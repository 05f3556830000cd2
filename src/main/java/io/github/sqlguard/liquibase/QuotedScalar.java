package io.github.sqlguard.liquibase;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a quoted YAML (or JSON) scalar as written in the file and remembers, for every decoded character,
 * the file offset it came from. SQL given as {@code "DELETE FROM a;\nDELETE FROM b"} is one line in the file
 * though its decoded text has two: findings must point at the file, so positions come from this map rather
 * than from the decoded text.
 *
 * <p>Handles the escapes of YAML 1.1/1.2 double-quoted scalars (which include JSON's), {@code ''} in
 * single-quoted scalars, and line folding. The caller compares the result with the parser's own value and
 * falls back to the decoded value when they differ, so an unusual form never yields a wrong text.
 */
final class QuotedScalar {

    private static final Map<Character, Character> SIMPLE_ESCAPES = Map.ofEntries(
            Map.entry('0', '\0'), Map.entry('a', '\u0007'), Map.entry('b', '\b'), Map.entry('t', '\t'),
            Map.entry('\t', '\t'), Map.entry('n', '\n'), Map.entry('v', '\u000B'), Map.entry('f', '\f'),
            Map.entry('r', '\r'), Map.entry('e', '\u001B'), Map.entry(' ', ' '), Map.entry('"', '"'),
            Map.entry('/', '/'), Map.entry('\\', '\\'), Map.entry('N', '\u0085'), Map.entry('_', '\u00A0'),
            Map.entry('L', '\u2028'), Map.entry('P', '\u2029'));

    /**
     * The decoded text and the file offset of each of its characters ({@code offsets.length} is one more
     * than the text's length: the last entry is where the closing quote stands).
     */
    record Decoded(String text, int[] offsets) {
    }

    private final String file;
    private final int end;
    private final boolean doubleQuoted;
    private final StringBuilder out = new StringBuilder();
    private int[] offsets = new int[64];
    private int pos;

    private QuotedScalar(String file, int from, int to, boolean doubleQuoted) {
        this.file = file;
        this.pos = from;
        this.end = to;
        this.doubleQuoted = doubleQuoted;
    }

    /** Decodes {@code file[from, to)}, the characters between the quotes; empty for a malformed escape. */
    static Optional<Decoded> decode(String file, int from, int to, boolean doubleQuoted) {
        if (from < 0 || to > file.length() || from > to) {
            return Optional.empty();
        }
        return new QuotedScalar(file, from, to, doubleQuoted).run();
    }

    private Optional<Decoded> run() {
        while (pos < end) {
            char c = file.charAt(pos);
            if (c == '\r' || c == '\n') {
                fold();
            } else if ((c == ' ' || c == '\t') && onlyBlanksToLineEnd(pos)) {
                pos = skipBlanks(pos); // trailing blanks before a line break are folded away
            } else if (doubleQuoted && c == '\\') {
                if (!escape()) {
                    return Optional.empty();
                }
            } else if (!doubleQuoted && c == '\'' && pos + 1 < end && file.charAt(pos + 1) == '\'') {
                append('\'', pos);
                pos += 2;
            } else {
                append(c, pos);
                pos++;
            }
        }
        mark(end);
        return Optional.of(new Decoded(out.toString(), Arrays.copyOf(offsets, out.length() + 1)));
    }

    /** A line break inside the scalar: one space, or one newline per following empty line. */
    private void fold() {
        int breakAt = pos;
        pos = skipLineBreak(pos);
        int emptyLines = 0;
        while (true) {
            int afterBlanks = skipBlanks(pos);
            if (afterBlanks < end && (file.charAt(afterBlanks) == '\r' || file.charAt(afterBlanks) == '\n')) {
                emptyLines++;
                pos = skipLineBreak(afterBlanks);
            } else {
                pos = afterBlanks;
                break;
            }
        }
        if (emptyLines == 0) {
            append(' ', breakAt);
        }
        for (int i = 0; i < emptyLines; i++) {
            append('\n', breakAt);
        }
    }

    private boolean escape() {
        int start = pos;
        if (pos + 1 >= end) {
            return false;
        }
        char kind = file.charAt(pos + 1);
        if (kind == '\r' || kind == '\n') {
            // An escaped line break joins the lines without a space.
            pos = skipBlanks(skipLineBreak(pos + 1));
            return true;
        }
        Character simple = SIMPLE_ESCAPES.get(kind);
        if (simple != null) {
            append(simple, start);
            pos += 2;
            return true;
        }
        int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : -1;
        if (digits < 0 || pos + 2 + digits > end) {
            return false;
        }
        try {
            int codePoint = Integer.parseInt(file.substring(pos + 2, pos + 2 + digits), 16);
            for (char unit : Character.toChars(codePoint)) {
                append(unit, start);
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        pos += 2 + digits;
        return true;
    }

    private boolean onlyBlanksToLineEnd(int from) {
        int after = skipBlanks(from);
        return after < end && (file.charAt(after) == '\r' || file.charAt(after) == '\n');
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < end && (file.charAt(i) == ' ' || file.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private int skipLineBreak(int at) {
        if (at < end && file.charAt(at) == '\r' && at + 1 < end && file.charAt(at + 1) == '\n') {
            return at + 2;
        }
        return at + 1;
    }

    private void append(char c, int fileOffset) {
        mark(fileOffset);
        out.append(c);
    }

    /** Records the file offset of the next decoded character. */
    private void mark(int fileOffset) {
        if (out.length() >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[out.length()] = fileOffset;
    }
}
