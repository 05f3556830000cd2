package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link LossGuards} of every run scope of one script, kept apart for each arm of a branching body: what a
 * statement of one arm establishes ({@code IF .. THEN ALTER TABLE t ADD c}) holds for the later statements of
 * that arm only, not for those of the {@code ELSE} arm, nor after the branch, where it may not have run. An
 * arm starts from what the statements that certainly ran before it established.
 */
public final class BranchLossGuards {

    /**
     * Starts the run scope of a called routine's body: its statements run in order whenever it is called, so what
     * one establishes holds for the later ones of that body, but not for the script around it, nor the other way.
     */
    static final String ROUTINE_BODY = "routine body ";

    private final Map<String, LossGuards> guards = new HashMap<>();
    /** What certainly ran, by run scope: the statements outside any branch, in order, with the schema before. */
    private final Map<String, List<Observed>> certain = new HashMap<>();

    private record Observed(StatementModel model, SchemaView before) {
    }

    /** The guards that hold for {@code statement}. */
    public LossGuards of(Statement statement) {
        String scope = scopeOf(statement);
        String arm = statement.context().branch();
        if (arm == null) {
            return guards.computeIfAbsent(scope, LossGuards::new);
        }
        return guards.computeIfAbsent(scope + '\u0000' + arm, key -> {
            LossGuards inArm = new LossGuards(scope);
            certain.getOrDefault(scope, List.of()).forEach(seen -> inArm.observe(seen.model(), seen.before()));
            return inArm;
        });
    }

    private static String scopeOf(Statement statement) {
        StatementContext context = statement.context();
        return context.kind() == StatementContext.Kind.ROUTINE_BODY && context.body() != null
                ? ROUTINE_BODY + context.body().id() : context.runScope();
    }

    /** Records what {@code model}'s statement establishes, for the later statements it certainly ran before. */
    public void observe(StatementModel model, SchemaView before) {
        Statement statement = model.statement();
        of(statement).observe(model, before);
        if (statement.context().branch() == null) {
            certain.computeIfAbsent(scopeOf(statement), k -> new ArrayList<>())
                    .add(new Observed(model, before));
        }
    }
}
