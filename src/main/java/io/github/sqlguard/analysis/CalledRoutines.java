package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A step of the pipeline over one script: a routine that the same script creates and then calls runs now,
 * with the migration, so the statements of its body are marked with where it is called and keep their normal
 * severity. A call is {@code CALL f()}, {@code EXEC f}, {@code PERFORM f()}, a function in an expression
 * ({@code SELECT f()}, {@code n := f(1)}) or a PL/SQL statement that is just the routine's name
 * ({@code BEGIN zap; END;}), in code the migration runs or in the body of another routine it calls.
 */
final class CalledRoutines {

    /**
     * A routine the script defines, where, and the names its body calls. One definition is one routine: it is
     * known by its statement's index, not by its contents, which the generated record methods would hash whole
     * (its model's every token) and which grow as its body is read.
     */
    private record Routine(StatementModel model, int index, Set<String> callees) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Routine that && index == that.index;
        }

        @Override
        public int hashCode() {
            return index;
        }
    }

    /** Where the migration first reaches a routine: the line of the call and the statement's index. */
    private record Call(String line, int index) {
    }

    private final Map<String, List<Routine>> byName = new HashMap<>();
    private final Set<String> packages = new HashSet<>();
    private final List<Routine> routines = new ArrayList<>();
    private final Map<Routine, Call> calls = new LinkedHashMap<>();
    /** The last routine definition read, whose body statements follow it; null when nobody calls it by name. */
    private Statement lastDefinition;
    private Routine lastRoutine;

    private CalledRoutines() {
    }

    static List<StatementModel> apply(List<StatementModel> models) {
        CalledRoutines step = new CalledRoutines();
        for (int index = 0; index < models.size(); index++) {
            step.read(models.get(index), index);
        }
        if (step.calls.isEmpty()) {
            return models;
        }
        step.followCallsInBodies();
        List<StatementModel> result = new ArrayList<>(models.size());
        for (StatementModel model : models) {
            result.add(model.placement() == Placement.ROUTINE_BODY ? step.markIfCalled(model) : model);
        }
        return result;
    }

    private void read(StatementModel model, int index) {
        Statement statement = model.statement();
        if (model.kind() == StatementKind.ROUTINE && statement.container()) {
            RoutineNames.Definition definition = RoutineNames.definition(statement.tokens());
            lastDefinition = statement;
            lastRoutine = definition == null ? null : new Routine(model, index, new HashSet<>());
            if (lastRoutine != null) {
                define(lastRoutine, definition);
            }
            return;
        }
        if (routines.isEmpty() || statement.container() || !model.kind().mayCallRoutines()) {
            return;
        }
        List<String> called = RoutineNames.calledNames(statement.tokens());
        if (called.isEmpty()) {
            return;
        }
        if (model.placement().runsWithMigration()) {
            Call call = new Call("line " + statement.start().line(), index);
            for (String name : called) {
                Routine routine = resolve(name, index);
                if (routine != null) {
                    calls.putIfAbsent(routine, call);
                }
            }
        } else if (model.placement() == Placement.ROUTINE_BODY) {
            Routine caller = lastDefinition != null && encloses(lastDefinition, statement) ? lastRoutine : null;
            if (caller != null) {
                caller.callees().addAll(called);
            }
        }
    }

    private void define(Routine routine, RoutineNames.Definition definition) {
        routines.add(routine);
        if (definition.isPackage()) {
            packages.add(definition.name());
            for (String member : definition.members()) {
                byName.computeIfAbsent(member, k -> new ArrayList<>()).add(routine);
            }
        } else {
            byName.computeIfAbsent(definition.name(), k -> new ArrayList<>()).add(routine);
        }
    }

    /**
     * The routine a call at statement {@code index} reaches: the latest definition before it. A name qualified
     * by a package of the script ({@code maint.wipe}) is that package's member; any other qualifier is a schema.
     */
    private Routine resolve(String written, int index) {
        String qualifier = RoutineNames.qualifier(written);
        String last = RoutineNames.lastPart(written);
        String key = packages.contains(qualifier) ? qualifier + "." + last : last;
        List<Routine> defined = byName.get(key);
        Routine latest = null;
        if (defined != null) {
            for (Routine routine : defined) {
                if (routine.index() < index) {
                    latest = routine;
                }
            }
        }
        return latest;
    }

    /** A routine whose body the migration runs runs the routines its body calls, when it runs. */
    private void followCallsInBodies() {
        Deque<Routine> work = new ArrayDeque<>(calls.keySet());
        while (!work.isEmpty()) {
            Routine caller = work.poll();
            Call call = calls.get(caller);
            for (String name : caller.callees()) {
                Routine callee = resolve(name, call.index());
                if (callee != null && !calls.containsKey(callee)) {
                    calls.put(callee, call);
                    work.add(callee);
                }
            }
        }
    }

    private StatementModel markIfCalled(StatementModel model) {
        for (Map.Entry<Routine, Call> call : calls.entrySet()) {
            if (encloses(call.getKey().model().statement(), model.statement())) {
                return model.calledAt(call.getValue().line());
            }
        }
        return model;
    }

    private static boolean encloses(Statement routine, Statement inner) {
        List<Token> tokens = routine.tokens();
        Token first = tokens.get(0);
        Token last = tokens.get(tokens.size() - 1);
        Token start = inner.firstToken();
        return routine.start().path().equals(inner.start().path())
                && start.offset() > first.offset() && start.offset() < last.endOffset();
    }
}
