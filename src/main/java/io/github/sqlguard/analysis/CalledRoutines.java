package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * A routine the script defines, where, and the names its body calls: a procedure or function, or one member
     * of an Oracle package body, known by its {@code package.member} name and the text it spans. One definition
     * is one routine: it is known by its statement's index and where its text starts, not by its contents,
     * which the generated record methods would hash whole (its model's every token) and which grow as its body
     * is read.
     */
    private record Routine(StatementModel model, int index, String name, int fromOffset, int toOffset,
            Set<String> callees) {

        boolean encloses(Statement inner) {
            Token start = inner.firstToken();
            return model.statement().start().path().equals(inner.start().path())
                    && start.offset() > fromOffset && start.offset() < toOffset;
        }

        /**
         * True when {@code later}, defined after this routine under its name, leaves it in place: PostgreSQL keeps
         * overloads with other numbers of parameters side by side.
         */
        boolean standsBeside(Routine later) {
            int arity = overloadArity();
            int laterArity = later.overloadArity();
            return arity >= 0 && laterArity >= 0 && arity != laterArity;
        }

        /** How many arguments a call passes it where overloads differ so (PostgreSQL); -1 elsewhere. */
        private int overloadArity() {
            Statement definition = model.statement();
            boolean overloads = definition.dialect() == Dialect.POSTGRESQL || definition.dialect() == Dialect.AUTO;
            return overloads ? CallArguments.inputParameterCount(definition.tokens(), fromOffset) : -1;
        }

        /** False when {@code call} passes a number of arguments this routine cannot take. */
        boolean mayTakeArgumentsOf(Statement call) {
            return CallArguments.mayTake(model.statement().tokens(), fromOffset, call.tokens(),
                    RoutineNames.lastPart(name));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Routine that && index == that.index && fromOffset == that.fromOffset;
        }

        @Override
        public int hashCode() {
            return 31 * index + fromOffset;
        }
    }

    /**
     * Where the migration first reaches a routine: the line of the call and the statement's index; {@code
     * onRollback} for a call in rollback code, which runs the body only when somebody rolls back.
     */
    private record Call(String line, int index, boolean onRollback) {
        Call(String line, int index) {
            this(line, index, false);
        }
    }

    private final Map<String, List<Routine>> byName = new HashMap<>();
    private final List<Routine> routines = new ArrayList<>();
    private final Map<Routine, Call> calls = new LinkedHashMap<>();
    /** The triggers the script created so far, whose code the statements on their tables run. */
    private final List<TriggerFirings.Trigger> triggers = new ArrayList<>();
    /**
     * The body of each trigger written inline (MySQL, Oracle, SQLite), by the trigger; kept apart from the routines
     * by name, as nothing calls a trigger.
     */
    private final Map<TriggerFirings.Trigger, Routine> inlineTriggerBodies = new HashMap<>();
    /** The routines of the last definition read, whose body statements follow it; none for a nameless one. */
    private List<Routine> lastRoutines = List.of();

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
        if (model.placement().runsWithMigration()) {
            TriggerFirings.Trigger trigger = TriggerFirings.definition(statement.tokens());
            if (trigger != null) {
                triggers.add(trigger);
                if (trigger.hasInlineBody() && statement.container()) {
                    lastRoutines = List.of(inlineTriggerBody(model, index, trigger));
                }
                return;
            }
            if (!statement.container()) {
                fireTriggers(statement, index);
            }
        }
        if (model.kind() == StatementKind.ROUTINE && statement.container()) {
            RoutineNames.Definition definition = RoutineNames.definition(statement.tokens());
            lastRoutines = definition == null ? List.of() : define(model, index, definition);
            return;
        }
        if (routines.isEmpty() || statement.container() || !model.mayCallRoutines()) {
            return;
        }
        List<String> called = RoutineNames.calledNames(statement.tokens());
        if (called.isEmpty()) {
            return;
        }
        boolean onRollback = model.placement() == Placement.ROLLBACK;
        if (model.placement().runsWithMigration() || onRollback) {
            Call call = new Call(placeOf(statement, "") + (onRollback ? StatementModel.ON_ROLLBACK : ""),
                    index, onRollback);
            for (String name : called) {
                for (Routine routine : reachedBy(statement, resolve(name, index, ""))) {
                    // A routine rollback code creates exists only after a rollback: only rollback code calls it.
                    if (onRollback || routine.model().placement() != Placement.ROLLBACK) {
                        record(routine, call);
                    }
                }
            }
        } else if (model.placement() == Placement.ROUTINE_BODY) {
            for (Routine caller : lastRoutines) {
                if (caller.encloses(statement)) {
                    caller.callees().addAll(called);
                    break;
                }
            }
        }
    }

    /**
     * An INSERT, UPDATE, DELETE, TRUNCATE, MERGE or COPY of a table that a trigger of the script watches runs the
     * trigger's code now, as a call of it would: PostgreSQL's function, or the body written inline.
     */
    private void fireTriggers(Statement statement, int index) {
        TriggerFirings.Firing firing = triggers.isEmpty() ? null : TriggerFirings.firing(statement.tokens());
        if (firing == null) {
            return;
        }
        for (TriggerFirings.Trigger trigger : triggers) {
            if (trigger.table().equals(firing.table())
                    && firing.events().stream().anyMatch(trigger.events()::contains)) {
                Call call = new Call(placeOf(statement, ", through trigger " + trigger.name()), index);
                List<Routine> fired = trigger.hasInlineBody()
                        ? Optional.ofNullable(inlineTriggerBodies.get(trigger)).stream().toList()
                        : resolve(trigger.function(), index, "");
                for (Routine routine : fired) {
                    record(routine, call);
                }
            }
        }
    }

    /**
     * Where a call, or a write that fires a trigger, stands: its line, then {@code how}. A MySQL event's body or a
     * scheduled job's command runs it on its schedule, after the migration, so the place names that body too.
     */
    private static String placeOf(Statement statement, String how) {
        StatementContext context = statement.context();
        return "line " + statement.start().line() + how
                + (context.runsOnSchedule() && !context.label().isEmpty() ? ", from " + context.label() : "");
    }

    private Routine inlineTriggerBody(StatementModel model, int index, TriggerFirings.Trigger trigger) {
        List<Token> tokens = model.statement().tokens();
        Routine body = new Routine(model, index, trigger.name(), tokens.get(0).offset(),
                tokens.get(tokens.size() - 1).endOffset(), new HashSet<>());
        routines.add(body);
        inlineTriggerBodies.put(trigger, body);
        return body;
    }

    private List<Routine> define(StatementModel model, int index, RoutineNames.Definition definition) {
        List<Routine> defined = new ArrayList<>();
        if (definition.isPackage()) {
            for (RoutineNames.Member member : definition.members()) {
                // Calling a member first runs the package's initialization section, known by the package's name.
                Set<String> callees = new HashSet<>();
                if (!member.name().equals(definition.name())) {
                    callees.add(definition.name());
                }
                defined.add(new Routine(model, index, member.name(), member.fromOffset(), member.toOffset(),
                        callees));
            }
        } else {
            List<Token> tokens = model.statement().tokens();
            defined.add(new Routine(model, index, definition.name(), tokens.get(0).offset(),
                    tokens.get(tokens.size() - 1).endOffset(), new HashSet<>()));
        }
        for (Routine routine : defined) {
            routines.add(routine);
            byName.computeIfAbsent(routine.name(), k -> new ArrayList<>()).add(routine);
        }
        return defined;
    }

    /**
     * The routines a call at statement {@code index} reaches: the latest definition before it, every overload of
     * the name when a package defines several (which one runs depends on the arguments' types), and the PostgreSQL
     * overloads with other numbers of parameters that earlier definitions left in place. A name qualified
     * by a package of the script ({@code maint.wipe}) is that package's member, and so is a sibling's name
     * called from inside a member ({@code caller}); any other qualifier is a schema.
     */
    private List<Routine> resolve(String written, int index, String caller) {
        for (String key : RoutineNames.callKeys(written, caller)) {
            List<Routine> latest = new ArrayList<>();
            for (Routine routine : byName.getOrDefault(key, List.of())) {
                if (routine.index() < index) {
                    latest.removeIf(earlier -> earlier.index() != routine.index() && !earlier.standsBeside(routine));
                    latest.add(routine);
                }
            }
            if (!latest.isEmpty()) {
                return latest;
            }
        }
        return List.of();
    }

    /**
     * The overloads among {@code routines} that {@code call} may run, as its number of arguments tells them apart;
     * all of them when it fits none.
     */
    private static List<Routine> reachedBy(Statement call, List<Routine> routines) {
        if (routines.size() < 2) {
            return routines;
        }
        List<Routine> fitting = routines.stream().filter(routine -> routine.mayTakeArgumentsOf(call)).toList();
        return fitting.isEmpty() ? routines : fitting;
    }

    /** A routine whose body the migration runs runs the routines its body calls, when it runs. */
    private void followCallsInBodies() {
        Deque<Routine> work = new ArrayDeque<>(calls.keySet());
        while (!work.isEmpty()) {
            Routine caller = work.poll();
            Call call = calls.get(caller);
            for (String name : caller.callees()) {
                for (Routine callee : resolve(name, call.index(), caller.name())) {
                    if (record(callee, call)) {
                        work.add(callee);
                    }
                }
            }
        }
    }

    /**
     * Remembers that {@code call} reaches {@code routine}, unless an earlier call does already: a call the migration
     * runs wins over one that only a rollback runs. True when it was remembered.
     */
    private boolean record(Routine routine, Call call) {
        Call known = calls.get(routine);
        if (known == null || known.onRollback() && !call.onRollback()) {
            calls.put(routine, call);
            return true;
        }
        return false;
    }

    private StatementModel markIfCalled(StatementModel model) {
        for (Map.Entry<Routine, Call> call : calls.entrySet()) {
            if (call.getKey().encloses(model.statement())) {
                return model.calledAt(call.getValue().line());
            }
        }
        return model;
    }
}
