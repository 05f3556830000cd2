package io.github.sqlguard.sql;

import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.LineIndex;
import java.util.List;

/**
 * The SQL inside a quoted string literal, as the database reads it: {@code ''} is one quote, PostgreSQL's
 * {@code E'..'} also unescapes backslashes, Oracle's {@code q'[..]'} takes its text as written. The decoded
 * text is split like any script; this maps what the splitter finds there back to the file, so a statement
 * inside {@code 'UPDATE t SET a = ''x'''} is parsed as written for the database and located where it stands.
 */
final class QuotedBody {

    private final String file;
    private final Token string;
    private final String decoded;
    /** The file offset of each decoded character, plus one for the end. */
    private final int[] fileOffsets;
    /** The last position located, to count lines from: tokens come mostly in file order. */
    private int knownOffset;
    private LineIndex.Position knownPosition;

    private QuotedBody(String file, Token string, String decoded, int[] fileOffsets) {
        this.file = file;
        this.string = string;
        this.decoded = decoded;
        this.fileOffsets = fileOffsets;
        this.knownOffset = string.offset();
        this.knownPosition = new LineIndex.Position(string.line(), string.column());
    }

    /** The body of the string literal {@code string} of {@code file}, or null when it is not a quoted literal. */
    static QuotedBody of(String file, Token string) {
        String literal = string.text();
        int open = literal.indexOf('\'');
        if (open < 0 || literal.length() < open + 2 || !literal.endsWith("'")) {
            return null;
        }
        String prefix = literal.substring(0, open);
        if (prefix.equalsIgnoreCase("q") || prefix.equalsIgnoreCase("nq")) {
            return oracleQuoted(file, string, open);
        }
        boolean backslashes = prefix.equalsIgnoreCase("E");
        StringBuilder text = new StringBuilder(literal.length());
        int[] offsets = new int[literal.length() + 1];
        int last = literal.length() - 1;
        int i = open + 1;
        while (i < last) {
            char c = literal.charAt(i);
            offsets[text.length()] = string.offset() + i;
            if (c == '\'' && i + 1 < last && literal.charAt(i + 1) == '\'') {
                text.append('\'');
                i += 2;
            } else if (c == '\\' && backslashes && i + 1 < last) {
                text.append(unescaped(literal.charAt(i + 1)));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        offsets[text.length()] = string.offset() + last;
        return new QuotedBody(file, string, text.toString(), offsets);
    }

    /** Oracle {@code q'X..X'}: the text between the delimiters, without escapes. */
    private static QuotedBody oracleQuoted(String file, Token string, int open) {
        String literal = string.text();
        int from = open + 2;
        int to = literal.length() - 2;
        if (to < from) {
            return null;
        }
        int[] offsets = new int[to - from + 1];
        for (int i = 0; i <= to - from; i++) {
            offsets[i] = string.offset() + from + i;
        }
        return new QuotedBody(file, string, literal.substring(from, to), offsets);
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

    /** The SQL as the database reads it. */
    String text() {
        return decoded;
    }

    /** {@code statement}, split from {@link #text()}, with its start and tokens located in the file. */
    Statement toFile(Statement statement) {
        List<Token> tokens = statement.tokens().stream().map(this::toFile).toList();
        Token first = tokens.get(0);
        return new Statement(statement.sql(), new Location(statement.start().path(), first.line(), first.column()),
                tokens, statement.context(), statement.dialect(), statement.container());
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
            knownOffset = string.offset();
            knownPosition = new LineIndex.Position(string.line(), string.column());
        }
        knownPosition = LineIndex.advance(knownPosition.line(), knownPosition.column(), file, knownOffset, offset);
        knownOffset = offset;
        return knownPosition;
    }

    private int fileOffset(int decodedOffset) {
        return fileOffsets[Math.max(0, Math.min(decodedOffset, decoded.length()))];
    }
}
