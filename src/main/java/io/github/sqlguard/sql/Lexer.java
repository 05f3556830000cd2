package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.Optional;

/**
 * Turns SQL text into tokens that know their line and column. Dialect decides which quoting and comment forms
 * exist; {@link Dialect#AUTO} accepts every form that cannot be mistaken for another. Lines end at LF, CRLF or a
 * lone CR; a leading byte-order mark takes no column.
 */
public final class Lexer {

    private final LexerDialect forms;
    private final String placeholderPrefix;
    private final String placeholderSuffix;

    public Lexer(Dialect dialect) {
        this(dialect, "${", "}");
    }

    public Lexer(Dialect dialect, String placeholderPrefix, String placeholderSuffix) {
        this.forms = new LexerDialect(dialect);
        this.placeholderPrefix = placeholderPrefix;
        this.placeholderSuffix = placeholderSuffix;
    }

    /** Tokenizes a whole file's text. */
    public LexedText tokenize(String text) {
        return tokenize(text, 0, text.length(), 1, 1);
    }

    /**
     * Tokenizes {@code text[from, to)}, a file's or a body's, from {@code line:column}; offsets index {@code text}.
     */
    public LexedText tokenize(String text, int from, int to, int line, int column) {
        Run standard = new Run(text, from, to, line, column, forms.backslashEscapes(), forms.backslashEscapes());
        LexedText lexed = standard.lex();
        if (forms.guessesEscapedQuotes() && MySqlScriptSigns.doubleQuotesAreStrings(lexed.tokens())) {
            // Auto: a script only MySQL runs reads "..." as a string and escapes quotes with a backslash.
            LexedText mySql = new Run(text, from, to, line, column, true, true).lex();
            if (mySql.error().isEmpty()) {
                return mySql;
            }
        }
        boolean mysqlSigns = standard.executableCommentSeen || standard.escapedQuoteGuessed;
        if (lexed.error().isEmpty() && !mysqlSigns || !forms.guessesEscapedQuotes()
                || text.indexOf('\\', from) < 0) {
            return lexed;
        }
        // Auto: strings ending only at an escaped quote ('a \' b'), escaping a quote before a letter ('Kid\'s') or
        // in a mysqldump (/*!40101 .. */) are MySQL's, where '\'\\' (quote, backslash) read standard ends early.
        LexedText escaped = new Run(text, from, to, line, column, true, forms.backslashEscapes()).lex();
        return escaped.error().isEmpty() ? escaped : lexed;
    }

    /** The state of one tokenizing pass. */
    private final class Run extends LexCursor {
        private String delimiter = ";";
        private boolean insideExecutableComment;
        private boolean executableCommentSeen;
        /** True once a string was kept open at a backslash-quote before a letter, MySQL's escape. */
        private boolean escapedQuoteGuessed;
        /** True while lexing a line that starts with SQL*Plus's EXEC or an include, which end at the line's end. */
        private boolean sqlPlusExecLine;
        /** The index of the backslash of a psql meta-command on the current line, or -1. */
        private int metaCommandAt = -1;
        /** True while lexing a line that starts with sqlcmd's {@code :r file}, whose path may hold backslashes. */
        private boolean sqlcmdIncludeLine;
        /** The index of the first token after the last psql meta-command line. */
        private int afterMetaLine;
        /** True when the current line ended a COPY .. FROM STDIN, so its rows follow from the next line. */
        private boolean rowsFollow;

        /** MySQL's backslash escapes in strings, also taken in auto when the text needs them to end its strings. */
        private final boolean backslashEscapes;
        /** MySQL's {@code "..."} strings, also taken in auto for a script only MySQL runs ({@link MySqlScriptSigns}). */
        private final boolean doubleQuotedStrings;

        Run(String text, int from, int to, int line, int column, boolean backslashEscapes,
                boolean doubleQuotedStrings) {
            super(text, from, to, line, column);
            this.backslashEscapes = backslashEscapes;
            this.doubleQuotedStrings = doubleQuotedStrings;
        }

        LexedText lex() {
            if (pos < end && text.charAt(pos) == '\uFEFF') {
                pos++;
            }
            while (pos < end && error == null) {
                char c = text.charAt(pos);
                if (c == '\n' || c == '\r') {
                    endSqlPlusExecLine();
                    advance();
                    lineHasToken = false;
                    sqlcmdIncludeLine = false;
                    if (c == '\n' || pos >= end || text.charAt(pos) != '\n') {
                        endOfLine();
                    }
                } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                    advance(); // a BOM inside the text is where cat joined two scripts
                } else {
                    lexToken(c);
                }
            }
            return new LexedText(tokens, Optional.ofNullable(error), backslashEscapes);
        }

