package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL nested inside a statement's own text: the quoted body of a PostgreSQL function or DO block, the
 * literal of dynamic SQL ({@link DynamicSql}) and the statement of a PostgreSQL {@code PREPARE}. Each is lexed again with positions in
 * the file, so its statements are located where they are written, and gets a context that says where it runs.
 */
final class NestedBodies {

    private final Lexer bodyLexer;
    private final Lexer dynamicSqlLexer;
    private final Lexer tsqlLexer;

    NestedBodies(Dialect dialect, Placeholders placeholders) {
        // Dollar-quoted bodies only exist in PostgreSQL (and H2), whose lexical rules they follow.
        this.bodyLexer = new Lexer(Dialect.POSTGRESQL, placeholders.prefix(), placeholders.suffix());
        this.dynamicSqlLexer = new Lexer(dialect, placeholders.prefix(), placeholders.suffix());
        this.tsqlLexer = new Lexer(Dialect.SQLSERVER, placeholders.prefix(), placeholders.suffix());
    }

    /** The tokens of the dollar-quoted string {@code string} of {@code text}, without its tags. */
    LexedText dollarBody(String text, Token string) {
        int tagLength = string.text().indexOf('$', 1) + 1;
        return bodyLexer.tokenize(text, string.offset() + tagLength, string.endOffset() - tagLength, string.line(),
                string.column() + tagLength);
    }

    /** The tokens of the decoded text of a quoted literal ({@link QuotedBody#text()}), located in that text. */
    LexedText quotedBody(String decoded) {
        return bodyLexer.tokenize(decoded);
    }

    /**
     * The tokens of the decoded text of a dynamic SQL literal, lexed in the script's own dialect: the database
     * that runs T-SQL's {@code EXEC('TRUNCATE TABLE #work')} reads {@code #work} and {@code [dbo].[t]} as names.
     */
    LexedText dynamicSql(String decoded) {
        return dynamicSqlLexer.tokenize(decoded);
    }

    /**
     * As {@link #dynamicSql(String)}, for a script read the T-SQL way ({@code tsql}: in auto, one that separates its
     * batches with GO): SQL Server runs the text, so a bracketed name is one whatever it holds
     * ({@code EXEC('CREATE TABLE t ([' + CHAR(9) + ''']]] INT)')} makes a column named by a tab and a quote).
     */
    LexedText dynamicSql(String decoded, boolean tsql) {
        return tsql ? tsqlLexer.tokenize(decoded) : dynamicSqlLexer.tokenize(decoded);
    }

    /** The context of statements inside a block or body that sits in {@code outer}. */
    static StatementContext innerContext(StatementContext outer, StatementContext.Kind kind, String label) {
        return switch (outer.kind()) {
            case SCRIPT -> new StatementContext(kind, outer.label().isEmpty() ? label
                    : withoutWhenItRuns(outer.label()) + ", " + label, outer.databases());
            case EXECUTED_BLOCK -> kind == StatementContext.Kind.ROUTINE_BODY
                    ? new StatementContext(kind, label, outer.databases())
                    : runsOnSchedule(label) && !outer.runsOnSchedule() || SqlTextArguments.saysItMayRun(label)
                    // A job scheduled from inside a block runs after the migration, as one scheduled outside; text
                    // handed to a routine runs only if the routine runs it.
                    ? new StatementContext(kind, outer.label() + ", " + label, outer.databases())
                    : outer;
            // A routine that rollback code creates runs only when called, as one a script creates does.
            case ROLLBACK -> kind == StatementContext.Kind.ROUTINE_BODY
                    ? new StatementContext(kind, withoutWhenItRuns(outer.label()) + ", " + label, outer.databases())
                    : outer;
            case ROUTINE_BODY -> outer;
        };
    }

    /**
     * A script's label without the clause that says when it runs ({@code "down migration"} of {@code "down
     * migration, which runs only when ..."}): a body's own label says that for its statements.
     */
    private static String withoutWhenItRuns(String scriptLabel) {
        int when = scriptLabel.indexOf(", which ");
        return when < 0 ? scriptLabel : scriptLabel.substring(0, when);
    }

