package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The statements an upgrade-script runner makes of its comment directives, in the order it runs them among the
 * script's own: a {@code --FOREACH} batch sweep turns the statement after it into the one its batches add up to
 * ({@link BatchSweeps}), a {@code --DELETE_NOT_EXISTS} line runs a DELETE of its own ({@link
 * OrphanDeleteDirectives}), and a {@code --ASSIGN:name=column} line gives the placeholder {@code ${name}} of the
 * statements after it a value read from the database ({@link AssignedVariables}). Only the runner of plain scripts reads them: in a Liquibase changeset, a Flyway
 * repeatable migration or a body they stay comments ({@code topLevel} false).
 */
final class RunnerDirectiveStatements {

    private final String path;
    private final String text;
    private final Dialect dialect;
    private final Lexer lexer;
    /** The source text spanning some tokens, placeholders replaced, as the splitter makes a statement's SQL. */
    private final BiFunction<String, List<Token>, String> sqlOf;
    /** The sweeps of a plain script; null elsewhere, where the directives stay comments. */
    private final BatchSweeps sweeps;
    private final List<Token> orphanDeletes;
    private final AssignedVariables assigned;
    private int nextOrphanDelete;
    private int previousEnd = -1;

    RunnerDirectiveStatements(String path, String text, Dialect dialect, Lexer lexer,
            BiFunction<String, List<Token>, String> sqlOf, List<Token> comments, boolean topLevel) {
        this.path = path;
        this.text = text;
        this.dialect = dialect;
        this.lexer = lexer;
        this.sqlOf = sqlOf;
        this.sweeps = topLevel ? new BatchSweeps(comments, text) : null;
        this.orphanDeletes = topLevel ? OrphanDeleteDirectives.in(comments, text) : List.of();
        this.assigned = topLevel ? new AssignedVariables(comments, text) : new AssignedVariables();
    }

    /**
     * The placeholders of {@code tokens} that a {@code --ASSIGN} directive before them sets when the script runs, by
     * their text, each with why they have no value here.
     */
    Map<String, String> assignedIn(List<Token> tokens) {
        return assigned.in(tokens);
    }

    /**
     * The DELETEs of the directives before {@code offset} not returned yet ({@code Integer.MAX_VALUE}: all that are
     * left), each in the context {@code contextAt} gives at its directive.
     */
    List<Statement> orphanDeletesBefore(int offset, Function<Token, StatementContext> contextAt) {
        List<Statement> deletes = new ArrayList<>();
        while (nextOrphanDelete < orphanDeletes.size() && orphanDeletes.get(nextOrphanDelete).offset() < offset) {
            Token directive = orphanDeletes.get(nextOrphanDelete++);
            orphanDelete(directive, contextAt.apply(directive)).ifPresent(deletes::add);
        }
        return deletes;
    }

    /**
     * The statement the batches of a sweep before {@code tokens} add up to, when one covers it and it is a plain
     * statement outside any body; empty to emit it as written. Called for each statement in order.
     */
    Optional<Statement> swept(List<Token> tokens, boolean plain, StatementContext context) {
        Optional<BatchSweeps.Swept> swept = sweeps != null && plain && context.body() == null
                ? sweeps.sweep(tokens, previousEnd) : Optional.empty();
        previousEnd = tokens.get(tokens.size() - 1).endOffset();
        return swept.map(sweep -> sweptStatement(tokens, sweep, context));
    }

    /** Its text shows the batch bounds as blanks; its fingerprint is made from the statement as written. */
    private Statement sweptStatement(List<Token> written, BatchSweeps.Swept swept, StatementContext context) {
        List<Token> tokens = withoutTrailingSeparators(swept.tokens());
        StringBuilder blanked = new StringBuilder(text);
        for (Token gone : swept.removed()) {
            for (int i = gone.offset(); i < gone.endOffset(); i++) {
                blanked.setCharAt(i, ' ');
            }
        }
        StringBuilder asWritten = new StringBuilder();
        for (Token token : withoutTrailingSeparators(written)) {
            asWritten.append(asWritten.length() == 0 ? "" : " ").append(token.text());
        }
        Token first = tokens.get(0);
        return new Statement(sqlOf.apply(blanked.toString(), tokens), new Location(path, first.line(), first.column()),
                tokens, context.withLabel(swept.label()), dialect, false, asWritten.toString(), false,
                assigned.in(tokens));
    }

    /** The DELETE a {@code --DELETE_NOT_EXISTS} line runs, every token located at the directive. */
    private Optional<Statement> orphanDelete(Token directive, StatementContext context) {
        return OrphanDeleteDirectives.deleteOf(directive).map(sql -> {
            List<Token> tokens = lexer.tokenize(sql).tokens().stream()
                    .filter(token -> token.type() != TokenType.COMMENT)
                    .map(token -> new Token(token.type(), token.text(), directive.offset() + token.offset(),
                            directive.line(), directive.column()))
                    .toList();
            return new Statement(sql, new Location(path, directive.line(), directive.column()), tokens,
                    context.withLabel(directive.text().strip().split("[ \\t]+")[0] + " directive"), dialect, false,
                    directive.text().strip(), false);
        });
    }

    private static List<Token> withoutTrailingSeparators(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && StatementEnd.isSeparator(tokens.get(end - 1))) {
            end--;
        }
        return tokens.subList(0, end);
    }
}
