package io.github.sqlguard.sql;

import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.LineIndex;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The SQL inside a quoted string literal, as the database reads it: {@code ''} is one quote, PostgreSQL's
 * {@code E'..'} and every MySQL string ({@code '..'} and {@code ".."}) also unescape backslashes, Oracle's
 * {@code q'[..]'} takes its text as written. The decoded
 * text is split like any script; this maps what the splitter finds there back to the file, so a statement
 * inside {@code 'UPDATE t SET a = ''x'''} is parsed as written for the database and located where it stands.
 */
final class QuotedBody {

    private final String file;
    private final Token string;
    /**
     * The literals the text was joined from, each located in the file: a token before the last one located is
     * counted from the nearest of them, never from the start of {@code file}, which may begin below line 1.
     */
    private final List<Token> parts;
    private final String decoded;
    /** The file offset of each decoded character, plus one for the end. */
    private final int[] fileOffsets;
    /** The last position located, to count lines from: tokens come mostly in file order. */
    private int knownOffset;
    private LineIndex.Position knownPosition;

    private QuotedBody(String file, List<Token> parts, String decoded, int[] fileOffsets) {
        this.file = file;
        this.string = parts.get(0);
        this.parts = parts;
        this.decoded = decoded;
        this.fileOffsets = fileOffsets;
        this.knownOffset = string.offset();
        this.knownPosition = new LineIndex.Position(string.line(), string.column());
    }

    /** The body of the string literal {@code string} of {@code file}, or null when it is not a quoted literal. */
    static QuotedBody of(String file, Token string) {
        return of(file, List.of(string), false, List.of());
    }

    /**
     * The text of the literals {@code strings} of {@code file} joined, as {@code 'DELETE FROM ' || 'orders'} builds
     * it, or null when one of them is not a quoted literal. Dollar quotes ({@code $q$..$q$}) and words standing in
     * for parts built at run time are taken as written.
     *
     * @param backslashEscapes true when a backslash escapes in every string of the file, as MySQL reads them
     * @param passed the literals a call passes for the parameters of the routine whose body this is: one of them
     *     among {@code strings} stands where the body names the parameter, not as written there
     */
    static QuotedBody of(String file, List<Token> strings, boolean backslashEscapes, Collection<Token> passed) {
        int capacity = 1;
        for (Token string : strings) {
            capacity += string.text().length();
        }
        StringBuilder text = new StringBuilder(capacity);
        int[] offsets = new int[capacity];
        for (Token string : strings) {
            int from = text.length();
            if (!appendDecoded(string, backslashEscapes, text, offsets)) {
                return null;
            }
            if (standsElsewhere(file, string, passed)) {
                // A call's literal read where the body uses its parameter: all of it stands at that name.
                Arrays.fill(offsets, from, text.length(), string.offset());
            }
        }
        Token last = strings.get(strings.size() - 1);
        offsets[text.length()] = standsElsewhere(file, last, passed) ? last.offset() : last.endOffset() - 1;
        return new QuotedBody(file, List.copyOf(strings), text.toString(), offsets);
    }

    /**
     * A body decoded elsewhere ({@link JavaEscapes}): {@code decoded} joined from {@code parts}, each character at
     * the file offset {@code fileOffsets} gives it, plus one for the end.
     */
    static QuotedBody ofDecoded(String file, List<Token> parts, String decoded, int[] fileOffsets) {
        return new QuotedBody(file, List.copyOf(parts), decoded, fileOffsets);
    }

    /** True for a literal a call passes, located at the parameter's name rather than written at its offset. */
    static boolean standsElsewhere(String file, Token string, Collection<Token> passed) {
        return !passed.isEmpty() && string.type() == TokenType.STRING
                && passed.stream().anyMatch(argument -> argument.text().equals(string.text()))
                && !file.startsWith(string.text(), string.offset());
    }

