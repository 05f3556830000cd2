package io.github.sqlguard;

import static io.github.sqlguard.StatementPlacement.contextNote;
import static io.github.sqlguard.StatementPlacement.lowered;
import static io.github.sqlguard.StatementPlacement.unvaluedPlaceholderNote;

import io.github.sqlguard.analysis.ForeignLanguageRoutine;
import io.github.sqlguard.analysis.JavaRoutine;
import io.github.sqlguard.analysis.ScriptAnalysis;
import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.analysis.StatementReader;
import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.rules.FileDiagnostics;
import io.github.sqlguard.rules.Rule;
import io.github.sqlguard.rules.Violation;
import io.github.sqlguard.schema.BodiesRunWhereDefined;
import io.github.sqlguard.schema.EarlierRoutines;
import io.github.sqlguard.schema.ForeignKeysTurnedOff;
import io.github.sqlguard.schema.Guard;
import io.github.sqlguard.schema.BranchLossGuards;
import io.github.sqlguard.schema.CalledBodiesHere;
import io.github.sqlguard.schema.LossGuards;
import io.github.sqlguard.schema.CascadedRowsHandled;
import io.github.sqlguard.schema.ChildTablesDroppedLater;
import io.github.sqlguard.schema.EmptiedInRun;
import io.github.sqlguard.schema.EmptySchemaDrops;
import io.github.sqlguard.schema.MovedEnumValues;
import io.github.sqlguard.schema.RebuiltOnEveryRun;
import io.github.sqlguard.schema.RecreatedColumnName;
import io.github.sqlguard.schema.DroppedEarlierInRun;
import io.github.sqlguard.schema.DroppedInEarlierMigration;
import io.github.sqlguard.schema.NameGivenInRun;
import io.github.sqlguard.schema.NameTakenByCopy;
import io.github.sqlguard.schema.RecreatedName;
import io.github.sqlguard.schema.TemporaryKeeper;
import io.github.sqlguard.schema.RolledBackTransactions;
import io.github.sqlguard.schema.RoutinesRunAtCall;
import io.github.sqlguard.schema.RowsMovedByReturning;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.schema.SchemaView;
import io.github.sqlguard.schema.TemporaryTableCleanup;
import io.github.sqlguard.schema.UncreatedTableDrops;
import io.github.sqlguard.sql.HostCommands;
import io.github.sqlguard.sql.JavaStepLine;
import io.github.sqlguard.sql.LexError;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Analyses one script into statement models, runs every enabled rule over them and turns violations into
 * findings at the violation's place, with the configured severity lowered where the statement does not run
 * with the migration.
 */
final class StatementChecker {

    private static final String JAVA_ROUTINE_HINT = "Review what the Java code does, then acknowledge it: "
            + "-- sqlguard:allow unchecked-change reason: <why>; or write the change as SQL that sqlguard can check";

    private static final String FOREIGN_LANGUAGE_HINT = "Review the SQL the code sends, then acknowledge it: "
            + "-- sqlguard:allow unchecked-change reason: <why>; or write the routine in PL/pgSQL, "
            + "which sqlguard checks";

    private static final String HOST_COMMAND_HINT = "Review what the program does to the tables it reaches (a"
            + " SQL*Loader control file's REPLACE or TRUNCATE empties the table first), then acknowledge it with a pom"
            + " <suppression> or the baseline";

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    /**
     * The findings of one script.
     *
     * @param findings what the rules found, and an unterminated quote or comment
     * @param parsedStatements how many statements JSqlParser was asked about
     * @param scratchStatements where statements start whose destructive parts touch only tables this script
     *     created, so that an acknowledgement before one can say why it matched nothing
     */
    record ScriptFindings(List<Finding> findings, int parsedStatements, List<Location> scratchStatements) {
    }

    private final List<Rule> rules;
    private final Function<RuleInfo, Optional<Severity>> configuredSeverity;
    private final ScriptAnalysis analysis;
    private final EarlierRoutineCalls routineCalls;

    StatementChecker(List<Rule> rules, Function<RuleInfo, Optional<Severity>> configuredSeverity,
            StatementAnalyzer analyzer) {
        this.rules = rules;
        this.configuredSeverity = configuredSeverity;
        this.analysis = new ScriptAnalysis(new StatementReader(analyzer));
        this.routineCalls = new EarlierRoutineCalls(rules, configuredSeverity, analysis);
    }

