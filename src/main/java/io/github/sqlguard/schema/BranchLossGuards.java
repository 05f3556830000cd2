package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.sql.DynamicSqlRunners;
import io.github.sqlguard.sql.RowLoop;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@link LossGuards} of every run scope of one script, kept apart for each arm of a branching body: what a
 * statement of one arm establishes ({@code IF .. THEN ALTER TABLE t ADD c}) holds for the later statements of
 * that arm only, not for those of the {@code ELSE} arm, nor after the branch, where it may not have run. An
 * arm starts from what the statements that certainly ran before it established. One fact outlives its arm: a
 * column an arm added to a table the replay knew in full without it ({@code IF COL_LENGTH('t', 'c') IS NULL ALTER
 * TABLE t ADD c}) either exists and holds only what was written after the branch, or does not exist at all.
 */
public final class BranchLossGuards {

    private final Map<String, LossGuards> guards = new HashMap<>();
    private final BodiesRunWhereDefined runWhereDefined;
    /** Where the script's runs start ({@link io.github.sqlguard.analysis.TableNamespace}). */
    private final TableNamespace.Names start;
    /** The routines whose calls may check tables are empty ({@link CalledEmptinessChecks}). */
    private final EarlierRoutines routines;
    /** The routines the script defines, whose calls write only what their bodies may write. */
    private final CalledBodiesHere calledHere;
    /**
     * What certainly ran, by run scope: the statements outside any branch, in order, with the schema before, and
     * the columns branches added to tables that lacked them.
     */
    private final Map<String, List<Consumer<LossGuards>>> certain = new HashMap<>();
    /**
     * By run scope: the guards of the arms whose statements ran since the last statement outside any branch, by arm,
     * in order.
     */
    private final Map<String, Map<String, LossGuards>> armsSinceCertain = new HashMap<>();
    /** By run scope: the schema as the first of those arms found it. */
    private final Map<String, SchemaView> beforeBranches = new HashMap<>();
    /**
     * By run scope: the schema before the last statement outside any branch, when that statement holds a block (a
     * T-SQL {@code IF .. ALTER TABLE ..}, whose change the replay may apply with the block's own statement).
     */
    private final Map<String, SchemaView> beforeBlock = new HashMap<>();
    /**
     * By run scope: the table whose rows the last statement outside any branch requires for its branch to run
     * ({@link SourceRowsCondition}), while that branch's statements follow.
     */
    private final Map<String, String> rowsRequired = new HashMap<>();
    /**
     * By row loop ({@link #loopOf}): the variables an INSERT of the loop filled with RETURNING while it carried the
     * key of the loop's row, each with the record's column it stands for ({@link RowLoopCopy#keyVariable}).
     */
    private final Map<String, Map<String, String>> loopKeyVariables = new HashMap<>();
    /** The last block or routine definition observed, in any scope: the definition of the body that follows it. */
    private Statement lastContainer;
    /**
     * What certainly ran before a call whose routine body these guards follow ({@link #forBodyCalledAt}), and the
     * run scope of that call; empty when the body starts from nothing.
     */
    private List<Consumer<LossGuards>> beforeCall = List.of();
    private String callScope = "";

    /** Guards in which every routine body keeps a run of its own. */
    public BranchLossGuards() {
        this(BodiesRunWhereDefined.none());
    }

    /** Guards in which the bodies {@code runWhereDefined} accepts start from the script's state there. */
    public BranchLossGuards(BodiesRunWhereDefined runWhereDefined) {
        this(runWhereDefined, TableNamespace.Names.DEFAULT);
    }

    /** As {@link #BranchLossGuards(BodiesRunWhereDefined)}, each run starting where {@code start} says. */
    public BranchLossGuards(BodiesRunWhereDefined runWhereDefined, TableNamespace.Names start) {
        this(runWhereDefined, start, EarlierRoutines.NONE);
    }

    /**
     * As {@link #BranchLossGuards(BodiesRunWhereDefined, TableNamespace.Names)}, where a call of one of
     * {@code routines} whose body only checks tables are empty counts as that check.
     */
    public BranchLossGuards(BodiesRunWhereDefined runWhereDefined, TableNamespace.Names start,
            EarlierRoutines routines) {
        this(runWhereDefined, start, routines, CalledBodiesHere.NONE);
    }

    /**
     * As {@link #BranchLossGuards(BodiesRunWhereDefined, TableNamespace.Names, EarlierRoutines)}, where a call of
     * routines the script defined ({@code calledHere}) forgets what was known of the tables their bodies may write
     * only, not of every table.
     */
    public BranchLossGuards(BodiesRunWhereDefined runWhereDefined, TableNamespace.Names start,
            EarlierRoutines routines, CalledBodiesHere calledHere) {
        this.runWhereDefined = runWhereDefined;
        this.start = start;
        this.routines = routines;
        this.calledHere = calledHere;
    }

