package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementKind;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements a call runs in the body of a routine the same script defined before it. The script's analysis
 * judges those statements where they are written; what they establish (a copy of a table's rows) also holds after
 * the call, for the statements of the calling run: {@code CALL copy_events(); DELETE FROM events;} deletes rows the
 * routine copied. Only the statements the body certainly runs count: those of an arm of a branch, or of a routine
 * the body itself defines, may not have run.
 */
public final class CalledBodiesHere {

    /** A routine defined at the top of the script: its name, where its definition stands, and its body statements. */
    private record Defined(String name, int index, List<Statement> body) {
    }

    private final List<Defined> defined;

    private CalledBodiesHere(List<Defined> defined) {
        this.defined = defined;
    }

    /** The routines {@code models}, one script's statements in order, define with a body of their own. */
    public static CalledBodiesHere of(List<StatementModel> models) {
        List<Defined> defined = new ArrayList<>();
        for (int index = 0; index < models.size(); index++) {
            StatementModel model = models.get(index);
            Statement definition = model.statement();
            if (model.kind() != StatementKind.ROUTINE || !definition.container()
                    || definition.context().kind() != StatementContext.Kind.SCRIPT) {
                continue;
            }
            RoutineNames.Definition named = RoutineNames.definition(definition.tokens());
            if (named == null || named.isPackage()) {
                continue;
            }
            int from = definition.tokens().get(0).offset();
            int to = definition.tokens().get(definition.tokens().size() - 1).endOffset();
            List<Statement> body = new ArrayList<>();
            String bodyId = null;
            for (int next = index + 1; next < models.size(); next++) {
                Statement inner = models.get(next).statement();
                int at = inner.firstToken().offset();
                if (!inner.start().path().equals(definition.start().path()) || at <= from || at >= to) {
                    break;
                }
                StatementContext context = inner.context();
                if (context.kind() != StatementContext.Kind.ROUTINE_BODY || context.body() == null) {
                    continue;
                }
                bodyId = bodyId == null ? context.body().id() : bodyId;
                if (bodyId.equals(context.body().id()) && context.branch() == null && !inner.container()) {
                    body.add(inner);
                }
            }
            defined.add(new Defined(named.name(), index, List.copyOf(body)));
        }
        return new CalledBodiesHere(defined);
    }

    /**
     * The body statements {@code call}, the statement at {@code index}, runs in routines the script defined before
     * it, each routine taken in its last definition before the call; empty when it calls none of them.
     */
    public List<Statement> runBy(StatementModel call, int index) {
        Statement statement = call.statement();
        if (defined.isEmpty() || statement.container() || !call.kind().mayCallRoutines()) {
            return List.of();
        }
        List<Statement> ran = new ArrayList<>();
        for (String written : RoutineNames.calledNames(statement.tokens())) {
            List<String> keys = RoutineNames.callKeys(written, "");
            Defined last = null;
            for (Defined routine : defined) {
                // A schema-qualified definition (public.purge) is reached by its bare name on the search path.
                if (routine.index() < index && (keys.contains(routine.name())
                        || keys.contains(RoutineNames.lastPart(routine.name())))) {
                    last = routine;
                }
            }
            if (last != null) {
                ran.addAll(last.body());
            }
        }
        return ran;
    }
}