    /**
     * The findings of one script.
     *
     * @param ceiling the most severe level findings of this script may have (WARNING for Flyway undo scripts
     *     in WARN mode), or null for no ceiling
     * @param statementSql collects the statement text at each finding's location, for baseline fingerprints
     * @param schema what the schema replay knows before each statement
     * @param earlierRoutines the routine of a name that the migrations replayed before a statement created
     */
    ScriptFindings check(Script script, String path, Severity ceiling, ScriptMode rollbacks,
            Map<Location, String> statementSql, Function<Statement, SchemaFacts> schema,
            EarlierRoutines earlierRoutines) {
        return check(script, models(script), path, ceiling, rollbacks, statementSql, schema, earlierRoutines);
    }

    /**
     * The models of {@code script}'s statements, as {@link #check} reads them. They need nothing the schema replay
     * learns, so they may be read while it runs.
     */
    List<StatementModel> models(Script script) {
        return analysis.models(script);
    }

    /** As {@link #models(Script)}, for a script whose run starts where {@code start} says. */
    List<StatementModel> models(Script script, TableNamespace.Names start) {
        return analysis.models(script, start);
    }

    /**
     * As {@link #check(Script, String, Severity, ScriptMode, Map, Function, EarlierRoutines)}, with the script's
     * {@link #models} already read.
     */
    ScriptFindings check(Script script, List<StatementModel> models, String path, Severity ceiling, ScriptMode rollbacks,
            Map<Location, String> statementSql, Function<Statement, SchemaFacts> schema,
            EarlierRoutines earlierRoutines) {
        return check(script, models, path, ceiling, rollbacks, statementSql, schema, earlierRoutines,
                TableNamespace.Names.DEFAULT);
    }

    /**
     * As {@link #check(Script, List, String, Severity, ScriptMode, Map, Function, EarlierRoutines)}, for a script
     * whose tool starts its run where {@code start} says (Flyway's default schema, {@link TableNamespace#startOf}).
     */
    ScriptFindings check(Script script, List<StatementModel> models, String path, Severity ceiling, ScriptMode rollbacks,
            Map<Location, String> statementSql, Function<Statement, SchemaFacts> schema,
            EarlierRoutines earlierRoutines, TableNamespace.Names start) {
        return check(script, models, path, ceiling, rollbacks, statementSql, schema, earlierRoutines, start, null);
    }

