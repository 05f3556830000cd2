package io.github.sqlguard;

import static io.github.sqlguard.StatementPlacement.contextNote;
import static io.github.sqlguard.StatementPlacement.lowered;

import io.github.sqlguard.analysis.KnownVariableSwitch;
import io.github.sqlguard.analysis.Placement;
import io.github.sqlguard.analysis.RoutineNames;
import io.github.sqlguard.analysis.ScriptAnalysis;
import io.github.sqlguard.analysis.StatementKind;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.rules.Rule;
import io.github.sqlguard.rules.Violation;
import io.github.sqlguard.schema.BranchLossGuards;
import io.github.sqlguard.schema.DefinedRoutine;
import io.github.sqlguard.schema.EarlierRoutines;
import io.github.sqlguard.schema.Guard;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.schema.SchemaReplay;
import io.github.sqlguard.schema.SchemaView;
import io.github.sqlguard.schema.TemporaryKeeper;
import io.github.sqlguard.schema.TemporaryTableCleanup;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The findings at a statement that calls routines earlier migrations created: their bodies run at the call, with
 * the call's literals, on the schema where the call runs, and the routines they call run too.
 */
final class EarlierRoutineCalls {

    private final List<Rule> rules;
    private final Function<RuleInfo, Optional<Severity>> configuredSeverity;
    private final ScriptAnalysis analysis;

    EarlierRoutineCalls(List<Rule> rules, Function<RuleInfo, Optional<Severity>> configuredSeverity,
            ScriptAnalysis analysis) {
        this.rules = rules;
        this.configuredSeverity = configuredSeverity;
        this.analysis = analysis;
    }

    /**
     * A statement that calls a routine an earlier migration created runs its body now: what the body destroys is
     * reported at the call (into {@code found}), which is where it can be fixed or acknowledged, with the place in
     * the body. A routine this script defines itself is followed by the script's own analysis instead. True when
     * the statement calls such a routine. The body statements the call runs go to {@code ran}, but for those of
     * the call's own text that the script reads in place ({@code readInPlace}), which are judged there.
     */
    boolean follow(StatementModel call, Set<String> definedHere,
            EarlierRoutines earlierRoutines, Severity ceiling,
            ScriptMode rollbacks, Map<Location, String> statementSql, List<Finding> found, SchemaView atCall,
            List<Statement> ran, TextReadInPlace readInPlace, BranchLossGuards callerGuards) {
        Statement statement = call.statement();
        if (!earlierRoutines.mayCall(statement)) {
            return false;
        }
        int firstOfCall = found.size();
        RoutineCall routineCall = new RoutineCall(call, earlierRoutines, ceiling, rollbacks, statementSql, found,
                atCall, ran, readInPlace, callerGuards);
        for (String written : RoutineNames.calledNames(statement.tokens())) {
            List<DefinedRoutine> earlier = routineCall.reached(written, "", definedHere);
            for (DefinedRoutine routine : DefinedRoutine.reachedBy(statement,
                    earlier.isEmpty() ? routineCall.reached(written, "", Set.of()) : earlier)) {
                boolean here = routine.createdInScriptOf(statement);
                if ((here ? LiteralCallsHere.runsWhereWritten(call)
                        && LiteralCallsHere.followsWithLiterals(routine, statement) : earlier.contains(routine))
                        && routineCall.followed.add(routine)) {
                    routineCall.follow(routine, statement, Map.of(), "", routine.shownName());
                }
            }
        }
        CallSiteFindings.mergeFrom(found, firstOfCall);
        return !routineCall.followed.isEmpty();
    }

    /**
     * One call of earlier routines being followed: the routines its bodies call run too, as the database resolves
     * them when the call runs, each once.
     */
    private final class RoutineCall {

        private final StatementModel call;
        private final EarlierRoutines earlierRoutines;
        private final Severity ceiling;
        private final ScriptMode rollbacks;
        private final Map<Location, String> statementSql;
        private final List<Finding> found;
        /** The routines followed so far, each once: overloads share a name, so they are told apart by identity. */
        private final Set<DefinedRoutine> followed = new HashSet<>();
        /** The schema where the call runs the bodies: a type change in one is judged against it. */
        private final SchemaView atCall;
        /** The body statements the call runs, in order, as the call's literals make them. */
        private final List<Statement> ran;
        /** The statements of the call's text the script reads where they are written. */
        private final TextReadInPlace readInPlace;
        /** The guards of the calling script, where what ran before the call keeps what the called body destroys. */
        private final BranchLossGuards callerGuards;

