package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementKind;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statements a call runs in the body of a routine the same script defined before it. The script's analysis
 * judges those statements where they are written; what they establish (a copy of a table's rows) also holds after
 * the call, for the statements of the calling run: {@code CALL copy_events(); DELETE FROM events;} deletes rows the
 * routine copied. Only the statements the body certainly runs count: those of an arm of a branch, or of a routine
 * the body itself defines, may not have run.
 */
public final class CalledBodiesHere {

    /** No routine defined: every call may run anything. */
    static final CalledBodiesHere NONE = new CalledBodiesHere(List.of());

    /**
     * A routine defined at the top of the script: its name, where its definition stands, the statements its body
     * certainly runs, and what its other statements (in a branch, a loop's arm, a nested routine) may write; null
     * when one of its statements runs code or SQL text that is not read here.
     */
    private record Defined(String name, int index, Statement definition, List<Statement> body,
            BodyWrites mayWrite) {
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
            BodyWrites mayWrite = BodyWrites.none();
            boolean readable = true;
            int statements = 0;
            String bodyId = null;
            for (int next = index + 1; next < models.size(); next++) {
                Statement inner = models.get(next).statement();
                int at = inner.firstToken().offset();
                if (!inner.start().path().equals(definition.start().path()) || at <= from || at >= to) {
                    break;
                }
                statements++;
                StatementContext context = inner.context();
                boolean certain = false;
                if (context.kind() == StatementContext.Kind.ROUTINE_BODY && context.body() != null) {
                    bodyId = bodyId == null ? context.body().id() : bodyId;
                    certain = bodyId.equals(context.body().id()) && context.branch() == null && !inner.container();
                }
                // What a statement the body certainly runs does is followed at the call, one by one.
                if (certain) {
                    body.add(inner);
                } else {
                    readable &= mayWrite.add(inner);
                }
            }
            // A body the splitter did not cut into statements is not read here: its calls may write anything.
            defined.add(new Defined(named.name(), index, definition, List.copyOf(body),
                    readable && statements > 0 ? mayWrite : null));
        }
        return new CalledBodiesHere(defined);
    }

    /**
     * What the statements the called bodies may or may not run may write ({@link BodyWrites}), when
     * {@code call}, a statement of the script, calls only routines the script defined before it, each taken in its
     * last definition before the call, and nothing in their bodies runs code or SQL text that is not read here:
     * only those tables and columns may hold values the replay does not know after the call, as the statements the bodies
     * certainly run ({@link #runBy}) are followed one by one. Empty when the call may write any table.
     */
    public Optional<BodyWrites> mayWriteBeyondRun(Statement call) {
        List<String> names = RoutineNames.calledNames(call.tokens());
        if (defined.isEmpty() || call.container() || names.isEmpty()) {
            return Optional.empty();
        }
        BodyWrites writes = BodyWrites.none();
        for (String written : names) {
            List<String> keys = RoutineNames.callKeys(written, "");
            Defined last = null;
            for (Defined routine : defined) {
                Statement definition = routine.definition();
                if (definition.start().path().equals(call.start().path())
                        && definition.firstToken().offset() < call.firstToken().offset()
                        && (keys.contains(routine.name()) || keys.contains(RoutineNames.lastPart(routine.name())))) {
                    last = routine;
                }
            }
            if (last == null || last.mayWrite() == null) {
                return Optional.empty();
            }
            writes.addAll(last.mayWrite());
        }
        return Optional.of(writes);
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