    /**
     * As above, for the first Flyway migration of its history, {@code opening} saying whether it runs only on an
     * empty schema and why ({@link EmptySchemaDrops}); null for any other script.
     */
    ScriptFindings check(Script script, List<StatementModel> written, String path, Severity ceiling, ScriptMode rollbacks,
            Map<Location, String> statementSql, Function<Statement, SchemaFacts> schema,
            EarlierRoutines earlierRoutines, TableNamespace.Names start, EmptySchemaDrops.Opening opening) {
        List<StatementModel> models = RoutinesRunAtCall.inRunOrder(written);
        List<Finding> findings = new ArrayList<>();
        List<Location> scratchStatements = new ArrayList<>();
        int parsed = 0;
        Map<String, MovedEnumValues> movedValues = new HashMap<>();
        Map<String, EmptiedInRun> emptiedTables = new HashMap<>();
        RoutinesDefinedHere routines = new RoutinesDefinedHere();
        CalledBodiesHere calledHere = CalledBodiesHere.of(models);
        BranchLossGuards guards = new BranchLossGuards(BodiesRunWhereDefined.of(models), start, earlierRoutines,
                calledHere);
        RolledBackTransactions rolledBack = RolledBackTransactions.of(models);
        LiteralCallsHere literalCalls = LiteralCallsHere.of(models, earlierRoutines);
        List<TableNamespace.Names> names = TableNamespace.along(models, start);
        List<Statement> ranByCalls = new ArrayList<>();
        TextReadInPlace readInPlace = TextReadInPlace.none();
        UnseenRoutineCalls unseenCalls = new UnseenRoutineCalls(configuredSeverity,
                UnseenRoutineCalls.createdIn(models));
        UnseenRequestTables unseenRequests = new UnseenRequestTables(configuredSeverity);
        UnknownExtensionDrops extensionDrops = new UnknownExtensionDrops(configuredSeverity);
        for (int index = 0; index < models.size(); index++) {
            StatementModel model = literalCalls.reading(models.get(index));
            ranByCalls.clear();
            Statement statement = model.statement();
            int firstFinding = findings.size();
            if (routines.handedToKnownBody(model) && !readInPlace.claimed(statement)) {
                continue;
            }
            routines.observe(model);
            boolean runsCalls = !statement.container() && model.mayCallRoutines()
                    && (model.placement().runsWithMigration() || !model.calledAt().isEmpty());
            if (runsCalls) {
                readInPlace = readInPlace.forCall(models, index);
            }
            if (runsCalls && routineCalls.follow(model, routines.names(), earlierRoutines, ceiling, rollbacks,
                    statementSql, findings, schema.apply(statement).before(), ranByCalls, readInPlace, guards)) {
                routines.callsEarlierRoutine();
            } else if (runsCalls) {
                unseenCalls.of(model, routines.names(), earlierRoutines, ceiling, rollbacks).ifPresent(finding -> {
                    findings.add(finding);
                    statementSql.put(finding.location(), statement.asWritten());
                });
            }
            if (!statement.container() && model.placement().runsWithMigration()) {
                unseenRequests.of(model, () -> schema.apply(statement).before(), ceiling, rollbacks).ifPresent(finding -> {
                    findings.add(finding);
                    statementSql.put(finding.location(), statement.asWritten());
                });
                extensionDrops.of(model, ceiling, rollbacks).ifPresent(finding -> {
                    findings.add(finding);
                    statementSql.put(finding.location(), statement.asWritten());
                });
            }
            if (model.parse().state() != StatementModel.ParseOutcome.State.NOT_NEEDED) {
                parsed++;
            }
            if (model.clauses().stream().anyMatch(clause -> clause.scratch())
                    || model.rowChanges().stream().anyMatch(change -> change.scratch())) {
                scratchStatements.add(statement.start());
            }
            // A guard the script sets up (an emptiness check, a copy of the rows) holds within one run of the
            // database tool: a Flyway script, one Liquibase changeset, one rollback; a migration split into files
            // (which the replay follows) carries them from one file to the next. Within one, a guard a branch of
            // a block sets up holds in that branch only.
            LossGuards scopeGuards = guards.of(statement);
            int at = index;
            MovedEnumValues scopeMoves = movedValues.computeIfAbsent(statement.context().runScope(),
                    scope -> new MovedEnumValues());
            SchemaFacts facts = scopeMoves.applyTo(schema.apply(statement).judging(statement,
                    scopeGuards.nullOnlyColumns(statement), model.scratchRows()));
            EmptiedInRun scopeEmptied = emptiedTables.computeIfAbsent(statement.context().runScope(),
                    scope -> new EmptiedInRun());
            StatementGuards statementGuards = new StatementGuards(List.of(facts::notRun,
                    () -> rolledBack.guardOf(models, at),
                    () -> VersionRecordedBlocks.versionRecordGuardOf(statement, models),
                    () -> TemporaryTableCleanup.sessionTableGuardOf(models, at, facts.before()),
                    () -> TemporaryKeeper.checked(scopeGuards.guardOf(statement), models, at, facts.before()),
                    () -> scopeEmptied.guardOf(statement, names.get(at)),
                    facts::earlierFilesGuard, () -> RecreatedName.guardOf(models, names, at),
                    () -> NameGivenInRun.guardOf(models, names, at), () -> DroppedEarlierInRun.guardOf(models, names, at),
                    () -> DroppedInEarlierMigration.guardOf(model, facts.before()),
                    () -> EmptySchemaDrops.guardOf(models, names, at, start, opening),
                    () -> TemporaryTableCleanup.guardOf(models, at, facts.before()),
                    () -> DroppedInEarlierMigration.columnGuardOf(model, facts.before()),
                    () -> RecreatedColumnName.guardOf(models, at, s -> schema.apply(s).before()),
                    () -> NameTakenByCopy.guardOf(models, names, at), () -> RebuiltOnEveryRun.guardOf(models, at),
                    () -> RowsMovedByReturning.guardOf(model, facts.before()),
                    () -> scopeGuards.shortfallOf(statement),
                    facts::earlierRunCopy, () -> ForeignKeysTurnedOff.guardOf(models, at),
                    () -> CascadedRowsHandled.guardOf(models, at, facts.before()),
                    () -> ChildTablesDroppedLater.guardOf(models, at, facts.before()),
                    // last: a note that lowers nothing must not hide a guard that does
                    () -> EmptySchemaDrops.noteOf(models, names, at, start, opening),
                    () -> UncreatedTableDrops.noteOf(models, at, facts.before())));
            for (Rule rule : rules) {
                List<Violation> violations = rule.check(model, facts);
                if (violations.isEmpty()) {
                    continue;
                }
                Optional<Severity> severity = configuredSeverity.apply(rule.info());
                if (severity.isEmpty()) {
                    continue;
                }
                Severity effective = lowered(severity.get(), model, ceiling, rollbacks);
                // A loss the script itself prevents stays visible, at INFO, naming what prevents it; one it may
                // prevent (a copy whose column list sqlguard cannot check) at WARNING at most.
                for (Violation violation : violations) {
                    Optional<Guard> guard = statementGuards.covering(rule.info().id(), violation.subjects());
                    boolean guarded = guard.isPresent();
                    findings.add(Finding.of(rule.info().id(), guarded ? guard.get().lowered(effective) : effective,
                            violation.at(),
                            violation.message() + (guarded ? guard.get().note(violation.subjects())
                                    : shortfallNote(statementGuards.first(), scopeGuards, statement, rule.info().id(),
                                            violation.subjects()))
                                    + unvaluedPlaceholderNote(statement, violation.message())
                                    + readInPlace.note(statement, contextNote(model)),
                            rule.info().hint(), lineAt(statement, violation.at())));
                    statementSql.put(violation.at(), statement.asWritten());
                }
            }
            javaRoutine(model, ceiling, rollbacks).or(() -> foreignLanguageRoutine(model, ceiling, rollbacks))
                    .or(() -> javaStep(model, ceiling, rollbacks))
                    .ifPresent(finding -> {
                        findings.add(finding);
                        statementSql.put(finding.location(), statement.asWritten());
                    });
            // What a later ROLLBACK undoes sets up no guard: a copy it made does not stay.
            if (!rolledBack.undoes(models, index)) {
                guards.observe(model, facts.before());
            }
            for (Statement ran : ranByCalls) {
                guards.observeRunBy(statement, ran, facts.before());
            }
            if (model.placement().runsWithMigration() && !rolledBack.undoes(models, index)) {
                for (Statement ran : calledHere.runBy(model, index)) {
                    guards.observeRunBy(statement, ran, facts.before());
                }
            }
            if (statement.context().runsWithMigration()) {
                scopeMoves.observe(statement);
            }
            scopeEmptied.observe(statement, names.get(index), facts.before());
            inRunOf(statement, findings, firstFinding);
        }
        hostCommands(script, path).forEach(findings::add);
        script.lexError().ifPresent(error -> unterminated(error, path).ifPresent(findings::add));
        return new ScriptFindings(findings, parsed, scratchStatements);
    }