        RoutineCall(StatementModel call, EarlierRoutines earlierRoutines, Severity ceiling, ScriptMode rollbacks,
                Map<Location, String> statementSql, List<Finding> found, SchemaView atCall, List<Statement> ran,
                TextReadInPlace readInPlace, BranchLossGuards callerGuards) {
            this.callerGuards = callerGuards;
            this.atCall = atCall;
            this.ran = ran;
            this.readInPlace = readInPlace;
            this.call = call;
            this.earlierRoutines = earlierRoutines;
            this.ceiling = ceiling;
            this.rollbacks = rollbacks;
            this.statementSql = statementSql;
            this.found = found;
        }

        /**
         * Reports what {@code routine}'s body destroys when {@code caller} calls it, with the literals it passes;
         * {@code via} says through which calls it was reached from {@code called}, the routine the statement calls.
         */
        void follow(DefinedRoutine routine, Statement caller, Map<String, Token> callerArguments, String via,
                String called) {
            String creator = routine.createdInScriptOf(call.statement()) ? "this script" : routine.creator();
            String reached = via.isEmpty() ? ", which " + creator + " created and this statement calls)"
                    : via + "; " + (creator.equals("this script") ? "this script" : "earlier migrations")
                            + " created them, and this statement calls " + called + ")";
            Statement statement = call.statement();
            Map<String, Token> arguments = routine.argumentsAt(caller, callerArguments);
            Script body = new Script(routine.bodyAt(caller, callerArguments), List.of(), Optional.empty());
            // The routine the statement calls runs right after what the script ran before the call; one that
            // routine calls in turn runs after statements of its caller's body, which may have undone that.
            BranchLossGuards bodyGuards = via.isEmpty() ? callerGuards.forBodyCalledAt(statement)
                    : new BranchLossGuards();
            // The body runs on the schema at the call until a statement of its own may have changed it.
            SchemaView bodyBefore = atCall;
            // The body statements not yet observed by bodyGuards, in the order they run.
            List<StatementModel> unobserved = new ArrayList<>();
            List<StatementModel> inBody = analysis.models(body);
            // The body that holds a routine the body creates (SQL text it runs may hold one): that routine's own
            // statements follow its definition and run when it is called or fires, not at this call.
            String createdIn = null;
            // A part of a WHERE on parameters alone that the call's literals make false leaves the rest to choose.
            Map<String, Token> unchanged = routine.unchanged(arguments);
            for (int index = 0; index < inBody.size(); index++) {
                StatementModel inner = KnownVariableSwitch.decided(inBody.get(index), unchanged);
                if (inner.placement() != Placement.ROUTINE_BODY) {
                    continue;
                }
                String bodyId = bodyIdOf(inner.statement());
                if (createdIn != null && !createdIn.equals(bodyId)) {
                    continue;
                }
                createdIn = createsRoutine(inner.statement()) ? bodyId : null;
                boolean judgedInPlace = readInPlace.claims(inner.statement());
                if (!routine.createdInScriptOf(statement) && !judgedInPlace) {
                    // A body this script defines is observed by the script's own analysis where it is written.
                    ran.add(inner.statement());
                }
                // What the body's earlier statements establish (a column it adds, then fills) holds at this call too.
                int at = index;
                SchemaView here = bodyBefore;
                Optional<Guard> guard = Optional.empty();
                boolean guardRead = false;
                for (Rule rule : judgedInPlace ? List.<Rule>of() : rules) {
                    List<Violation> violations = rule.check(inner, SchemaFacts.calledBody(bodyBefore,
                            SchemaReplay.retypesAtCall(atCall, inner.statement(), bodyBefore != SchemaView.UNKNOWN))
                            .judging(inner.statement()));
                    Optional<Severity> severity = violations.isEmpty() ? Optional.empty()
                            : configuredSeverity.apply(rule.info());
                    if (severity.isEmpty()) {
                        continue;
                    }
                    if (!guardRead) {
                        // The body's guards start from everything the script ran before the call: built only when
                        // something in the body needs them, as a call of a function that only computes a value
                        // (Generate_UUID() in each of thousands of INSERTs) would otherwise replay the script
                        // before every one of them.
                        unobserved.forEach(earlier -> bodyGuards.observe(earlier, SchemaView.UNKNOWN));
                        unobserved.clear();
                        // A copy into a temporary table the body made keeps its rows no longer than the session,
                        // as in a script.
                        guard = TemporaryTableCleanup.sessionTableGuardOf(inBody, at, here)
                                .or(() -> TemporaryKeeper.checked(bodyGuards.of(inner.statement())
                                        .guardOf(inner.statement()), inBody, at, here))
                                .or(() -> TemporaryTableCleanup.guardOf(inBody, at, here));
                        guardRead = true;
                    }
                    Severity effective = lowered(severity.get(), call, ceiling, rollbacks);
                    for (Violation violation : violations) {
                        boolean guarded = guard.isPresent() && guard.get().covers(rule.info().id())
                                && guard.get().protects(violation.subjects());
                        found.add(Finding.of(rule.info().id(), guarded ? guard.get().lowered(effective) : effective,
                                statement.start(), violation.message()
                                + (guarded ? guard.get().note(violation.subjects()) : guard.map(g -> g.shortfall(
                                        rule.info().id(), violation.subjects())).orElse(""))
                                + " (at " + violation.at() + ", in " + routine.shownName() + reached + contextNote(call),
                                rule.info().hint(), statement.firstLine()));
                        statementSql.put(statement.start(), statement.asWritten());
                    }
                }
                unobserved.add(inner);
                int followedBefore = followed.size();
                if (inner.mayCallRoutines()) {
                    followCallsIn(inner.statement(), routine, arguments, via, called);
                }
                if (inner.kind() == StatementKind.DDL || inner.statement().runtimeSql()
                        || followed.size() > followedBefore) {
                    bodyBefore = SchemaView.UNKNOWN;
                }
            }
            int dot = routine.name().lastIndexOf('.');
            if (dot > 0) {
                // Oracle: a package member's first call runs the package's initialization section.
                for (DefinedRoutine initialization : reached(routine.name().substring(0, dot), "", Set.of())) {
                    if (followed.size() < RoutineNames.MAX_FOLLOWED && followed.add(initialization)) {
                        follow(initialization, caller, callerArguments,
                                ", which runs before " + routine.shownName() + via, called);
                    }
                }
            }
        }