    /** Appends the inside of {@code string} as the database reads it, each character's file offset beside it. */
    private static boolean appendDecoded(Token string, boolean backslashEscapes, StringBuilder text, int[] offsets) {
        String literal = string.text();
        if (string.type() == TokenType.WORD) {
            // A word standing in for a part built at run time ('DROP TABLE ' || v_name), located at that part.
            for (int i = 0; i < literal.length(); i++) {
                offsets[text.length()] = string.offset();
                text.append(literal.charAt(i));
            }
            return true;
        }
        if (literal.startsWith("$")) {
            int tag = literal.indexOf('$', 1) + 1;
            if (tag <= 0 || literal.length() < 2 * tag) {
                return false;
            }
            appendAsWritten(string, tag, literal.length() - tag, text, offsets);
            return true;
        }
        char quote = literal.startsWith("\"") ? '"' : '\'';
        int open = literal.indexOf(quote);
        if (open < 0 || literal.length() < open + 2 || literal.charAt(literal.length() - 1) != quote) {
            return false;
        }
        String prefix = literal.substring(0, open);
        if (prefix.equalsIgnoreCase("q") || prefix.equalsIgnoreCase("nq")) {
            // Oracle q'X..X': the text between the delimiters, without escapes.
            if (literal.length() - 2 < open + 2) {
                return false;
            }
            appendAsWritten(string, open + 2, literal.length() - 2, text, offsets);
            return true;
        }
        boolean backslashes = backslashEscapes || prefix.equalsIgnoreCase("E");
        int last = literal.length() - 1;
        int i = open + 1;
        while (i < last) {
            char c = literal.charAt(i);
            offsets[text.length()] = string.offset() + i;
            if (c == quote && i + 1 < last && literal.charAt(i + 1) == quote) {
                text.append(quote);
                i += 2;
            } else if (c == '\\' && backslashes && i + 1 < last) {
                char escaped = literal.charAt(i + 1);
                if (backslashEscapes && (escaped == '%' || escaped == '_')) {
                    // MySQL keeps the backslash of \% and \_, which LIKE reads as escapes
                    text.append(c);
                    offsets[text.length()] = string.offset() + i + 1;
                }
                text.append(unescaped(escaped));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        return true;
    }

    private static void appendAsWritten(Token string, int from, int to, StringBuilder text, int[] offsets) {
        for (int i = from; i < to; i++) {
            offsets[text.length()] = string.offset() + i;
            text.append(string.text().charAt(i));
        }
    }

    private static char unescaped(char escaped) {
        return switch (escaped) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> escaped;
        };
    }

    /**
     * The body with every {@code target} replaced by {@code replacement}, each replacing character located where
     * {@code target} stands: T-SQL's sp_MSforeachtable replaces {@code ?} in its command with each table's name.
     */
    QuotedBody replacing(String target, String replacement) {
        StringBuilder text = new StringBuilder(decoded.length());
        int[] offsets = new int[decoded.length() * Math.max(1, replacement.length()) + 1];
        int i = 0;
        while (i < decoded.length()) {
            if (decoded.startsWith(target, i)) {
                for (int r = 0; r < replacement.length(); r++) {
                    offsets[text.length()] = fileOffsets[i];
                    text.append(replacement.charAt(r));
                }
                i += target.length();
            } else {
                offsets[text.length()] = fileOffsets[i];
                text.append(decoded.charAt(i));
                i++;
            }
        }
        offsets[text.length()] = fileOffsets[decoded.length()];
        return new QuotedBody(file, parts, text.toString(), offsets);
    }

    /** The SQL as the database reads it. */
    String text() {
        return decoded;
    }

    /** {@code statement}, split from {@link #text()}, with its start and tokens located in the file. */
    Statement toFile(Statement statement) {
        List<Token> tokens = statement.tokens().stream().map(this::toFile).toList();
        Token first = tokens.get(0);
        return new Statement(statement.sql(), new Location(statement.start().path(), first.line(), first.column()),
                tokens, statement.context(), statement.dialect(), statement.container(), statement.written(),
                statement.runtimeSql(), statement.unvaluedPlaceholders());
    }

    /** {@code token} of {@link #text()}, located in the file. */
    Token toFile(Token token) {
        int offset = fileOffset(token.offset());
        LineIndex.Position at = positionOf(offset);
        return new Token(token.type(), token.text(), offset, at.line(), at.column());
    }

    /** An error at {@code line:column} of {@link #text()}, located in the file. */
    LexError toFile(LexError error) {
        LineIndex lines = new LineIndex(decoded);
        int offset = fileOffset(lines.lineStart(error.line()) + Math.max(0, error.column() - 1));
        LineIndex.Position at = positionOf(offset);
        return new LexError(error.what(), at.line(), at.column());
    }

    private LineIndex.Position positionOf(int offset) {
        if (offset < knownOffset) {
            // A variable's literal joined after the text it was assigned before ('DELETE FROM ' || v_table), or
            // the text after it: counted from the nearest part that stands before it.
            Token nearest = null;
            for (Token part : parts) {
                if (part.offset() <= offset && (nearest == null || part.offset() > nearest.offset())) {
                    nearest = part;
                }
            }
            if (nearest == null) {
                knownOffset = 0;
                knownPosition = new LineIndex.Position(1, 1);
            } else {
                knownOffset = nearest.offset();
                knownPosition = new LineIndex.Position(nearest.line(), nearest.column());
            }
        }
        knownPosition = LineIndex.advance(knownPosition.line(), knownPosition.column(), file, knownOffset, offset);
        knownOffset = offset;
        return knownPosition;
    }

    private int fileOffset(int decodedOffset) {
        return fileOffsets[Math.max(0, Math.min(decodedOffset, decoded.length()))];
    }
}