        /** True when no token but comments stands between the last statement's end and the current offset. */
        private boolean startsStatement() {
            for (int i = tokens.size() - 1; i >= 0; i--) {
                TokenType type = tokens.get(i).type();
                if (type != TokenType.COMMENT) {
                    return type == TokenType.TERMINATOR || type == TokenType.BATCH_SEPARATOR
                            || type == TokenType.DELIMITER_CHANGE;
                }
            }
            return true;
        }

        /** SQL*Plus's {@code EXEC proc} and {@code @@file} end at their line: a terminator is put at the break. */
        private void endSqlPlusExecLine() {
            if (sqlPlusExecLine && dropsContinuation()) {
                return;
            }
            if (sqlPlusExecLine && !tokens.isEmpty() && tokens.get(tokens.size() - 1).type() != TokenType.TERMINATOR) {
                tokens.add(new Token(TokenType.TERMINATOR, ";", pos, line, column));
            }
            sqlPlusExecLine = false;
        }

        private void lexToken(char c) {
            int tokenEnd;
            if (!lineHasToken && c == ':') {
                sqlcmdIncludeLine = forms.knowsGoBatches() && ClientCommands.isSqlcmdInclude(text, pos, end);
            }
            if (!lineHasToken && startsStatement() && forms.endsWithItsLine(text, pos, end)) {
                sqlPlusExecLine = true;
            }
            int startPos = pos;
            int startLine = line;
            int startColumn = column;
            int[] newTerminator;
            if (!lineHasToken && (forms.knowsDelimiterCommand() || startsStatement())
                    && ClientCommands.isDelimiterCommand(text, pos, end)) {
                lexDelimiterCommand(startLine, startColumn);
            } else if (!lineHasToken && ((newTerminator = ClientCommands.db2TerminatorAfter(text, pos, end)) != null
                    || forms.knowsTerminatorCommands() && startsStatement()
                            && (newTerminator = ClientCommands.isqlTerminatorAfter(text, pos, end,
                                    delimiter)) != null)) {
                changeTerminator(newTerminator, startPos, startLine, startColumn);
            } else if (!delimiter.equals(";") && text.startsWith(delimiter, pos)) {
                advanceBy(delimiter.length());
                emit(TokenType.TERMINATOR, startPos, startLine, startColumn);
            } else if (!lineHasToken && forms.skipsSqlPlusLine(text, pos, end, startsStatement())) {
                // PROMPT and REM lines never go on to the next line; the other commands do after a hyphen.
                skipCommandLines(!ClientCommands.isSqlPlusCommentLine(text, pos, end)
                        && !ClientCommands.isAbbreviatedSqlPlusCommentLine(text, pos, end));
                emit(TokenType.COMMENT, startPos, startLine, startColumn);
            } else if (c == '-' && (tokenEnd = GatedCommentLines.prefixLength(text, pos, end, forms)) > 0) {
                advanceBy(tokenEnd); // the runner runs the rest of the line as SQL
            } else if (c == '-' && peek(1) == '-' && startsDashComment()) {
                skipToLineEnd();
                emit(TokenType.COMMENT, startPos, startLine, startColumn);
            } else if (c == '#' && forms.hashStartsComment(lineHasToken, text, pos, end, tokens)
                    || c == '/' && peek(1) == '/' && forms.slashesStartComment(lineHasToken, peek(2))) {
                skipToLineEnd();
                emit(TokenType.COMMENT, startPos, startLine, startColumn);
            } else if (c == '/' && peek(1) == '*' && executableCommentPrefix() > 0) {
                // MySQL runs the text of /*!50001 .. */ (MariaDB: /*M!100100 .. */): it is code, not a comment.
                advanceBy(executableCommentPrefix());
                insideExecutableComment = executableCommentSeen = true;
            } else if (c == '*' && peek(1) == '/' && insideExecutableComment) {
                advanceBy(2);
                insideExecutableComment = false;
            } else if (c == '/' && peek(1) == '*') {
                lexBlockComment(startPos, startLine, startColumn);
            } else if (isOracleSlashLine(c)) {
                advance();
                emit(TokenType.BATCH_SEPARATOR, startPos, startLine, startColumn);
            } else if (c == '\'') {
                lexQuoted('\'', backslashEscapes, TokenType.STRING, "string literal", startPos, startLine,
                        startColumn);
            } else if (c == '"' && placeholderEnd() < 0) {
                lexQuoted('"', backslashEscapes, doubleQuotedStrings ? TokenType.STRING : TokenType.QUOTED_NAME,
                        "quoted name", startPos, startLine, startColumn);
            } else if (c == '`') {
                lexQuoted('`', false, TokenType.QUOTED_NAME, "quoted name", startPos, startLine, startColumn);
            } else if (c == '[' && isBracketName()) {
                lexQuoted(']', false, TokenType.QUOTED_NAME, "bracketed name", startPos, startLine, startColumn);
            } else if (c == '{' && (tokenEnd = LexicalShapes.templateControlEnd(text, pos, end)) > 0) {
                advanceBy(tokenEnd - pos);
                emit(TokenType.COMMENT, startPos, startLine, startColumn);
            } else if (c == '{' && (tokenEnd = LexicalShapes.jinjaTagEnd(text, pos, end)) > 0) {
                boolean givesText = LexicalShapes.jinjaTagGivesText(text.substring(pos, tokenEnd));
                advanceBy(tokenEnd - pos);
                emit(givesText ? TokenType.PLACEHOLDER : TokenType.COMMENT, startPos, startLine, startColumn);
            } else if ((tokenEnd = placeholderEnd()) > 0) {
                advanceBy(tokenEnd - pos);
                emit(TokenType.PLACEHOLDER, startPos, startLine, startColumn);
            } else if (c == '$' && forms.hashStartsWord() && LexicalShapes.sqlcmdVariableLength(text, pos, end) > 0) {
                // sqlcmd (SQL Server): $(name) is replaced by the variable's value before the batch runs, often a
                // name (DROP TABLE dbo.$(Table)), so it reads as one word instead of a '$' and a parenthesis.
                advanceBy(LexicalShapes.sqlcmdVariableLength(text, pos, end));
                emit(TokenType.WORD, startPos, startLine, startColumn);
            } else if (c == '$' && forms.knowsDollarQuotes() && LexicalShapes.dollarTagLength(text, pos, end) > 0
                    && !forms.startsInquiryDirective(text, pos, end, tokens)) {
                lexDollarQuoted(startPos, startLine, startColumn);
            } else if (c == '$' && forms.knowsConditionalCompilation()
                    && (tokenEnd = ConditionalCompilation.directiveEnd(text, pos, end)) > 0
                    || c == '{' && (tokenEnd = forms.braceCommentEnd(text, pos, end, startsStatement())) > 0) {
                advanceBy(tokenEnd - pos);
                emit(TokenType.COMMENT, startPos, startLine, startColumn);
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                lexNumber(startPos, startLine, startColumn);
            } else if (isWordStart(c)) {
                lexWord(startPos, startLine, startColumn);
            } else if (c == ';' && delimiter.equals(";")) {
                advance();
                emit(TokenType.TERMINATOR, startPos, startLine, startColumn);
                rowsFollow |= forms.knowsPsqlCommands() && PsqlScript.endsCopyFromStdin(tokens, afterMetaLine);
            } else if (c == '\\' && sqlcmdIncludeLine) {
                // sqlcmd's :r .\x.sql names a Windows path: the separator and the name after it are one word, not
                // psql's meta-command \x, which auto reads too and which would end the command there.
                advance();
                while (pos < end && LexicalShapes.isPathPart(text.charAt(pos))) {
                    advance();
                }
                emit(TokenType.WORD, startPos, startLine, startColumn);
            } else if (c == '\\' && forms.knowsPsqlCommands() && Character.isLetter(peek(1))) {
                metaCommandAt = tokens.size();
                advance();
                emit(TokenType.SYMBOL, startPos, startLine, startColumn);
            } else {
                advanceBy(LexicalShapes.operatorLength(text, pos));
                emit(TokenType.SYMBOL, startPos, startLine, startColumn);
            }
        }