    /**
     * Guards for the body of a routine an earlier migration created, which {@code call} (a statement these guards
     * follow, not yet observed) runs now: the body starts from what certainly ran before the call in the call's run
     * ({@code INSERT INTO t_archive SELECT * FROM t; CALL purge_t();} keeps the rows the body then deletes). A call
     * in one arm of a branch starts the body from nothing, as what the arm did may not be all that ran.
     */
    public BranchLossGuards forBodyCalledAt(Statement call) {
        BranchLossGuards body = new BranchLossGuards(BodiesRunWhereDefined.none(), start, routines);
        if (call.context().branch() == null) {
            of(call); // the branches before the call have ended: their outcome is certain now
            body.beforeCall = List.copyOf(certain.getOrDefault(scopeOf(call), List.of()));
            body.callScope = call.context().runScope();
        }
        return body;
    }

    /** The guards that hold for {@code statement}. */
    public LossGuards of(Statement statement) {
        String scope = scopeOf(statement);
        String arm = statement.context().branch();
        if (arm == null) {
            LossGuards inScope = guards.computeIfAbsent(scope, key -> created(statement));
            branchesEnded(scope, inScope);
            return inScope;
        }
        LossGuards known = guards.get(scope + '\u0000' + arm);
        if (known != null) {
            return known;
        }
        LossGuards inArm = created(statement);
        certain.getOrDefault(scope, List.of()).forEach(seen -> seen.accept(inArm));
        outcomeOfArms(scope).forEach(step -> step.accept(inArm));
        guards.put(scope + '\u0000' + arm, inArm);
        return inArm;
    }

    /**
     * The branches since the last statement outside any branch of {@code scope} have ended, and any of them may
     * have run: what {@link #outcomeOfArms} says holds from here on.
     */
    private void branchesEnded(String scope, LossGuards inScope) {
        List<Consumer<LossGuards>> outcome = outcomeOfArms(scope);
        armsSinceCertain.remove(scope);
        beforeBranches.remove(scope);
        outcome.forEach(step -> step.accept(inScope));
        certain.computeIfAbsent(scope, k -> new ArrayList<>()).addAll(outcome);
    }