    /** Marks the findings from {@code first} on as made in {@code statement}'s run, for its run's acknowledgements. */
    private static void inRunOf(Statement statement, List<Finding> findings, int first) {
        String scope = statement.context().runScope();
        if (!scope.isEmpty()) {
            for (int i = first; i < findings.size(); i++) {
                findings.set(i, findings.get(i).inRun(scope));
            }
        }
    }

    /**
     * What the script did short of a guard for a finding {@code guard} does not protect: the guard's own shortfall,
     * else, when the guard protects other columns of the statement ({@code DROP COLUMN scratch, DROP COLUMN old}),
     * what the script did to this finding's columns (a cast converted their values), which that guard hid.
     */
    private static String shortfallNote(Optional<Guard> guard, LossGuards scopeGuards, Statement statement,
            String ruleId, List<String> subjects) {
        String own = guard.map(g -> g.shortfall(ruleId, subjects)).orElse("");
        if (!own.isEmpty() || guard.isEmpty()) {
            return own;
        }
        return scopeGuards.shortfallOf(statement).map(g -> g.shortfall(ruleId, subjects)).orElse("");
    }

    /** The line of the statement's text where {@code at} stands, for the finding's excerpt. */
    private static String lineAt(Statement statement, Location at) {
        int skip = at.line() - statement.start().line();
        if (skip <= 0) {
            return statement.firstLine();
        }
        String[] lines = LINE_BREAK.split(statement.sql(), -1);
        return skip < lines.length ? lines[skip].strip() : statement.firstLine();
    }