        /** psql: a meta-command ends with its line, and the rows of a COPY .. FROM STDIN start on the next one. */
        private void endOfLine() {
            if (metaCommandAt >= 0) {
                rowsFollow |= PsqlScript.readsRowsFromScript(tokens, metaCommandAt);
                afterMetaLine = tokens.size();
                metaCommandAt = -1;
            }
            if (rowsFollow) {
                rowsFollow = false;
                skipCopyRows();
            }
        }

        private void lexDelimiterCommand(int startLine, int startColumn) {
            int startPos = pos;
            int[] newDelimiter = ClientCommands.delimiterAfter(text, pos, end);
            if (newDelimiter == null) {
                advanceBy("DELIMITER".length());
                emit(TokenType.WORD, startPos, startLine, startColumn);
                return;
            }
            changeTerminator(newDelimiter, startPos, startLine, startColumn);
        }

        /** Makes {@code text[range]} the terminator from here on; the rest of the command's line is not SQL. */
        private void changeTerminator(int[] range, int startPos, int startLine, int startColumn) {
            advanceBy(range[1] - pos);
            delimiter = text.substring(range[0], range[1]);
            tokens.add(new Token(TokenType.DELIMITER_CHANGE, delimiter, startPos, startLine, startColumn));
            lineHasToken = true;
            skipToLineEnd();
        }

