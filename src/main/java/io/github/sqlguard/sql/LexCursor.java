package io.github.sqlguard.sql;

import io.github.sqlguard.model.LineIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The moving part of a tokenizing pass: where it stands in the text (offset, line, column), the tokens
 * emitted so far, and where lexing stopped on a construct that never closed. The lexer decides what the
 * characters mean; this class keeps the positions right (CRLF is one line break) and reads the forms whose end
 * their own characters fix once the lexer has recognised them: Oracle's {@code q'[..]'} strings and the data
 * rows of psql's {@code COPY .. FROM STDIN}.
 */
abstract class LexCursor {

    private static final String[] ONE_CHARACTER = new String[128];

    static {
        for (char c = 0; c < ONE_CHARACTER.length; c++) {
            ONE_CHARACTER[c] = String.valueOf(c);
        }
    }

    protected final String text;
    protected final int end;
    protected final List<Token> tokens = new ArrayList<>();
    protected final WordTable words = new WordTable();
    protected int pos;
    protected int line;
    protected int column;
    /** True once the current line holds a token: client commands such as GO must stand first on their line. */
    protected boolean lineHasToken;
    protected LexError error;

    protected LexCursor(String text, int from, int to, int line, int column) {
        this.text = text;
        this.pos = from;
        this.end = to;
        this.line = line;
        this.column = column;
    }

    /** Adds the token from {@code startPos} to the current offset. */
    protected void emit(TokenType type, int startPos, int startLine, int startColumn) {
        // Punctuation is most of a script's tokens: one shared string per ASCII character instead of a copy each.
        String tokenText = pos - startPos == 1 && text.charAt(startPos) < ONE_CHARACTER.length
                ? ONE_CHARACTER[text.charAt(startPos)] : text.substring(startPos, pos);
        emit(type, tokenText, startPos, startLine, startColumn);
    }

    /** Adds the token whose text, from {@code startPos} to the current offset, the caller has already cut out. */
    protected void emit(TokenType type, String tokenText, int startPos, int startLine, int startColumn) {
        tokens.add(new Token(type, tokenText, startPos, startLine, startColumn));
        lineHasToken = true;
    }

    /** Stops lexing: what starts at {@code startLine:startColumn} swallows the rest of the text. */
    protected void unterminated(String what, int startLine, int startColumn) {
        pos = end;
        error = new LexError(what, startLine, startColumn);
    }

    protected void skipToLineEnd() {
        while (pos < end && !LexicalShapes.isLineBreak(text.charAt(pos))) {
            advance();
        }
    }

    /**
     * Skips a SQL*Plus command's line and, when {@code continues}, the lines it goes on to: a hyphen after a blank at
     * a line's end continues a SQL*Plus command ({@code HOST sqlldr u/p -}). Comment lines ({@code rem ---- -}) do not
     * continue, as reading on would hide the statement on the next line.
     */
    protected void skipCommandLines(boolean continues) {
        skipToLineEnd();
        while (continues && pos < end && endsWithContinuation(pos)) {
            boolean carriageReturn = text.charAt(pos) == '\r';
            advance();
            if (carriageReturn && pos < end && text.charAt(pos) == '\n') {
                advance();
            }
            skipToLineEnd();
        }
    }

    /**
     * At a line break after a SQL*Plus command ({@code EXEC p( -}): whether SQL*Plus's continuation hyphen goes on to
     * the next line, removed from {@code tokens} as it is not SQL; true also at the LF of the CRLF after it.
     */
    protected boolean dropsContinuation() {
        Token last = tokens.get(tokens.size() - 1);
        if (!endsWithContinuation(pos) || last.type() == TokenType.TERMINATOR || last.type() == TokenType.COMMENT) {
            return false;
        }
        if (last.isSymbol("-")) {
            tokens.remove(tokens.size() - 1);
            return true;
        }
        return text.charAt(pos - 1) == '\r';
    }

    /** Whether the line that ends at {@code lineEnd} ends with SQL*Plus's continuation: a blank, then a hyphen. */
    protected boolean endsWithContinuation(int lineEnd) {
        int last = lineEnd - 1;
        while (last >= 0 && (text.charAt(last) == ' ' || text.charAt(last) == '\t' || text.charAt(last) == '\r')) {
            last--;
        }
        return last >= 1 && text.charAt(last) == '-' && (text.charAt(last - 1) == ' ' || text.charAt(last - 1) == '\t');
    }

    /** The character {@code ahead} places after the current one, or 0 past the end. */
    protected char peek(int ahead) {
        return pos + ahead < end ? text.charAt(pos + ahead) : 0;
    }

    /** The index of {@code needle} at or after the current offset ending before the end, or -1. */
    protected int indexWithin(String needle) {
        int found = text.indexOf(needle, pos);
        return found >= 0 && found + needle.length() <= end ? found : -1;
    }

    protected void advanceBy(int count) {
        for (int i = 0; i < count && pos < end; i++) {
            advance();
        }
    }

    /** Moves one character, counting CRLF as a single line break. */
    protected void advance() {
        if (LineIndex.endsLine(text, pos, end)) {
            line++;
            column = 1;
        } else if (text.charAt(pos) != '\r') {
            column++;
        }
        pos++;
    }

    /**
     * Skips the rows psql or Flyway send to a COPY .. FROM STDIN, up to and including the line {@code \.}: they
     * are data, not SQL. Rows that never meet that line would swallow whatever SQL follows them, so that is
     * reported.
     */
    protected void skipCopyRows() {
        int startLine = line;
        int startColumn = column;
        boolean swallowed = false;
        while (pos < end) {
            int lineEnd = pos;
            while (lineEnd < end && !LexicalShapes.isLineBreak(text.charAt(lineEnd))) {
                lineEnd++;
            }
            if (PsqlScript.isEndOfData(text, pos, lineEnd)) {
                advanceBy(lineEnd - pos);
                return;
            }
            swallowed |= !text.substring(pos, lineEnd).isBlank();
            advanceBy(lineEnd - pos);
            boolean carriageReturn = pos < end && text.charAt(pos) == '\r';
            advance();
            if (carriageReturn && pos < end && text.charAt(pos) == '\n') {
                advance();
            }
        }
        if (swallowed) {
            unterminated("COPY .. FROM STDIN data (no line \\. ends it)", startLine, startColumn);
        }
    }

    protected void lexOracleQuote(int startPos, int startLine, int startColumn) {
        // q'X...X' where X is any character; bracket pairs close with their partner.
        advance();
        char open = text.charAt(pos);
        char close = switch (open) {
            case '[' -> ']';
            case '(' -> ')';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        advance();
        while (pos < end) {
            if (text.charAt(pos) == close && peek(1) == '\'') {
                advanceBy(2);
                emit(TokenType.STRING, startPos, startLine, startColumn);
                return;
            }
            advance();
        }
        unterminated("quoted string q'" + open, startLine, startColumn);
    }
}
