package io.github.sqlguard;

import io.github.sqlguard.analysis.Placement;
import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.schema.DefinedRoutine;
import io.github.sqlguard.schema.EarlierRoutines;
import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routines a script creates and then calls with literals for their parameters, as MySQL migrations create a
 * helper, call it once per table and drop it ({@code CALL fix_pk('queue', 'queue_name')} of a procedure that
 * prepares {@code CONCAT('ALTER TABLE ', tb, ' DROP COLUMN id')}). Each such call is followed with its own texts,
 * as a call of an earlier migration's routine is, so that its findings name the table it reaches. A routine that
 * the script calls only this way runs only through those calls: its body, read without their texts, knows nothing
 * they do not say better, and reads as a body that runs only when called; so does a routine only such routines call.
 */
final class LiteralCallsHere {

    /** Routines whose every call in the script passes literals; told apart by identity, as overloads share a name. */
    private final Set<DefinedRoutine> onlyThroughLiterals;

    private LiteralCallsHere(Set<DefinedRoutine> onlyThroughLiterals) {
        this.onlyThroughLiterals = onlyThroughLiterals;
    }

    /** Reads the calls of {@code models}, one script's statements, of routines the replay saw the script create. */
    static LiteralCallsHere of(List<StatementModel> models, EarlierRoutines routines) {
        Set<DefinedRoutine> withLiterals = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<DefinedRoutine> otherwise = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<DefinedRoutine> calledByRoutines = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, List<Statement>> calledFromBodies = new HashMap<>();
        // Statements of bodies the script calls as they are written (no literal of the call fills them in).
        Set<Statement> inBodiesCalledHere = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StatementModel model : models) {
            Statement statement = model.statement();
            if (statement.container() || !model.mayCallRoutines() || !routines.mayCall(statement)) {
                continue;
            }
            boolean runsNow = model.placement().runsWithMigration();
            for (String written : RoutineNames.calledNames(statement.tokens())) {
                for (String key : RoutineNames.callKeys(written, "")) {
                    if (!runsNow) {
                        // Another routine's body passes whatever its own caller gave it.
                        calledFromBodies.computeIfAbsent(key, k -> new ArrayList<>()).add(statement);
                        if (!model.calledAt().isEmpty()) {
                            inBodiesCalledHere.add(statement);
                        }
                        calledByRoutines.addAll(definedHere(statement, key, routines));
                        continue;
                    }
                    for (DefinedRoutine routine : definedHere(statement, key, routines)) {
                        (routine.takesLiteralsFrom(statement) ? withLiterals : otherwise).add(routine);
                    }
                }
            }
        }
        Set<DefinedRoutine> only = Collections.newSetFromMap(new IdentityHashMap<>());
        only.addAll(withLiterals);
        only.addAll(calledByRoutines);
        only.removeAll(otherwise);
        // A routine only other routines' bodies call (the helper that prepares what an outer helper builds) runs
        // only through their calls when each of those runs only through calls with literals: following such a
        // call follows it too, with what the call's literals make of its arguments. So it does when the call
        // passes literals of its own from the body of a routine the script calls as written (a helper without
        // parameters that calls another once per table): that call is followed where it stands.
        boolean shrank = true;
        while (shrank) {
            shrank = only.removeIf(routine -> !calledFromBodies.getOrDefault(routine.name(), List.of()).stream()
                    .allMatch(call -> only.stream().anyMatch(caller -> caller.encloses(call))
                            || inBodiesCalledHere.contains(call) && routine.takesLiteralsFrom(call)
                            && only.stream().noneMatch(caller -> caller.encloses(call))));
        }
        return new LiteralCallsHere(only);
    }

    /** True when {@code call} runs {@code routine}, which its own script created, with literals of its own. */
    static boolean followsWithLiterals(DefinedRoutine routine, Statement call) {
        return routine.createdInScriptOf(call) && routine.takesLiteralsFrom(call);
    }

    /**
     * True when {@code call}, as the checker reads it, runs what it calls when the migration runs: a statement of
     * the script or of a block it runs, or one of a body the script calls that no literal call fills in.
     */
    static boolean runsWhereWritten(StatementModel call) {
        return call.placement().runsWithMigration() || !call.calledAt().isEmpty();
    }

    /**
     * {@code model} as the checker reads it: a statement of a body that runs only through calls with literals is
     * no longer marked as called by the script.
     */
    StatementModel reading(StatementModel model) {
        if (!onlyThroughLiterals.isEmpty()
                && (model.placement() == Placement.BLOCK || model.placement() == Placement.DYNAMIC_SQL)) {
            return asBlockSubprogramBody(model);
        }
        if (onlyThroughLiterals.isEmpty() || model.placement() != Placement.ROUTINE_BODY
                || model.calledAt().isEmpty()) {
            return model;
        }
        for (DefinedRoutine routine : onlyThroughLiterals) {
            if (routine.encloses(model.statement())) {
                return model.calledAt("");
            }
        }
        return model;
    }

    /**
     * Oracle: a statement of a subprogram that an anonymous block declares, which the splitter reads as one the block
     * runs, runs only when the block calls it; where every call passes literals, the calls report what it does.
     */
    private StatementModel asBlockSubprogramBody(StatementModel model) {
        for (DefinedRoutine routine : onlyThroughLiterals) {
            if (routine.declaredInBlock() && routine.encloses(model.statement())) {
                return new StatementModel(routine.asCalled(model.statement()), model.kind(), Placement.ROUTINE_BODY,
                        model.clauses(), model.rowChanges(), model.createdTables(), model.ctes(), model.joins(),
                        model.parse(), "", model.scratchTable(), model.onlyCopies(), model.scratchRows());
            }
        }
        return model;
    }

    /** The routines of {@code key} that {@code statement}'s own script created before it. */
    private static List<DefinedRoutine> definedHere(Statement statement, String key, EarlierRoutines routines) {
        return DefinedRoutine.reachedBy(statement, routines.before(statement, key)).stream()
                .filter(routine -> routine.createdInScriptOf(statement))
                .toList();
    }
}
