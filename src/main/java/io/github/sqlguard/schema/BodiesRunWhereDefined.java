package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementKind;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The routine bodies of one script that run on the state the script reached at their definition. MySQL migrations
 * create a helper procedure, call it on the next line and drop it ({@code ALTER TABLE t ADD new_id ..; CREATE
 * PROCEDURE p() BEGIN UPDATE t SET new_id = ..; END; CALL p(); DROP PROCEDURE p;}): what the statements before
 * the definition established, such as a column added and not written since, holds in the body as it does at the
 * call. A definition the script calls once, later, is taken to just before its call first ({@link RoutinesRunAtCall});
 * a routine the script calls more than once or from a body runs on a state the statements around its definition do
 * not show, and keeps a run of its own.
 */
public final class BodiesRunWhereDefined implements Predicate<Statement> {

    /** The text of a definition, in which its body's statements lie. */
    private record Span(String path, int fromOffset, int toOffset) {

        boolean encloses(Statement inner) {
            int start = inner.firstToken().offset();
            return path.equals(inner.start().path()) && start > fromOffset && start < toOffset;
        }
    }

    private final List<Span> spans;

    private BodiesRunWhereDefined(List<Span> spans) {
        this.spans = spans;
    }

    /** None: every body keeps a run of its own. */
    public static BodiesRunWhereDefined none() {
        return new BodiesRunWhereDefined(List.of());
    }

    /** The bodies of {@code models}, one script's statements in order, that run right where they are defined. */
    public static BodiesRunWhereDefined of(List<StatementModel> models) {
        List<Span> spans = new ArrayList<>();
        for (int index = 0; index < models.size(); index++) {
            Statement statement = models.get(index).statement();
            RoutineNames.Definition definition = topLevelDefinition(models.get(index));
            if (definition == null) {
                continue;
            }
            List<Token> tokens = statement.tokens();
            Span span = new Span(statement.start().path(), tokens.get(0).offset(),
                    tokens.get(tokens.size() - 1).endOffset());
            int next = index + 1;
            while (next < models.size() && span.encloses(models.get(next).statement())) {
                next++;
            }
            if (next < models.size() && isTopLevel(models.get(next).statement())
                    && calls(models.get(next), definition.name())
                    && models.stream().filter(model -> calls(model, definition.name())).count() == 1
                    && models.stream().map(BodiesRunWhereDefined::topLevelDefinition)
                            .filter(other -> other != null && other.name().equals(definition.name())).count() == 1) {
                spans.add(span);
            }
        }
        return new BodiesRunWhereDefined(spans);
    }

    /** True when {@code statement} lies in a body that runs on the state the script reached at its definition. */
    @Override
    public boolean test(Statement statement) {
        return spans.stream().anyMatch(span -> span.encloses(statement));
    }

    /** The routine {@code model} defines at the top of its script, with a body of its own; null for any other. */
    static RoutineNames.Definition topLevelDefinition(StatementModel model) {
        Statement statement = model.statement();
        if (model.kind() != StatementKind.ROUTINE || !statement.container() || !isTopLevel(statement)) {
            return null;
        }
        RoutineNames.Definition definition = RoutineNames.definition(statement.tokens());
        return definition == null || definition.isPackage() ? null : definition;
    }

    static boolean isTopLevel(Statement statement) {
        StatementContext context = statement.context();
        return context.kind() == StatementContext.Kind.SCRIPT && context.branch() == null;
    }

    private static boolean calls(StatementModel model, String name) {
        return !model.statement().container() && model.mayCallRoutines()
                && RoutineNames.calledNames(model.statement().tokens()).stream()
                        .anyMatch(written -> RoutineNames.callKeys(written, "").contains(name));
    }
}