        private void lexBlockComment(int startPos, int startLine, int startColumn) {
            advanceBy(2);
            int depth = 1;
            while (pos < end) {
                if (text.startsWith("*/", pos)) {
                    advanceBy(2);
                    if (--depth == 0) {
                        emit(TokenType.COMMENT, startPos, startLine, startColumn);
                        return;
                    }
                } else if (forms.nestsBlockComments() && text.startsWith("/*", pos)) {
                    advanceBy(2);
                    depth++;
                } else {
                    advance();
                }
            }
            if (forms.closesBlockCommentAtEnd()) {
                emit(TokenType.COMMENT, startPos, startLine, startColumn);
                return;
            }
            unterminated("block comment", startLine, startColumn);
        }

        /** The length of a MySQL {@code /*!NNNNN} or MariaDB {@code /*M!NNNNNN} opener here, or 0. */
        private int executableCommentPrefix() {
            return forms.knowsExecutableComments() ? LexicalShapes.executableCommentPrefix(text, pos, end) : 0;
        }

        /** Lexes a quote closed by {@code close}, where a doubled close character stands for itself. */
        private void lexQuoted(char close, boolean escapes, TokenType type, String what, int startPos,
                int startLine, int startColumn) {
            advance();
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < end && (escapes || forms.guessesEscapedQuotes()
                        && LexicalShapes.isLikelyEscapedQuote(text, pos, end, close))) {
                    escapedQuoteGuessed |= !escapes;
                    advanceBy(2);
                } else if (metaCommandAt >= 0 && (c == '\n' || c == '\r')) {
                    // psql reads a meta-command's arguments up to its line's end, quotes included: the quote left
                    // open in \echo it's fails that command alone (unterminated quoted string), and the next line
                    // is SQL again.
                    emit(type, startPos, startLine, startColumn);
                    return;
                } else if (c == close) {
                    advance();
                    if (pos < end && text.charAt(pos) == close) {
                        advance();
                    } else {
                        emit(type, startPos, startLine, startColumn);
                        return;
                    }
                } else {
                    advance();
                }
            }
            unterminated(what, startLine, startColumn);
        }

        private void lexDollarQuoted(int startPos, int startLine, int startColumn) {
            String tag = text.substring(pos, pos + LexicalShapes.dollarTagLength(text, pos, end));
            advanceBy(tag.length());
            int close = indexWithin(tag);
            if (close < 0) {
                unterminated("dollar-quoted string " + tag, startLine, startColumn);
                return;
            }
            advanceBy(close + tag.length() - pos);
            emit(TokenType.STRING, startPos, startLine, startColumn);
        }

        /**
         * MySQL needs a blank after {@code --} ({@code 1--1} is arithmetic), but no statement starts with a minus:
         * there {@code --FOREACH} is a marker line some runners strip, not code hiding the next.
         */
        private boolean startsDashComment() {
            if (!forms.dashCommentNeedsBlank() || startsStatement()) {
                return true;
            }
            char after = peek(2);
            return after == 0 || Character.isWhitespace(after) || Character.isISOControl(after);
        }

        /** True when a MySQL DELIMITER other than {@code ;} starts here: it ends words and numbers too. */
        private boolean atCustomDelimiter() {
            return !delimiter.equals(";") && text.startsWith(delimiter, pos);
        }


        private void lexNumber(int startPos, int startLine, int startColumn) {
            while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                    || text.charAt(pos) == '_') && !atCustomDelimiter()) {
                char c = text.charAt(pos);
                advance();
                if ((c == 'e' || c == 'E') && pos < end && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    advance();
                }
            }
            emit(TokenType.NUMBER, startPos, startLine, startColumn);
        }

        private void lexWord(int startPos, int startLine, int startColumn) {
            advance();
            while (pos < end && forms.continuesWord(text.charAt(startPos), text.charAt(pos)) && !atCustomDelimiter()
                    && !LexicalShapes.placeholderAt(text, pos, end, placeholderPrefix, placeholderSuffix)) {
                advance();
            }
            String word = words.word(text, startPos, pos);
            char next = pos < end ? text.charAt(pos) : 0;
            if (next == '\'' && LexicalShapes.isStringPrefix(word)) {
                boolean escapes = word.equalsIgnoreCase("E") || backslashEscapes;
                lexQuoted('\'', escapes, TokenType.STRING, "string literal", startPos, startLine, startColumn);
            } else if (next == '&' && word.equalsIgnoreCase("U") && forms.knowsDollarQuotes() && pos + 1 < end
                    && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\'')) {
                // PostgreSQL: U&"d\0061ta" and U&'..' are one name or string with Unicode escapes, not U & "..".
                char quote = text.charAt(pos + 1);
                advance();
                lexQuoted(quote, false, quote == '"' ? TokenType.QUOTED_NAME : TokenType.STRING,
                        quote == '"' ? "quoted name" : "string literal", startPos, startLine, startColumn);
            } else if (next == '\'' && forms.isOracleQuotePrefix(word) && pos + 1 < end) {
                lexOracleQuote(startPos, startLine, startColumn);
            } else if (word.equalsIgnoreCase("GO") && isBatchSeparatorGo()) {
                // The repeat count of "GO 5" belongs to the separator, not to the next batch.
                advanceBy(ClientCommands.goRepeatCountEnd(text, pos, end) - pos);
                emit(TokenType.BATCH_SEPARATOR, startPos, startLine, startColumn);
            } else {
                emit(TokenType.WORD, word, startPos, startLine, startColumn);
            }
        }

        /** {@code GO} alone on its line (optionally with a repeat count or a comment) ends a T-SQL batch. */
        private boolean isBatchSeparatorGo() {
            return !lineHasToken && forms.knowsGoBatches() && LexicalShapes.isRestOfGoLineEmpty(text, pos, end);
        }

        /**
         * SQL*Plus runs the buffer at a {@code /} or {@code .} alone on its line (Oracle), or at {@code END;/}; Db2's
         * command line processor at an {@code @} that ends its line when it runs with {@code -td@} (auto): alone
         * there or after the statement's last word ({@code END@}).
         */
        private boolean isOracleSlashLine(char c) {
            return (!lineHasToken || c == '@' || c == '/' && ClientCommands.followsTerminatorOnLine(tokens, line, text,
                    pos)) && forms.endsBufferAt(c) && ClientCommands.isSlashLine(text, pos, end);
        }

        private boolean isBracketName() {
            return forms.alwaysBracketNames()
                    || (forms.mayBracketNames() && LexicalShapes.looksLikeBracketName(text, pos, end))
                    || forms.bracketNameFollows(tokens) && LexicalShapes.closesOnItsLine(text, pos, end);
        }

        private int placeholderEnd() {
            int placeholder = text.startsWith(placeholderPrefix, pos)
                    ? LexicalShapes.placeholderEnd(text, pos, end, placeholderPrefix, placeholderSuffix) : -1;
            return placeholder > 0 ? placeholder : LexicalShapes.templateActionOrBraceNameEnd(text, pos, end);
        }

        private boolean isWordStart(char c) {
            char next = peek(1);
            // T-SQL: @variable, @@global and #temp / ##global names are words; elsewhere @ and # are operators.
            return Character.isLetter(c) || c == '_'
                    || (c == '@' && (Character.isLetter(next) || next == '@' || next == '_'))
                    || (c == '#' && forms.hashStartsWord() && next != '>')
                    || (c == '$' && Character.isDigit(next));
        }
    }
}
