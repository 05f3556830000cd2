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

    private final Map<String, LossGuards> guards = new HashMap<>();
    private final BodiesRunWhereDefined runWhereDefined;
    /** What certainly ran, by run scope: the statements outside any branch, in order, with the schema before. */
    private final Map<String, List<Observed>> certain = new HashMap<>();

    /** A statement that certainly ran, or the copy a row loop certainly made ({@link RowLoopCopy}; no model). */
    private record Observed(StatementModel model, Statement loopCopy, SchemaView before) {

        void replayOn(LossGuards guards) {
            if (model != null) {
                guards.observe(model, before);
            } else {
                guards.observe(loopCopy, before);
            }
        }
    }

    /** Guards in which every routine body keeps a run of its own. */
    public BranchLossGuards() {
        this(BodiesRunWhereDefined.none());
    }

    /** Guards in which the bodies {@code runWhereDefined} accepts start from the script's state there. */
    public BranchLossGuards(BodiesRunWhereDefined runWhereDefined) {
        this.runWhereDefined = runWhereDefined;
    }

    /** The guards that hold for {@code statement}. */
    public LossGuards of(Statement statement) {
        String scope = scopeOf(statement);
        String arm = statement.context().branch();
        if (arm == null) {
            return guards.computeIfAbsent(scope, key -> created(statement));
        }
        return guards.computeIfAbsent(scope + '\u0000' + arm, key -> {
            LossGuards inArm = created(statement);
            certain.getOrDefault(scope, List.of()).forEach(seen -> seen.replayOn(inArm));
            return inArm;
        });
    }

    /**
     * A routine body runs on its own whenever it is called, later than the statements around its definition: what
     * those establish does not hold in it, and what it establishes holds for its own later statements only.
     */
    private static String scopeOf(Statement statement) {
        StatementContext context = statement.context();
        return isRoutineBody(context) ? context.runScope() + "\u0000body " + context.body().id() : context.runScope();
    }

    private LossGuards created(Statement statement) {
        StatementContext context = statement.context();
        if (!isRoutineBody(context)) {
            return new LossGuards(context.runScope());
        }
        if (!runWhereDefined.test(statement)) {
            return LossGuards.inRoutineBody(context.label());
        }
        // Called on the line after its definition: it runs as part of the script, on what the script did so far.
        LossGuards inScript = new LossGuards(context.runScope());
        certain.getOrDefault(context.runScope(), List.of())
                .forEach(seen -> seen.replayOn(inScript));
        return inScript;
    }

    private static boolean isRoutineBody(StatementContext context) {
        return context.kind() == StatementContext.Kind.ROUTINE_BODY && context.body() != null;
    }

    /** Records what {@code model}'s statement establishes, for the later statements it certainly ran before. */
    public void observe(StatementModel model, SchemaView before) {
        Statement statement = model.statement();
        of(statement).observe(model, before);
        if (statement.context().branch() == null) {
            certain.computeIfAbsent(scopeOf(statement), k -> new ArrayList<>())
                    .add(new Observed(model, null, before));
            return;
        }
        // An INSERT a loop runs for every row of its query copies them wherever the loop runs, as INSERT .. SELECT
        RowLoopCopy.asInsertSelect(statement).ifPresent(copy -> {
            of(copy).observe(copy, before);
            certain.computeIfAbsent(scopeOf(copy), k -> new ArrayList<>()).add(new Observed(null, copy, before));
        });
    }
}
