package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits a script into the statements the database runs, each with the exact position of its first
 * token. Terminators ({@code ;}, {@code GO}, {@code /}, MySQL {@code DELIMITER}) end statements except
 * inside blocks and routine bodies; a DML verb that cannot belong to the current statement starts a new
 * one even without a terminator (T-SQL). Blocks the migration runs and routine definitions come out as a
 * container statement followed by the statements inside them, with their own context and positions.
 */
public final class StatementSplitter {

    private final Dialect dialect;
    private final Placeholders placeholders;
    private final Lexer lexer;
    private final Lexer bodyLexer;

    public StatementSplitter(Dialect dialect, Placeholders placeholders) {
        this.dialect = dialect;
        this.placeholders = placeholders;
        this.lexer = new Lexer(dialect, placeholders.prefix(), placeholders.suffix());
        // Dollar-quoted bodies only exist in PostgreSQL (and H2), whose lexical rules they follow.
        this.bodyLexer = new Lexer(Dialect.POSTGRESQL, placeholders.prefix(), placeholders.suffix());
    }

    /** Splits a whole file. */
    public Script split(String path, String text) {
        return split(path, text, 0, text.length(), 1, 1, StatementContext.SCRIPT);
    }

    /**
     * Splits the region {@code text[from, to)} of a file, which starts at {@code line:column}; used for
     * Liquibase changesets and {@code <sql>} elements. Top-level statements get {@code context}; statements
     * inside blocks and routines get a context derived from it.
     */
    public Script split(String path, String text, int from, int to, int line, int column,
            StatementContext context) {
        LexedText lexed = lexer.tokenize(text, from, to, line, column);
        Run run = new Run(path, text);
        run.splitTokens(lexed.tokens(), context);
        if (run.bodyCommentsAdded) {
            run.comments.sort(Comparator.comparingInt(Token::offset));
        }
        Optional<LexError> error = lexed.error().isPresent() ? lexed.error() : Optional.ofNullable(run.bodyError);
        return new Script(run.statements, run.comments, error);
    }

    /** The source text spanning {@code tokens}, with placeholder tokens replaced by their values. */
    String sqlOf(String text, List<Token> tokens) {
        StringBuilder sql = new StringBuilder();
        int copiedUpTo = tokens.get(0).offset();
        for (Token token : tokens) {
            if (token.type() == TokenType.PLACEHOLDER) {
                sql.append(text, copiedUpTo, token.offset()).append(placeholders.replacementFor(token.text()));
                copiedUpTo = token.endOffset();
            }
        }
        Token last = tokens.get(tokens.size() - 1);
        return sql.append(text, copiedUpTo, last.endOffset()).toString();
    }

    /** The context of statements inside a block or body that sits in {@code outer}. */
    static StatementContext innerContext(StatementContext outer, StatementContext.Kind kind, String label) {
        return switch (outer.kind()) {
            case SCRIPT -> new StatementContext(kind, outer.label().isEmpty() ? label : outer.label() + ", " + label);
            case EXECUTED_BLOCK -> kind == StatementContext.Kind.ROUTINE_BODY ? new StatementContext(kind, label)
                    : outer;
            case ROUTINE_BODY, ROLLBACK -> outer;
        };
    }

