package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a script into the statements the database runs, each with the exact position of its first
 * token. Terminators ({@code ;}, {@code GO}, {@code /}, MySQL {@code DELIMITER}) end statements except
 * inside blocks and routine bodies; a DML verb that cannot belong to the current statement starts a new
 * one even without a terminator (T-SQL). Blocks the migration runs and routine definitions come out as a
 * container statement followed by the statements inside them, with their own context and positions.
 *
 * <p>This class holds what every split shares (the dialect, the placeholders, the lexer) and expands placeholders;
 * the walk over one text's tokens, into its blocks and bodies, is {@link SplitRun}'s.
 */
public final class StatementSplitter {

    private final Dialect dialect;
    private final Placeholders placeholders;
    private final Lexer lexer;
    private final NestedBodies nested;
    private final StatementEnd statementEnd;

    public StatementSplitter(Dialect dialect, Placeholders placeholders) {
        this.dialect = dialect;
        this.placeholders = placeholders;
        this.lexer = new Lexer(dialect, placeholders.prefix(), placeholders.suffix());
        this.nested = new NestedBodies(dialect, placeholders);
        this.statementEnd = new StatementEnd(dialect);
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
        Optional<PlaceholderExpansion> expansion = PlaceholderExpansion.of(text, from, to, line, column, placeholders);
        if (expansion.isEmpty() && (dialect == Dialect.ORACLE || dialect == Dialect.AUTO)) {
            // SQL*Plus replaces &name after DEFINE name = value, as Flyway replaces its placeholders.
            expansion = PlaceholderExpansion.ofToolVariables(text, from, to, line, column,
                    SqlPlusDefines.in(text, from, to));
        }
        if (expansion.isEmpty() && (dialect == Dialect.SQLSERVER || dialect == Dialect.AUTO)) {
            // sqlcmd replaces $(name) after :setvar name value before the server sees the batch.
            expansion = PlaceholderExpansion.ofToolVariables(text, from, to, line, column,
                    SqlcmdVariables.in(text, from, to));
        }
        if (expansion.isPresent()) {
            String expanded = expansion.get().text();
            return expansion.get().toFile(splitAsWritten(path, expanded, 0, expanded.length(), 1, 1, context,
                    Map.of()), lexer);
        }
        return splitAsWritten(path, text, from, to, line, column, context, Map.of());
    }

    /**
     * Splits the routine definition {@code definition} again for one call of it, each parameter named in
     * {@code arguments} (lower case) holding the literal the call passes, so that the SQL its body builds from
     * them is read as the call runs it. Token offsets count from the definition's first token.
     */
    public Script splitCalled(Statement definition, Map<String, Token> arguments) {
        Token first = definition.firstToken();
        return splitAsWritten(definition.start().path(), definition.sql(), 0, definition.sql().length(), first.line(),
                first.column(), definition.context(), arguments);
    }

    /**
     * The statements of the body of {@code definition} that, for the call {@code arguments} stand for (as in
     * {@link #splitCalled}), run a text known whole or only assign one ({@link BuiltText}), in source order.
     * Token offsets count from the definition's first token.
     */
    public List<BuiltText> builtTextsOfCalled(Statement definition, Map<String, Token> arguments) {
        Token first = definition.firstToken();
        String text = definition.sql();
        LexedText lexed = lexer.tokenize(text, 0, text.length(), first.line(), first.column());
        SplitRun run = new SplitRun(this, definition.start().path(), text, lexed.backslashEscapes(), arguments);
        run.collectBuiltTexts();
        run.splitTokens(lexed.tokens(), definition.context());
        return run.builtTexts();
    }

    private Script splitAsWritten(String path, String text, int from, int to, int line, int column,
            StatementContext context, Map<String, Token> arguments) {
        LexedText lexed = lexer.tokenize(text, from, to, line, column);
        SplitRun run = new SplitRun(this, path, text, lexed.backslashEscapes(), arguments);
        run.splitTokens(lexed.tokens(), context);
        return run.script(lexed.error());
    }

    /** The dialect configured for every text this splitter reads. */
    Dialect dialect() {
        return dialect;
    }

    /** The lexer of that dialect, with the placeholders' delimiters. */
    Lexer lexer() {
        return lexer;
    }

    /** How a body or dynamic SQL inside a statement is lexed again. */
    NestedBodies nested() {
        return nested;
    }

    /** Where a statement of this dialect ends. */
    StatementEnd statementEnd() {
        return statementEnd;
    }

    /** The placeholders {@code tokens} hold as written that are defined for other runs only, with why. */
    Map<String, String> unvaluedIn(List<Token> tokens) {
        return placeholders.unvaluedIn(tokens);
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
}