    /**
     * The context of the statements of a body that the definition or block starting with {@code tokens} opens: a
     * new body, whose statements run in straight line until the scanner finds a branch.
     */
    static StatementContext opened(StatementContext inner, List<Token> tokens) {
        Token first = tokens.get(0);
        Set<String> variables = new HashSet<>(BlockVariables.declaredIn(tokens));
        variables.addAll(BlockVariables.parametersOf(tokens));
        return inner.withBody(new StatementContext.Body(first.line() + ":" + first.column(), true)
                .declaring(variables));
    }

    /**
     * {@code context} with the variables {@code code}, a body's text read apart from the statement that holds it (a
     * dollar-quoted PL/pgSQL body), declares beside those its body already knows; {@code context} itself outside a
     * body.
     */
    static StatementContext declaring(StatementContext context, List<Token> code) {
        StatementContext.Body body = context.body();
        Set<String> declared = BlockVariables.declaredIn(code);
        if (body == null || declared.isEmpty()) {
            return context;
        }
        Set<String> all = new HashSet<>(body.variables());
        all.addAll(declared);
        return context.withBody(body.declaring(all));
    }

    /**
     * {@code context} as the {@code #variable_conflict} directive at the start of {@code code}, a PL/pgSQL body,
     * sets it: with {@code use_column} a column beats a parameter or variable of the same name in the body's
     * statements, with {@code use_variable} or {@code error} (the default) it does not. Other directives
     * ({@code #print_strict_params on}, {@code #option dump}) may come before it.
     */
    static StatementContext resolvingNameConflicts(StatementContext context, List<Token> code) {
        StatementContext.Body body = context.body();
        int i = 0;
        while (body != null && i + 1 < code.size() && code.get(i).isSymbol("#")
                && code.get(i + 1).type() == TokenType.WORD) {
            if (code.get(i + 1).isWord("variable_conflict") && i + 2 < code.size()) {
                return context.withBody(body.withColumnsHidingVariables(code.get(i + 2).isWord("use_column")));
            }
            i += i + 2 < code.size() && code.get(i + 2).type() == TokenType.WORD
                    && !code.get(i + 2).isAnyWord("DECLARE", "BEGIN") ? 3 : 2;
        }
        return context;
    }

    /**
     * The context of one statement of a body, {@code straightLine} as the scanner found it: the statements of
     * dynamic SQL that a branch of the body runs sit in that branch too. Outside a body (the dynamic SQL of a
     * top-level statement) there is no body to place it in. A body inside a branch of another keeps its arm.
     */
    static StatementContext at(StatementContext context, BodyStatement statement) {
        StatementContext.Body body = context.body();
        if (body == null) {
            return context;
        }
        if (statement.straightLine() || !body.straightLine()) {
            return statement.undoneOnError() && !body.undoneOnError()
                    ? context.withBody(body.inHandledBlock())
                    : context;
        }
        return context.withBody(body.offStraightLine(statement.arm(), statement.errorEndsArm(), statement.ifArm(),
                statement.rowLoop(), statement.undoneOnError(), statement.stretch()));
    }

    private static boolean runsOnSchedule(String label) {
        return new StatementContext(StatementContext.Kind.EXECUTED_BLOCK, label, DatabaseScope.ANY).runsOnSchedule();
    }

    /**
     * PostgreSQL {@code PREPARE name [(types)] AS statement}: the index of the prepared statement, which runs
     * when the script EXECUTEs it, or -1 for any other statement.
     */
    static int preparedStatementStart(List<Token> tokens) {
        if (tokens.size() < 4 || !tokens.get(0).isWord("PREPARE") || tokens.get(1).type() != TokenType.WORD) {
            return -1;
        }
        int i = 2;
        if (tokens.get(i).isSymbol("(")) {
            int depth = 0;
            do {
                Token token = tokens.get(i++);
                depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            } while (i < tokens.size() && depth > 0);
        }
        return i + 1 < tokens.size() && tokens.get(i).isWord("AS") ? i + 1 : -1;
    }
}