    /**
     * The string of SQL a statement builds and runs itself, when it is a single literal: Oracle
     * {@code EXECUTE IMMEDIATE '..'}, T-SQL {@code EXEC ('..')} and {@code EXEC sp_executesql N'..'}. Migrations
     * use these to drop or empty tables conditionally, so their text is checked like any statement.
     */
    static Token dynamicSqlString(List<Token> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).isAnyWord("EXECUTE", "EXEC")) {
            return null;
        }
        Token second = tokens.get(1);
        // PL/pgSQL writes EXECUTE '..' without IMMEDIATE.
        int index = second.isAnyWord("IMMEDIATE") || second.isSymbol("(") ? 2
                : second.type() == TokenType.WORD && second.text().toLowerCase(java.util.Locale.ROOT)
                        .endsWith("sp_executesql") ? 2 : second.type() == TokenType.STRING ? 1 : -1;
        if (index < 0 || index >= tokens.size()) {
            return null;
        }
        Token literal = tokens.get(index);
        if (index == 1 && tokens.size() > 2 && !tokens.get(2).isAnyWord("USING", "INTO")) {
            return null; // EXECUTE 'DELETE FROM ' || name builds the text at run time
        }
        boolean quoted = literal.type() == TokenType.STRING && literal.text().endsWith("'")
                && literal.text().indexOf('\'') >= 0 && literal.text().indexOf('\'') < literal.text().length() - 1;
        return quoted ? literal : null;
    }

    private static boolean separatesBatchesWithGo(List<Token> tokens) {
        for (Token token : tokens) {
            if (token.type() == TokenType.BATCH_SEPARATOR && token.text().equalsIgnoreCase("GO")) {
                return true;
            }
        }
        return false;
    }

    /** The state of splitting one text. */
    private final class Run {
        private final String path;
        private final String text;
        private final List<Statement> statements = new ArrayList<>();
        private final List<Token> comments = new ArrayList<>();
        private boolean bodyCommentsAdded;
        private LexError bodyError;
        private Dialect shapeDialect = dialect;

        Run(String path, String text) {
            this.path = path;
            this.text = text;
        }

        void splitTokens(List<Token> lexedTokens, StatementContext context) {
            List<Token> code = withoutComments(lexedTokens);
            if (dialect == Dialect.AUTO && separatesBatchesWithGo(code)) {
                // Only T-SQL scripts separate batches with GO: read blocks and routines the T-SQL way, where a
                // procedure or trigger body runs to the end of its batch.
                shapeDialect = Dialect.SQLSERVER;
            }
            int size = code.size();
            int start = 0;
            while (start < size) {
                if (isSeparator(code.get(start))) {
                    start++;
                    continue;
                }
                StatementShape shape = StatementShape.of(code, start, size, shapeDialect);
                int end = endOf(code, start, size, shape);
                emit(code.subList(start, end), shape, context);
                start = end;
            }
        }

        private List<Token> withoutComments(List<Token> lexedTokens) {
            List<Token> code = new ArrayList<>(lexedTokens.size());
            for (Token token : lexedTokens) {
                if (token.type() == TokenType.COMMENT) {
                    comments.add(token);
                } else {
                    code.add(token);
                }
            }
            return code;
        }

        private void emit(List<Token> tokens, StatementShape shape, StatementContext context) {
            switch (shape.kind()) {
                case PLAIN -> {
                    add(tokens, context, false);
                    Token dynamicSql = dynamicSqlString(tokens);
                    if (dynamicSql != null) {
                        emitStringBody(dynamicSql,
                                innerContext(context, StatementContext.Kind.EXECUTED_BLOCK, "dynamic SQL"));
                    }
                }
                case DO_BLOCK -> emitDoBlock(tokens, shape, context);
                case ANONYMOUS_BLOCK -> {
                    add(tokens, context, true);
                    StatementContext inner = innerContext(context, StatementContext.Kind.EXECUTED_BLOCK, shape.label());
                    emitAll(new BlockBodyScanner(false).scan(tokens, 0, tokens.size(), false), inner);
                }
                case ROUTINE -> emitRoutine(tokens, shape, context);
            }
        }

        private void emitDoBlock(List<Token> tokens, StatementShape shape, StatementContext context) {
            add(tokens, context, true);
            RoutineBody body = RoutineBody.locate(tokens, tokens.size());
            boolean plpgsql = body.language().isEmpty() || body.language().equals("plpgsql");
            if (body.form() == RoutineBody.Form.DOLLAR_QUOTED && plpgsql) {
                emitDollarBody(tokens.get(body.index()),
                        innerContext(context, StatementContext.Kind.EXECUTED_BLOCK, shape.label()));
            }
        }

        private void emitRoutine(List<Token> tokens, StatementShape shape, StatementContext context) {
            add(tokens, context, true);
            RoutineBody body = RoutineBody.locate(tokens, tokens.size());
            StatementContext inner = innerContext(context, StatementContext.Kind.ROUTINE_BODY, shape.label());
            switch (body.form()) {
                case DOLLAR_QUOTED -> {
                    String language = body.language();
                    if (language.isEmpty() || language.equals("plpgsql") || language.equals("sql")) {
                        emitDollarBody(tokens.get(body.index()), inner);
                    }
                }
                case STATEMENTS -> emitAll(new BlockBodyScanner(dialect.isMySqlFamily() || dialect == Dialect.AUTO)
                        .scan(tokens, body.index(), tokens.size(), false), inner);
                case DECLARATIONS -> emitAll(new BlockBodyScanner(false)
                        .scan(tokens, body.index(), tokens.size(), true), inner);
                case NONE -> {
                }
            }
        }

        /** Lexes a dollar-quoted body again, with positions in the file, and emits its statements. */
        private void emitDollarBody(Token string, StatementContext context) {
            int tagLength = string.text().indexOf('$', 1) + 1;
            LexedText lexed = bodyLexer.tokenize(text, string.offset() + tagLength,
                    string.endOffset() - tagLength, string.line(), string.column() + tagLength);
            int commentsBefore = comments.size();
            List<Token> code = withoutComments(lexed.tokens());
            bodyCommentsAdded |= comments.size() > commentsBefore;
            if (bodyError == null && lexed.error().isPresent()) {
                bodyError = lexed.error().get();
            }
            emitAll(new BlockBodyScanner(false).scan(code, 0, code.size(), false), context);
        }

        /**
         * Lexes the text of a string literal again as SQL, with positions in the file; doubled quotes inside it
         * read as empty strings, which changes no statement's shape.
         */
        private void emitStringBody(Token string, StatementContext context) {
            int open = string.text().indexOf('\'');
            LexedText lexed = bodyLexer.tokenize(text, string.offset() + open + 1, string.endOffset() - 1,
                    string.line(), string.column() + open + 1);
            List<Token> code = withoutComments(lexed.tokens());
            emitAll(new BlockBodyScanner(false).scan(code, 0, code.size(), false), context);
        }

                private void emitAll(List<List<Token>> inner, StatementContext context) {
            for (List<Token> tokens : inner) {
                StatementShape shape = StatementShape.of(tokens, 0, tokens.size(), shapeDialect);
                emit(tokens, shape.kind() == StatementShape.Kind.ANONYMOUS_BLOCK ? StatementShape.PLAIN : shape,
                        context);
            }
        }

        private void add(List<Token> statementTokens, StatementContext context, boolean container) {
            // A PL/SQL unit keeps the ; after its END up to the /, but the statement ends before it.
            int end = statementTokens.size();
            while (end > 0 && isSeparator(statementTokens.get(end - 1))) {
                end--;
            }
            if (end == 0) {
                return;
            }
            List<Token> tokens = statementTokens.subList(0, end);
            Token first = tokens.get(0);
            statements.add(new Statement(sqlOf(text, tokens), new Location(path, first.line(), first.column()),
                    tokens, context, dialect, container));
        }
    }

    private static boolean isSeparator(Token token) {
        return token.type() == TokenType.TERMINATOR || token.type() == TokenType.BATCH_SEPARATOR
                || token.type() == TokenType.DELIMITER_CHANGE || BlockSyntax.isSemicolon(token);
    }

    /**
     * The index just past the statement starting at {@code start}: the terminator or separator that ends
     * it, or the first token of the statement that implicitly follows it.
     */
    private int endOf(List<Token> code, int start, int size, StatementShape shape) {
        boolean tracksBlocks = shape.kind() == StatementShape.Kind.ANONYMOUS_BLOCK
                || shape.kind() == StatementShape.Kind.ROUTINE;
        BlockDepth depth = tracksBlocks ? new BlockDepth(shape.plsqlDeclare()) : null;
        ImplicitBoundary boundary = new ImplicitBoundary(shape.kind() == StatementShape.Kind.ROUTINE,
                dialect == Dialect.SQLSERVER || dialect == Dialect.AUTO);
        int parenDepth = 0;
        int firstInnerSemicolon = -1;
        for (int i = start; i < size; i++) {
            Token token = code.get(i);
            boolean insideBody = shape.runsToBatchEnd()
                    || depth != null && (depth.isOpen() || depth.bodyRunsToBatchEnd());
            if (token.type() == TokenType.BATCH_SEPARATOR || token.type() == TokenType.DELIMITER_CHANGE
                    || token.type() == TokenType.TERMINATOR && !token.text().equals(";")) {
                return unclosedEnd(shape, depth, firstInnerSemicolon, i);
            }
            if (BlockSyntax.isSemicolon(token) && (parenDepth == 0 || token.type() == TokenType.TERMINATOR)) {
                if (!insideBody) {
                    return i;
                }
                if (firstInnerSemicolon < 0 && !shape.runsToBatchEnd() && !depth.bodyRunsToBatchEnd()) {
                    firstInnerSemicolon = i;
                }
            } else if (i > start && !insideBody && boundary.startsNewStatement(code, i, size, parenDepth)) {
                return i;
            }
            boundary.accept(code, i, parenDepth);
            if (depth != null) {
                depth.accept(code, i, size, parenDepth);
            }
            if (token.isSymbol("(")) {
                parenDepth++;
            } else if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
            }
        }
        return unclosedEnd(shape, depth, firstInnerSemicolon, size);
    }

    /**
     * Where a block statement ends that reached {@code end} (a separator or the end of the text). When its
     * BEGIN..END never balanced although nothing but the nesting kept it open, the block syntax was not
     * understood: fail closed and end it at its first {@code ;}, so the statements after it stay top-level
     * statements the rules check rather than disappearing into a routine body.
     */
    private static int unclosedEnd(StatementShape shape, BlockDepth depth, int firstInnerSemicolon, int end) {
        if (depth != null && depth.isOpen() && !shape.runsToBatchEnd() && !depth.bodyRunsToBatchEnd()
                && firstInnerSemicolon >= 0) {
            return firstInnerSemicolon;
        }
        return end;
    }
}
