package io.github.sqlguard.sql;

import io.github.sqlguard.Dialect;
import io.github.sqlguard.Location;
import java.util.ArrayList;
import java.util.List;

/** Splits a script into statements at terminators, with the exact position of each statement. */
public final class StatementSplitter {

    private final Dialect dialect;
    private final Placeholders placeholders;
    private final Lexer lexer;

    public StatementSplitter(Dialect dialect, Placeholders placeholders) {
        this.dialect = dialect;
        this.placeholders = placeholders;
        this.lexer = new Lexer(dialect, placeholders.prefix(), placeholders.suffix());
    }

    /** Splits a whole file. */
    public Script split(String path, String text) {
        return split(path, text, 0, text.length(), 1, 1, StatementContext.SCRIPT);
    }

    /**
     * Splits the region {@code text[from, to)} of a file, which starts at {@code line:column}; used for
     * Liquibase changesets and {@code <sql>} elements. Every statement gets {@code context}.
     */
    public Script split(String path, String text, int from, int to, int line, int column,
            StatementContext context) {
        LexedText lexed = lexer.tokenize(text, from, to, line, column);
        List<Statement> statements = new ArrayList<>();
        List<Token> comments = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : lexed.tokens()) {
            switch (token.type()) {
                case COMMENT -> comments.add(token);
                case TERMINATOR, BATCH_SEPARATOR, DELIMITER_CHANGE -> {
                    addStatement(path, text, current, context, statements);
                    current.clear();
                }
                default -> current.add(token);
            }
        }
        addStatement(path, text, current, context, statements);
        return new Script(statements, comments, lexed.error());
    }

    private void addStatement(String path, String text, List<Token> tokens, StatementContext context,
            List<Statement> out) {
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        out.add(new Statement(sqlOf(text, tokens), new Location(path, first.line(), first.column()), tokens,
                context, dialect, false));
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