    /**
     * What the arms since the last statement outside any branch of {@code scope} leave behind, whichever of them
     * ran: a column one of them wrote is no longer unwritten, and the columns one added to a table known in full
     * without them, and left unwritten, count as added and unwritten. A later arm starts from it too (T-SQL goes on
     * after a failed statement, so each statement of an IF's BEGIN .. END is an arm of its own).
     */
    private List<Consumer<LossGuards>> outcomeOfArms(String scope) {
        Map<String, LossGuards> byArm = armsSinceCertain.get(scope);
        SchemaView before = beforeBranches.get(scope);
        if (byArm == null || before == null) {
            return List.of();
        }
        Collection<LossGuards> arms = byArm.values();
        List<Consumer<LossGuards>> outcome = new ArrayList<>();
        arms.forEach(inArm -> outcome.add(scoped -> scoped.branchEnded(inArm)));
        for (LossGuards inArm : arms) {
            inArm.addedUnwrittenColumns().forEach((table, columns) -> {
                Set<String> lacked = new LinkedHashSet<>(columns);
                lacked.removeIf(column -> before.table(table).filter(Table::complete)
                        .map(known -> known.column(column).isPresent()).orElse(true));
                if (!lacked.isEmpty()) {
                    outcome.add(scoped -> scoped.addedInBranch(table, lacked));
                }
            });
        }
        return outcome;
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
            return fresh(context.runScope());
        }
        LossGuards inBody;
        if (!beforeCall.isEmpty()) {
            // A body followed at its call runs as part of the calling run, after what ran there.
            LossGuards afterCall = fresh(callScope);
            beforeCall.forEach(seen -> seen.accept(afterCall));
            inBody = afterCall;
        } else if (runWhereDefined.test(statement)) {
            // Called on the line after its definition: it runs as part of the script, on what the script did so far.
            inBody = fresh(context.runScope());
            certain.getOrDefault(context.runScope(), List.of()).forEach(seen -> seen.accept(inBody));
        } else {
            inBody = LossGuards.inRoutineBody(context.label(), routines);
            inBody.calledHere = calledHere;
        }
        // The body's first statement follows its definition, whose text holds a check before a later statement.
        inBody.lastContainer = lastContainer;
        return inBody;
    }

    /** New guards of the run scope {@code runScope}, before any statement. */
    private LossGuards fresh(String runScope) {
        LossGuards created = new LossGuards(runScope, start, routines);
        created.calledHere = calledHere;
        return created;
    }

    /** The row loop {@code statement} runs in, by its scope and where its query stands; "" outside any. */
    private static String loopOf(Statement statement) {
        StatementContext.Body body = statement.context().body();
        RowLoop loop = body == null ? null : body.loopOverEveryRow();
        return loop == null || loop.query().isEmpty() ? ""
                : scopeOf(statement) + '\u0000' + loop.query().get(0).offset();
    }

    private static boolean isRoutineBody(StatementContext context) {
        return context.kind() == StatementContext.Kind.ROUTINE_BODY && context.body() != null;
    }

    /**
     * Records what {@code ran}, a statement of an earlier migration's routine body that {@code call} ran, establishes
     * for the statements after the call, as if the script had written it there: the {@code ALTER TABLE .. ADD
     * COLUMN} of a helper the script calls adds a column to this script's run, and a copy it makes keeps rows
     * until a later statement of it empties the copy. So does a statement of a body this script defined.
     */
    public void observeRunBy(Statement call, Statement ran, SchemaView before) {
        if (DynamicSqlRunners.runsVariableTextReadHere(ran, DestroyedTables.mainKeyword(ran.tokens()))) {
            // The statements of the text it runs follow it among those the call ran, and are observed one by one;
            // at the call, outside the body that declares the variable, it would look like a call of a routine.
            return;
        }
        Statement atCall = new Statement(ran.sql(), call.start(), ran.tokens(), call.context(), ran.dialect(),
                ran.container(), ran.written(), ran.runtimeSql(), ran.unvaluedPlaceholders());
        of(call).observeWithoutModel(atCall, before);
        if (call.context().branch() == null) {
            certain.computeIfAbsent(scopeOf(call), k -> new ArrayList<>()).add(scoped -> scoped.observeWithoutModel(
                    atCall, before));
        }
    }

    /**
     * Records what {@code model}'s statement establishes, for the later statements it certainly ran before;
     * {@code replayed} is the schema the replay gave it (for a routine body statement, the one its first call found).
     */
    public void observe(StatementModel model, SchemaView replayed) {
        Statement statement = model.statement();
        // A routine body runs when it is called, on the schema of that moment rather than of its definition: only
        // a body called once, right after its definition, runs on the schema its one call found.
        boolean body = statement.context().kind() == StatementContext.Kind.ROUTINE_BODY;
        SchemaView before = body && !(isRoutineBody(statement.context()) && runWhereDefined.test(statement))
                ? SchemaView.UNKNOWN : replayed;
        LossGuards own = of(statement);
        own.observe(model, before);
        if (statement.container()) {
            lastContainer = statement;
        }
        String scope = scopeOf(statement);
        String arm = statement.context().branch();
        if (arm == null) {
            certain.computeIfAbsent(scope, k -> new ArrayList<>()).add(scoped -> scoped.observe(model, before));
            if (statement.container()) {
                beforeBlock.put(scope, before);
            } else {
                beforeBlock.remove(scope);
            }
            Optional<String> required = SourceRowsCondition.tableOf(statement);
            required.ifPresentOrElse(table -> rowsRequired.put(scope, table), () -> rowsRequired.remove(scope));
        } else {
            // A branch that may have run may have filled a table an earlier block checked was empty.
            LossGuards inScope = guards.get(scope);
            if (inScope != null) {
                inScope.checkedEmpty.observe(statement, () -> inScope.lineOf(statement));
                certain.computeIfAbsent(scope, k -> new ArrayList<>()).add(scoped -> scoped.checkedEmpty.observe(
                        statement, () -> scoped.lineOf(statement)));
            }
            beforeBranches.putIfAbsent(scope, beforeBlock.getOrDefault(scope, before));
            armsSinceCertain.computeIfAbsent(scope, k -> new LinkedHashMap<>()).putIfAbsent(arm, own);
            // A copy that runs whenever its source has rows either copied them or found none: it holds after the IF
            String required = rowsRequired.get(scope);
            if (required != null && SourceRowsCondition.copiesFrom(statement, required)) {
                guards.computeIfAbsent(scope, key -> created(statement)).observe(model, before);
                certain.computeIfAbsent(scope, k -> new ArrayList<>()).add(scoped -> scoped.observe(model, before));
            }
            // An INSERT a loop runs for every row of its query copies them wherever the loop runs, as INSERT .. SELECT
            Map<String, String> keyVariables = loopKeyVariables.computeIfAbsent(loopOf(statement),
                    k -> new HashMap<>());
            RowLoopCopy.asInsertSelect(statement, Map.copyOf(keyVariables)).ifPresent(copy -> {
                String copyScope = scopeOf(copy);
                guards.computeIfAbsent(copyScope, key -> created(copy)).observe(copy, before);
                certain.computeIfAbsent(copyScope, k -> new ArrayList<>()).add(scoped -> scoped.observe(copy, before));
            });
            RowLoopCopy.keyVariable(statement, before).ifPresent(bound -> keyVariables.put(bound.getKey(),
                    bound.getValue()));
        }
    }
}