        /** Which body {@code statement} belongs to: a routine or block opened inside another has its own. */
        private static String bodyIdOf(Statement statement) {
            StatementContext.Body body = statement.context().body();
            return body == null ? "" : body.id();
        }

        /** A CREATE whose body the splitter read apart from it: a function, procedure or trigger with a body. */
        private static boolean createsRoutine(Statement statement) {
            return statement.container() && statement.firstToken().isWord("CREATE");
        }

        /**
         * The earlier routine a call of {@code written} from {@code caller} ("" for the migration) reaches: a
         * package's member before a schema's routine of the same name. Empty when the first name it may reach
         * is one the script defines itself, whose own analysis follows the call.
         */
        List<DefinedRoutine> reached(String written, String caller, Set<String> definedHere) {
            for (String key : RoutineNames.callKeys(written, caller)) {
                if (definedHere.contains(key)) {
                    return List.of();
                }
                List<DefinedRoutine> routines = earlierRoutines.before(call.statement(), key);
                if (!routines.isEmpty()) {
                    return routines;
                }
            }
            return List.of();
        }

        private void followCallsIn(Statement inner, DefinedRoutine caller, Map<String, Token> callerArguments,
                String via, String called) {
            if (followed.size() >= RoutineNames.MAX_FOLLOWED || !earlierRoutines.mayCall(inner)) {
                return;
            }
            for (String written : RoutineNames.calledNames(inner.tokens())) {
                for (DefinedRoutine callee : DefinedRoutine.reachedBy(inner,
                        reached(written, caller.name(), Set.of()))) {
                    if (followed.size() < RoutineNames.MAX_FOLLOWED && followed.add(callee)) {
                        follow(callee, inner, callerArguments,
                                ", which " + caller.shownName() + " calls at " + inner.start() + via, called);
                    }
                }
            }
        }
    }
}