    /** H2's Java aliases and triggers run code sqlguard cannot read: reported, never passed. */
    private Optional<Finding> javaRoutine(StatementModel model, Severity ceiling, ScriptMode rollbacks) {
        RuleInfo info = Diagnostics.UNCHECKED_CHANGE;
        return JavaRoutine.of(model.statement()).flatMap(routine -> configuredSeverity.apply(info).map(severity -> {
            Token code = routine.code();
            Location at = new Location(model.statement().start().path(), code.line(), code.column());
            return Finding.of(info.id(), lowered(severity, model, ceiling, rollbacks), at,
                    routine.message() + contextNote(model), JAVA_ROUTINE_HINT, lineAt(model.statement(), at));
        }));
    }

    /** A schema runner's {@code execute java com.acme.Step} line runs a class with the runner's connection. */
    private Optional<Finding> javaStep(StatementModel model, Severity ceiling, ScriptMode rollbacks) {
        RuleInfo info = Diagnostics.UNCHECKED_CHANGE;
        Statement statement = model.statement();
        return JavaStepLine.className(statement).flatMap(name -> configuredSeverity.apply(info).map(severity -> {
            Location at = new Location(statement.start().path(), name.line(), name.column());
            String className = JavaStepLine.classNameOf(statement);
            return Finding.of(info.id(), lowered(severity, model, ceiling, rollbacks), at,
                    "EXECUTE JAVA " + className + " has the migration runner run the Java class " + className
                            + " with its connection; sqlguard does not read Java, so a DELETE, UPDATE or DROP it"
                            + " sends was not checked" + contextNote(model),
                    JAVA_ROUTINE_HINT, lineAt(statement, at));
        }));
    }

    /** PL/v8, PL/Python, .. code that sends SQL runs statements sqlguard cannot read: reported, never passed. */
    private Optional<Finding> foreignLanguageRoutine(StatementModel model, Severity ceiling, ScriptMode rollbacks) {
        RuleInfo info = Diagnostics.UNCHECKED_CHANGE;
        return ForeignLanguageRoutine.of(model.statement()).flatMap(routine -> configuredSeverity.apply(info)
                .map(severity -> {
                    Location at = new Location(model.statement().start().path(), routine.line(), routine.column());
                    return Finding.of(info.id(), lowered(severity, model, ceiling, rollbacks), at,
                            routine.message() + contextNote(model), FOREIGN_LANGUAGE_HINT,
                            lineAt(model.statement(), at));
                }));
    }

    /** SQL*Plus's HOST lines run programs that may change rows through a connection of their own. */
    private List<Finding> hostCommands(Script script, String path) {
        RuleInfo info = Diagnostics.UNCHECKED_CHANGE;
        return configuredSeverity.apply(info).map(severity -> HostCommands.in(script).stream()
                .map(command -> Finding.of(info.id(), severity, new Location(path, command.line(), command.column()),
                        HostCommands.firstLine(command) + " runs a program outside the database connection, so what"
                                + " it does to the data was not checked", HOST_COMMAND_HINT,
                        HostCommands.firstLine(command)))
                .toList()).orElse(List.of());
    }

    private Optional<Finding> unterminated(LexError error, String path) {
        RuleInfo info = FileDiagnostics.UNTERMINATED_TOKEN;
        return configuredSeverity.apply(info).map(severity -> Finding.of(info.id(), severity,
                new Location(path, error.line(), error.column()),
                "Unterminated " + error.what() + " starting here: the rest of the file could not be checked",
                info.hint(), ""));
    }
}
