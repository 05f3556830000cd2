package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.source.FlywayCallbacks;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays the DDL of the scanned migrations, statement by statement in the order the migration tool applies
 * them, and answers for each statement what the schema looked like just before it ran. A routine's body runs
 * where a replayed statement calls the routine. Statements that do not run with the migration (bodies no statement
 * calls, rollback code) and statements the replay does not understand change nothing; a table or column it has not
 * seen stays unknown.
 *
 * <p>Feed every statement with {@link #apply} first, from one thread; {@link #before} may then be asked from
 * many threads.
 */
public final class SchemaReplay {

    private final SchemaHistory history;
    private final Map<StatementKey, Integer> positions = new HashMap<>();
    /** The body statements a call has run: each is judged where its first call ran it. */
    private final Set<StatementKey> followedBodyStatements = new HashSet<>();
    private final CreatedRoutines routines;
    /** The routines whose body statements follow: one, or the members of a package body. */
    private List<DefinedRoutine> openRoutines = List.of();
    private final BlockSubprograms blockSubprograms;
    /** The names of the routines created so far, and those that a later statement names. */
    private final RoutineWords routineWords;
    private final Set<String> namedRoutines = new HashSet<>();
    /** True while the statements of a Flyway repeatable migration are applied. */
    private boolean applyingRepeatable;
    /** The branch of a block the last statement sat in, and the tables its statements changed. */
    private final ReplayedBranches branches;
    /** The schema as the rollback code being replayed has left it so far; null outside rollback code. */
    private SchemaHistory rollbackTrial;
    private String rollbackScope;
    /** The file of the last statement applied: a statement of another file runs after its session ended. */
    private String lastScript;
    /** The run scope of the last statement of an up script or changeset, whose run ends where another begins. */
    private String lastRunScope = "";
    /** The changesets whose preconditions fail where they stand, which Liquibase does not run. */
    private final ChangeSetPreconditions preconditions = new ChangeSetPreconditions();

    public SchemaReplay() {
        this(FlywayHistoryTable.DEFAULT);
    }

    /** An empty replay in which {@code flywayHistory} names Flyway's history table. */
    SchemaReplay(FlywayHistoryTable flywayHistory) {
        this(new SchemaHistory(flywayHistory), new CreatedRoutines(), new RoutineWords(), new BlockSubprograms());
    }

    private SchemaReplay(SchemaHistory history, CreatedRoutines routines, RoutineWords routineWords,
            BlockSubprograms blockSubprograms) {
        this.history = history;
        this.branches = new ReplayedBranches(history);
        this.blockSubprograms = blockSubprograms;
        this.routines = routines;
        this.routineWords = routineWords;
    }

    /**
     * A replay that starts from the schema as this one has it now and goes its own way: what is applied to
     * it (a down script) does not change this one.
     */
    public SchemaReplay fork() {
        // A down script may call a routine the migrations before it created.
        return new SchemaReplay(history.fork(), routines.fork(), routineWords.fork(), blockSubprograms);
    }

    /** Replays {@code statement} after everything applied so far. */
    public void apply(Statement statement) {
        apply(statement, StatementKey.of(statement));
    }

    /** As {@link #apply(Statement)}, with the statement's key made once for every replay it runs in. */
    void apply(Statement statement, StatementKey key) {
        Location place = statement.start();
        if (place != null && !place.path().equals(lastScript)) {
            history.sessionEnded();
            lastScript = place.path();
        } else if (!statement.context().runScope().equals(lastRunScope)
                && statement.context().kind() != StatementContext.Kind.ROLLBACK) {
            // A Liquibase changeset runs on its own, possibly a release after the one before it in the file.
            history.forgetFilledForRun(true);
        }
        if (statement.context().kind() != StatementContext.Kind.ROLLBACK) {
            lastRunScope = statement.context().runScope();
        }
        boolean rollback = statement.context().kind() == StatementContext.Kind.ROLLBACK
                && !reversesUpSection(statement);
        if (!rollback || !statement.context().runScope().equals(rollbackScope)) {
            rollbackTrial = null;
        }
        if (preconditions.skips(statement, key, history::current)) {
            positions.put(key, history.advance(place));
            return;
        }
        if (rollback && statement.tokens().stream().anyMatch(token -> token.isWord("ALTER"))) {
            // Rollback code runs against the schema its changeset left, and only on rollback: it is judged on a
            // copy, which the changesets after it never see. Its changes run in order, so the copy lasts until
            // the rollback code ends: a column its addColumn brought back has that type for the changes after.
            if (rollbackTrial == null) {
                rollbackTrial = history.fork();
                rollbackScope = statement.context().runScope();
            }
            int position = history.advance(place);
            positions.put(key, position);
            rollbackTrial.advance(place);
            DdlReplay.replayInto(rollbackTrial, statement);
            history.log().retypesFrom(rollbackTrial.log(), position);
            return;
        }
        branches.moveTo(statement.context());
        branches.readIf(statement);
        int position = history.advance(place);
        positions.put(key, position);
        if (rollbackTrial != null) {
            // The copy keeps step with the history, so a retype it finds lands at the statement's position.
            rollbackTrial.advance(place);
            DdlReplay.replayInto(rollbackTrial, statement);
        }
        collectRoutine(statement, position);
        // Containers stay: a Liquibase createTable reaches the replay as one. A DO block or routine container
        // starts with no DDL this reads, and a batch's inner statements follow and are replayed again.
        if (statement.context().runsWithMigration() || reversesUpSection(statement)) {
            if (!wrapsReplayedStatements(statement)) {
                DdlReplay.replayInto(history, statement);
            }
            DeletedToFitNarrowing.selectionOf(statement).ifPresent(history::deletedByLength);
            branches.replayed(statement, position);
            if (!statement.container()) {
                replayCalledBodies(statement, Map.of(), new HashSet<>());
            }
        }
    }

    /**
     * True for a statement of the down section of a goose, sql-migrate or dbmate script. Unlike Liquibase rollback
     * code, which is tried on a copy kept beside the history, the history gives such a section a copy of its own
     * (as it does a down script), so its statements are replayed there in order, as a script's are.
     */
    static boolean reversesUpSection(Statement statement) {
        return statement.context().kind() == StatementContext.Kind.ROLLBACK
                && StatementContext.DOWN_SECTION.equals(statement.context().runScope());
    }

    /**
     * True for a T-SQL {@code IF cond ALTER TABLE ..} or {@code BEGIN ALTER TABLE .. END} that wraps the statements
     * following it: the replay reads the DDL after the IF or BEGIN, but its inner statements are replayed in their
     * turn, and the same change applied twice hides what it changes ({@code ALTER COLUMN note VARCHAR(5)} would then
     * find the column VARCHAR(5) already and lose nothing).
     */
    private static boolean wrapsReplayedStatements(Statement statement) {
        return statement.container() && !statement.tokens().isEmpty()
                && statement.tokens().get(0).isAnyWord("IF", "BEGIN");
    }

    /**
     * Runs the bodies of the routines {@code call} calls, as the database does at the call: their DDL changes the
     * schema from there on, and each body statement is judged against the schema its first call found.
     */
    private void replayCalledBodies(Statement call, Map<String, Token> callerArguments,
            Set<DefinedRoutine> followed) {
        if (routineWords.isEmpty() || !routineWords.anyNamedIn(call) || !RoutineNames.mayCall(call)) {
            return;
        }
        for (String written : RoutineNames.calledNames(call.tokens())) {
            for (String name : RoutineNames.callKeys(written, "")) {
                Optional<DefinedRoutine> called = routineBefore(call, name);
                if (called.isPresent()) {
                    if (called.get().declaredInBlock()) {
                        break; // its statements were replayed where the block that declares it holds them
                    }
                    // Each routine runs once per call of the migration, as the checker follows it, and only so
                    // many: a routine that calls itself, or a web of routines calling each other, ends here.
                    if (followed.size() < RoutineNames.MAX_FOLLOWED && followed.add(called.get())) {
                        replayBody(called.get(), call, callerArguments, followed);
                    }
                    break;
                }
            }
        }
    }

    /**
     * Runs {@code routine}'s body as {@code call} runs it: a helper that builds {@code ALTER TABLE} from its
     * parameters changes the table and column the call's literals name.
     */
    private void replayBody(DefinedRoutine routine, Statement call, Map<String, Token> callerArguments,
            Set<DefinedRoutine> followed) {
        Map<String, Token> arguments = routine.argumentsAt(call, callerArguments);
        Map<Location, StatementKey> asWritten = new HashMap<>();
        routine.body().forEach(statement -> asWritten.put(statement.start(), StatementKey.of(statement)));
        for (Statement inner : routine.bodyAt(call, callerArguments)) {
            branches.moveTo(inner.context());
            int position = history.advance(inner.start());
            // The body as written is judged where its first call ran it, the literals of that call aside.
            for (StatementKey key : new LinkedHashSet<>(Arrays.asList(StatementKey.of(inner),
                    asWritten.get(inner.start())))) {
                if (key != null && followedBodyStatements.add(key)) {
                    positions.put(key, position);
                }
            }
            DdlReplay.replayInto(history, inner);
            branches.replayed(inner, position);
            replayCalledBodies(inner, arguments, followed);
        }
    }

    /**
     * The columns {@code statement} gives a type, read from it alone: for a statement no replay followed,
     * so that a message can still name the new type. Their old types are unknown for {@code reason}.
     */
    public static List<ColumnRetype> retypesAlone(Statement statement, String reason) {
        SchemaHistory alone = new SchemaHistory();
        int position = alone.advance(null);
        DdlReplay.replayInto(alone, statement);
        return alone.retypesAt(position).stream().map(retype -> retype.unknownBecause(reason)).toList();
    }

    /**
     * The columns {@code statement} of a routine's body gives a type, judged against the tables it alters as
     * {@code atCall}, the schema where a call runs the body, has them: {@code CALL widen('orders')} of a helper
     * that prepares {@code ALTER TABLE orders MODIFY c INT} is judged against the type {@code c} has there. Empty
     * when a type it changes is not known there, so that the finding says why the body went without the schema;
     * when {@code bodyRanNothingYet} and the only unknown types are those of tables no statement before the call
     * created, the changes say that instead.
     */
    public static List<ColumnRetype> retypesAtCall(SchemaView atCall, Statement statement,
            boolean bodyRanNothingYet) {
        List<Token> tokens = statement.tokens();
        int main = DdlReplay.mainKeyword(tokens);
        if (main >= tokens.size() || !tokens.get(main).isWord("ALTER")) {
            return List.of();
        }
        SchemaHistory seeded = new SchemaHistory();
        seeded.advance(null);
        DestroyedTables.of(tokens, main).forEach(table -> atCall.table(table).ifPresent(seeded::put));
        int position = seeded.advance(null);
        DdlReplay.replayInto(seeded, statement);
        List<ColumnRetype> retypes = seeded.retypesAt(position);
        if (retypes.stream().allMatch(retype -> retype.from().isPresent())) {
            return retypes;
        }
        // A schema change the body made before this statement may have created the table: only where it made none
        // is a table absent at the call the reason its type is unknown.
        if (!bodyRanNothingYet || retypes.stream()
                .anyMatch(retype -> retype.from().isEmpty() && atCall.table(retype.table()).isPresent())) {
            return List.of();
        }
        return retypes.stream().map(retype -> retype.from().isPresent() ? retype
                : retype.unknownBecause("table " + SchemaNames.unquoted(retype.table())
                        + " is not created by the migrations that run before the call")).toList();
    }

    /**
     * Remembers the procedures and functions the migrations create, with their bodies: a later migration that
     * calls one runs its body.
     */
    private void collectRoutine(Statement statement, int position) {
        if (statement.container() && statement.context().runsWithMigration()) {
            RoutineNames.Definition definition = RoutineNames.definition(statement.tokens());
            if (definition != null) {
                openRoutines = definition.isPackage()
                        ? definition.members().stream().map(member -> new DefinedRoutine(member.name(), statement,
                                member.fromOffset(), member.toOffset())).toList()
                        : List.of(new DefinedRoutine(definition.name(), statement));
                boolean everyDeploy = applyingRepeatable
                        || FlywayCallbacks.isCallbackLabel(statement.context().label());
                for (DefinedRoutine routine : openRoutines) {
                    routines.add(position, routine, everyDeploy);
                    routineWords.add(routine.word());
                }
                return;
            }
            List<DefinedRoutine> declared = blockSubprograms.declaredIn(statement);
            if (!declared.isEmpty()) {
                openRoutines = declared;
                declared.forEach(routine -> routineWords.add(routine.word()));
                return;
            }
        }
        if (statement.context().kind() == StatementContext.Kind.ROUTINE_BODY
                || statement.context().kind() == StatementContext.Kind.EXECUTED_BLOCK) {
            for (DefinedRoutine routine : openRoutines) {
                if (routine.addIfInside(statement)) {
                    break;
                }
            }
        }
        if (statement.context().kind() == StatementContext.Kind.ROUTINE_BODY) {
            return;
        }
        if (!routineWords.isEmpty() && statement.context().runsWithMigration() && !statement.container()
                && RoutineNames.mayCall(statement)) {
            // A call needs the name; a word that only looks like it keeps a body that is not needed, which costs
            // nothing but memory. A statement that names a routine without running it (DROP FUNCTION f(int),
            // CREATE TRIGGER .. EXECUTE FUNCTION f(), GRANT EXECUTE ON f) is never followed into its body: keeping
            // every trigger function's body held a sixth of what stays reachable while a large project is checked.
            routineWords.namedIn(statement, namedRoutines);
        }
    }

    /** The names of the routines this replay met. */
    RoutineWords routineWords() {
        return routineWords;
    }

    /**
     * Lets go of the bodies of the routines these replays met that no later statement of any of them names,
     * directly or through the body of a routine it names: a call of one runs the other. A fork shares the routines
     * it inherited with the replay it came from, so a body is kept while any replay that has it may call it.
     */
    static void forgetBodiesNotCalled(List<SchemaReplay> replays) {
        Set<DefinedRoutine> met = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, List<DefinedRoutine>> byName = new HashMap<>();
        RoutineWords names = new RoutineWords();
        Set<String> kept = new HashSet<>();
        for (SchemaReplay replay : replays) {
            names.addAll(replay.routineWords);
            kept.addAll(replay.namedRoutines);
            Iterable<CreatedRoutines.Created> everyCreated = replay.routines.all()::iterator;
            for (CreatedRoutines.Created created : everyCreated) {
                if (met.add(created.routine())) {
                    byName.computeIfAbsent(created.routine().word(), k -> new ArrayList<>()).add(created.routine());
                }
                // A call of a repeatable migration's routine may come before it in the replay order: keep its body.
                if (created.repeatable()) {
                    kept.add(created.routine().word());
                }
            }
        }
        Deque<String> toRead = new ArrayDeque<>(kept);
        while (!toRead.isEmpty()) {
            Set<String> called = new HashSet<>();
            for (DefinedRoutine routine : byName.getOrDefault(toRead.poll(), List.of())) {
                routine.body().stream().filter(RoutineNames::mayCall).forEach(inner -> names.namedIn(inner, called));
            }
            called.stream().filter(kept::add).forEach(toRead::add);
        }
        met.stream().filter(routine -> !kept.contains(routine.word())).forEach(DefinedRoutine::forgetBody);
    }

    /**
     * The routine named {@code name} (normalized, as {@link RoutineNames#callKeys} gives it) that the latest
     * statement replayed before {@code call} created, else the one a Flyway repeatable migration creates: Flyway
     * runs repeatable migrations after the versioned ones of the same deploy, but a versioned migration added
     * later runs after the repeatable one an earlier deploy ran, and calls what it created.
     */
    public Optional<DefinedRoutine> routineBefore(Statement call, String name) {
        List<DefinedRoutine> overloads = DefinedRoutine.reachedBy(call, routinesBefore(call, name));
        return overloads.isEmpty() ? Optional.empty() : Optional.of(overloads.get(overloads.size() - 1));
    }

    /**
     * Like {@link #routineBefore}, but every routine of that name the same statement created: an Oracle package
     * overloads a member name, and which overload a call reaches depends on its arguments' types, which only the
     * database knows, so each of them may run. So do the PostgreSQL overloads that earlier statements created
     * with other numbers of parameters, which a later one of that name leaves in place.
     */
    public List<DefinedRoutine> routinesBefore(Statement call, String name) {
        Integer position = positions.get(StatementKey.of(call));
        if (position == null) {
            return List.of();
        }
        List<DefinedRoutine> local = blockSubprograms.reachedBy(call, name);
        return local.isEmpty() ? routines.before(position, name) : local;
    }

    /** Tells the replay whether the statements that follow belong to a Flyway repeatable migration. */
    void applyingRepeatable(boolean repeatable) {
        applyingRepeatable = repeatable;
    }

    /** The schema just before {@code statement}; {@link SchemaView#UNKNOWN} for a statement never applied. */
    public SchemaView before(Statement statement) {
        Integer position = positions.get(StatementKey.of(statement));
        return position == null ? SchemaView.UNKNOWN : history.before(position);
    }

    /** The schema before {@code statement} and the column types it changes. */
    public SchemaFacts factsFor(Statement statement) {
        Integer position = positions.get(StatementKey.of(statement));
        return position == null ? SchemaFacts.UNKNOWN
                : new SchemaFacts(history.before(position), history.retypesAt(position))
                        .notRunBecause(preconditions.notRun(StatementKey.of(statement)));
    }

    /** The schema after every statement applied so far. */
    public SchemaView current() {
        return history.before(Integer.MAX_VALUE);
    }
}
