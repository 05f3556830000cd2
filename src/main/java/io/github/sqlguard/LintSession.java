package io.github.sqlguard;

import io.github.sqlguard.liquibase.ChangelogReader;
import io.github.sqlguard.liquibase.ChangelogScript;
import io.github.sqlguard.liquibase.FormattedSqlReader;
import io.github.sqlguard.liquibase.LiquibaseOptions;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.rules.FileDiagnostics;
import io.github.sqlguard.rules.Rule;
import io.github.sqlguard.rules.RuleRegistry;
import io.github.sqlguard.rules.RuleSettings;
import io.github.sqlguard.schema.EmptySchemaDrops;
import io.github.sqlguard.schema.MigrationHistories;
import io.github.sqlguard.schema.SiblingDatabaseNames;
import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.source.DownScriptName;
import io.github.sqlguard.source.FlywayNaming;
import io.github.sqlguard.source.FlywayVersion;
import io.github.sqlguard.source.ReadResult;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.source.SourceClassifier;
import io.github.sqlguard.source.SourceKind;
import io.github.sqlguard.source.FlywayCallbacks;
import io.github.sqlguard.source.SourcePath;
import io.github.sqlguard.source.SourceReader;
import io.github.sqlguard.sql.AttachedComment;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.suppress.Fingerprint;
import io.github.sqlguard.suppress.InlineAcknowledgements;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * The validated, shared state of one lint run: which rules at which severity, how files are named and
 * split. Analysing a file uses no mutable shared state, so files are analysed in parallel.
 */
final class LintSession {

    private final LintConfig config;
    private final List<RuleInfo> ruleInfos;
    private final Set<String> knownRuleIds;
    private final RuleSettings settings;
    private final SourceClassifier classifier;
    private final Analysers analysers;
    private final LiquibaseOptions liquibaseOptions;
    private final FlywayVersion sinceVersion;
    private final ConfiguredFindings configured;
    /** Statement models read while the schema replay ran, by script (the same object), until its check. */
    private final Map<Script, List<StatementModel>> modelsReadAhead =
            Collections.synchronizedMap(new IdentityHashMap<>());
    /**
     * The database each scanned file names only beside its siblings ({@code app_mysql.sql} next to
     * {@code app_oracle.sql}), by relative path; set before the files are read.
     */
    private volatile Map<String, String> siblingNamed = Map.of();

    /** @throws IllegalArgumentException for unknown rule ids or severities, bad versions or suppressions */
    LintSession(LintConfig config) {
        this.config = config;
        List<Rule> rules = RuleRegistry.all();
        this.ruleInfos = RuleCatalog.all();
        Set<String> ids = new LinkedHashSet<>();
        for (RuleInfo info : ruleInfos) {
            ids.add(info.id());
        }
        this.knownRuleIds = Set.copyOf(ids);
        this.settings = new RuleSettings(ids, config.ruleLevels(), config.disabledRules(), RuleCatalog.NEVER_OFF);
        FlywayConfig flyway = config.flyway();
        this.classifier = new SourceClassifier(new FlywayNaming(flyway.versionedPrefix(), flyway.undoPrefix(),
                flyway.repeatablePrefix(), flyway.separator(), flyway.suffixes()));
        this.analysers = new Analysers(rules, settings, new Placeholders(flyway.placeholderPrefix(),
                flyway.placeholderSuffix(), flyway.placeholders()));
        this.liquibaseOptions = new LiquibaseOptions(
                config.liquibase().rollbacks(), config.liquibase().properties(),
                config.dialect(), config.directories(), config.liquibase().classpathFolders(), config.projectDialect());
        this.sinceVersion = flyway.sinceVersion() == null ? null : parseVersion(flyway.sinceVersion());
        this.configured = new ConfiguredFindings(config, settings, ruleInfos, knownRuleIds);
    }

    List<RuleInfo> ruleInfos() {
        return ruleInfos;
    }

    Set<String> knownRuleIds() {
        return knownRuleIds;
    }

    /**
     * Reads and splits one file; never throws: bad input becomes findings, and so does a failure of the
     * analysis itself, so one pathological file can neither crash the build nor pass unchecked.
     */
    PreparedFile prepare(SourcePath file) {
        return prepare(file, chars -> true);
    }

    /**
     * Reads one file and splits it where its statements may be kept; never throws, as {@link #prepare(SourcePath)}.
     *
     * @param keep asked with the length of the file's text whether its statements may stay in memory; a plain
     *     SQL script whose statements may not is returned {@link PreparedFile#released() released} without being
     *     split, since it will be read and split again when its turn comes. A changelog is always split: what it
     *     includes and which databases it names are needed first; the caller releases it.
     */
    PreparedFile prepare(SourcePath file, LongPredicate keep) {
        try {
            return prepareOrThrow(file, keep);
        } catch (RuntimeException | StackOverflowError e) {
            return PreparedFile.decided(file, null, analysisFailed(file.relativePath(), e), null);
        }
    }

    /**
     * Reads the statement models of {@code prepared}'s scripts ahead of its check, which takes them from here: they
     * need nothing the schema replay learns, so workers the replay leaves idle read them while it runs. Never
     * throws: a script whose models cannot be read is read again by the check, which reports why.
     */
    void readModelsAhead(PreparedFile prepared) {
        if (prepared.decided() != null || prepared.isReleased()) {
            return;
        }
        for (ChangelogScript script : prepared.scripts()) {
            try {
                modelsReadAhead.put(script.script(), analysers.checker().models(script.script(), runStart(prepared)));
            } catch (RuntimeException | StackOverflowError e) {
                return;
            }
        }
    }

    /** Lets go of the models read ahead that no check took. */
    void forgetModelsReadAhead() {
        modelsReadAhead.clear();
    }

    /** Checks the statements of a prepared file against the schema the replay knows; never throws. */
    FileOutcome check(PreparedFile prepared, MigrationHistories histories) {
        if (prepared.decided() != null) {
            return prepared.decided();
        }
        try {
            return checkOrThrow(prepared, histories);
        } catch (RuntimeException | StackOverflowError e) {
            FileOutcome failed = analysisFailed(prepared.path(), e);
            Map<Location, String> statementSql = new HashMap<>();
            List<Finding> findings = UncheckedTextFingerprints.apply(failed.findings(),
                    prepared.text() == null ? Map.of() : Map.of(prepared.path(), prepared.text()), statementSql);
            return new FileOutcome(failed.path(), findings, 0, true, false, statementSql, Set.of());
        }
    }

    private FileOutcome analysisFailed(String path, Throwable e) {
        String reason = e instanceof StackOverflowError ? "a statement is nested too deeply to analyse"
                : e.getClass().getSimpleName() + ": " + e.getMessage() + whereThrown(e);
        return new FileOutcome(path, List.of(fileProblem(FileDiagnostics.ANALYSIS_FAILED, path, 1,
                "sqlguard could not analyse this file (" + reason + "); nothing in it was checked")), 0, true, false,
                Map.of(), Set.of());
    }

    /**
     * Where in sqlguard's own code {@code e} was thrown ({@code " at LossGuards.guardOf:112"}), so that a report
     * of the message alone points at the reader at fault; empty when no frame of sqlguard's is on its stack.
     */
    static String whereThrown(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("io.github.sqlguard.")) {
                return " at " + type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ":"
                        + frame.getLineNumber();
            }
        }
        return "";
    }

    private PreparedFile prepareOrThrow(SourcePath file, LongPredicate keep) {
        String path = file.relativePath();
        ReadResult read = SourceReader.read(file.file(), config.encoding(), config.maxFileBytes());
        if (read instanceof ReadResult.Unreadable unreadable) {
            Finding problem = UncheckedTextFingerprints.ofUnreadableFile(fileProblem(FileDiagnostics.UNREADABLE_FILE,
                    path, 1, unreadable.reason()), file.file());
            return PreparedFile.decided(file, null, new FileOutcome(path, List.of(problem), 0, true, false, Map.of(),
                    Set.of()), null);
        }
        ReadResult.Text text = (ReadResult.Text) read;
        SourceClassification classification = classifier.classify(file, text.text());
        SourceKind kind = classification.kind();
        if (kind == SourceKind.OTHER || kind == SourceKind.LIQUIBASE_GROOVY) {
            return PreparedFile.decided(file, classification, kind == SourceKind.OTHER ? FileOutcome.notAMigration(path)
                    : GroovyChangelogOutcome.of(path, text.text(), this::fileProblem), text.stamp());
        }
        ScriptMode undo = config.flyway().undoScripts();
        boolean reverts = kind == SourceKind.FLYWAY_UNDO || DownScriptName.isDownScript(path, kind);
        if (reverts && undo == ScriptMode.SKIP) {
            return PreparedFile.decided(file, classification, FileOutcome.notAMigration(path), text.stamp());
        }
        Severity ceiling = reverts && undo == ScriptMode.WARN ? Severity.WARNING : null;

        List<Finding> findings = new ArrayList<>();
        if (settings.severityOf(FileDiagnostics.INVALID_ENCODING).isPresent()) {
            text.decodeWarning().ifPresent(warning -> findings.add(fileProblem(FileDiagnostics.INVALID_ENCODING, path,
                    Math.max(1, warning.line()), Math.max(1, warning.column()), warning.message())));
        }
        // An applied script is not checked, but the schema it built is replayed.
        FileOutcome decided = isAlreadyApplied(classification) ? FileOutcome.skippedAsApplied(path) : null;
        boolean kept = keep.test(text.text().length());
        if (!kept && !kind.isStructuredChangelog() && kind != SourceKind.LIQUIBASE_FORMATTED_SQL) {
            // A plain script names no database and includes nothing: splitting it now would only be thrown away.
            return new PreparedFile(file, classification, List.of(), findings, Set.of(), ceiling, null, decided,
                    text.stamp(), List.of());
        }
        List<ChangelogScript> scripts = new ArrayList<>();
        Set<String> reached = new TreeSet<>();
        List<Statement> runOrder = List.of();
        if (kind.isStructuredChangelog()) {
            var changelog = ChangelogReader.read(file.file(), path, text.text(), liquibaseOptions);
            scripts.addAll(changelog.scripts());
            runOrder = changelog.statementsInRunOrder();
            changelog.processedFiles().stream().map(config::relativeToBase).filter(r -> !r.equals(path))
                    .forEach(reached::add);
            findings.addAll(configured.withConfiguredSeverity(changelog.problems()));
        } else if (kind == SourceKind.LIQUIBASE_FORMATTED_SQL) {
            scripts.add(FormattedSqlReader.read(path, text.text(), liquibaseOptions));
            findings.addAll(configured.withConfiguredSeverity(
                    FormattedSqlReader.problems(path, text.text(), liquibaseOptions)));
        } else {
            String content = text.text();
            scripts.addAll(UpDownSections.scripts(analysers.splitter(dialectOf(file)), path, content,
                    scriptContext(file, kind, reverts), reverts ? ScriptMode.SKIP : undo));
        }
        return new PreparedFile(file, classification, scripts, findings, reached, ceiling, text.text(), decided,
                text.stamp(), runOrder);
    }

    /** A script no Liquibase changelog holds: Flyway's settings (placeholders, default schema) apply to it. */
    private static boolean isFlywayScript(SourceKind kind) {
        return !kind.isStructuredChangelog() && kind != SourceKind.LIQUIBASE_FORMATTED_SQL;
    }

    /**
     * Where a run of {@code prepared}'s scripts starts: Flyway switches to its default schema before it runs a
     * script, so there unqualified names mean that schema's tables.
     */
    private TableNamespace.Names runStart(PreparedFile prepared) {
        return isFlywayScript(prepared.classification().kind()) ? TableNamespace.startOf(
                config.flyway().defaultSchema(), dialectOf(prepared.source())) : TableNamespace.Names.DEFAULT;
    }

    /** A Flyway callback or repeatable migration runs more than once, a down or undo script only to revert one. */
    private StatementContext scriptContext(SourcePath file, SourceKind kind, boolean reverts) {
        Optional<String> label = reverts ? Optional.of(kind == SourceKind.FLYWAY_UNDO ? StatementContext.UNDO_MIGRATION
                : StatementContext.DOWN_MIGRATION) : kind == SourceKind.FLYWAY_REPEATABLE
                ? Optional.of(StatementContext.REPEATABLE_MIGRATION) : kind != SourceKind.PLAIN_SQL ? Optional.empty()
                : FlywayCallbacks.label(file.fileName(), config.flyway().separator(), config.flyway().suffixes());
        return label.map(text -> new StatementContext(StatementContext.Kind.SCRIPT, text))
                .orElse(StatementContext.SCRIPT);
    }

    /**
     * The dialect a script is read in: that of the database its folder is for ({@code db/migration/mysql/V2__x.sql})
     * unless the configured one is of the same family, since multi-database projects keep each database's scripts
     * apart and one guess cannot fit them all (MySQL's {@code \'} against T-SQL's nested comments), else the
     * configured one, else that of the project's database.
     */
    private Dialect dialectOf(SourcePath file) {
        Dialect named = DatabaseNames.dialectOf(file);
        String sibling = siblingNamed.get(file.relativePath());
        if (named == Dialect.AUTO && sibling != null && DatabaseNames.undescribedDatabaseOf(file).isEmpty()) {
            named = DatabaseNames.dialectOf(sibling);
        }
        return config.dialectFor(named);
    }

    /**
     * Learns which scanned files name their database only as their siblings show ({@code app_mysql.sql} beside
     * {@code app_oracle.sql}, where {@code engine_mysql.sql} alone names none): the histories already keep them
     * apart, and they are read in that database's dialect as a folder named for it would be.
     */
    void nameDatabasesBySiblings(List<SourcePath> files) {
        siblingNamed = SiblingDatabaseNames.of(files.stream().map(SourcePath::relativePath).toList());
    }

    private FileOutcome checkOrThrow(PreparedFile prepared, MigrationHistories histories) {
        String path = prepared.path();
        SourceKind kind = prepared.classification().kind();
        List<Finding> findings = new ArrayList<>(prepared.findings());
        Map<Location, String> statementSql = new HashMap<>();
        Map<String, Integer> statementsByFile = new HashMap<>();
        int statements = 0;
        int parsed = 0;
        boolean flywayScript = isFlywayScript(kind);
        TableNamespace.Names start = runStart(prepared);
        EmptySchemaDrops.Opening opening = flywayScript
                ? histories.opening(path, config.flyway().effectiveBaselineVersion()).orElse(null) : null;
        List<Finding> ruleFindings = new ArrayList<>();
        List<AttachedComment> attached = new ArrayList<>();
        for (ChangelogScript script : prepared.scripts()) {
            List<StatementModel> readAhead = modelsReadAhead.remove(script.script());
            StatementChecker.ScriptFindings checked = analysers.checker().check(script.script(),
                    readAhead != null ? readAhead : analysers.checker().models(script.script(), start),
                    script.relativePath(),
                    UpDownSections.ceiling(script, prepared.ceiling(), config.flyway().undoScripts()),
                    config.liquibase().rollbacks(), statementSql, histories::factsFor, histories, start, opening);
            parsed += checked.parsedStatements();
            List<Finding> scriptFindings = Fingerprint.attach(checked.findings(), statementSql);
            if (flywayScript) {
                scriptFindings = withPlaceholderValues(scriptFindings);
            }
            ruleFindings.addAll(configured.withConfiguredDiagnostics(InlineAcknowledgements.apply(script.relativePath(),
                    script.script(), scriptFindings, knownRuleIds, checked.scratchStatements())));
            attached.addAll(script.attachedComments());
            for (Statement statement : script.script().statements()) {
                if (!statement.container()) {
                    statements++;
                    statementsByFile.merge(script.relativePath(), 1, Integer::sum);
                }
            }
            if (script.replayedChanges() > 0) {
                statements += script.replayedChanges();
                statementsByFile.merge(script.relativePath(), script.replayedChanges(), Integer::sum);
            }
        }
        // A changeset's comment may acknowledge statements of several scripts (its sqlFiles, its rollback), and
        // the changes of its own that no statement stands for (a customChange): the changelog's findings.
        if (attached.isEmpty()) {
            findings.addAll(ruleFindings);
        } else {
            ruleFindings.addAll(0, findings);
            findings.clear();
            findings.addAll(configured.withConfiguredDiagnostics(
                    InlineAcknowledgements.applyAttached(attached, ruleFindings, knownRuleIds)));
        }
        Map<String, String> texts = new HashMap<>();
        texts.put(path, prepared.text());
        prepared.scripts().forEach(script -> texts.putIfAbsent(script.relativePath(), script.text()));
        List<Finding> inFileSyntax = AcknowledgementHints.inFileSyntax(
                UncheckedTextFingerprints.apply(findings, texts, statementSql));
        return new FileOutcome(path, inFileSyntax, statements, true, false, statementSql, prepared.reachedFiles(),
                statementsByFile, SourceLines.of(inFileSyntax, texts), parsed);
    }

    /**
     * Messages name tables as the rules read them from the tokens, where a Flyway placeholder is still
     * {@code ${archiveTable}}; readers want the table it stands for, as Liquibase properties already are.
     * Only the message changes: baseline fingerprints keep using the statement as written.
     */
    private List<Finding> withPlaceholderValues(List<Finding> findings) {
        if (config.flyway().placeholders().isEmpty()) {
            return findings;
        }
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            String message = config.flyway().withPlaceholderValues(finding.message());
            result.add(message.equals(finding.message()) ? finding : finding.withMessage(message));
        }
        return result;
    }

    /** Pom-level suppressions, then the baseline; stale baseline entries become INFO findings. */
    List<Finding> applyProjectAcknowledgements(List<Finding> findings, List<FileOutcome> outcomes) {
        return configured.acknowledged(findings, outcomes);
    }

    Finding fileProblem(RuleInfo info, String path, int line, String message) {
        return fileProblem(info, path, line, 1, message);
    }

    private Finding fileProblem(RuleInfo info, String path, int line, int column, String message) {
        Severity severity = settings.severityOf(info).orElse(info.defaultSeverity());
        return Finding.of(info.id(), severity, new Location(path, line, column), message, info.hint(), "");
    }

    /**
     * An {@code unchecked-change} for each Flyway Java migration (see {@link JavaMigrationFindings}).
     *
     * @param scannedJavaSources the Java and Kotlin sources the scan met in the script folders
     */
    List<Finding> javaMigrationFindings(List<SourcePath> scannedJavaSources) {
        return JavaMigrationFindings.of(config, scannedJavaSources, classifier, this::isAlreadyApplied,
                config::relativeToBase, this::fileProblem);
    }

    private boolean isAlreadyApplied(SourceClassification classification) {
        if (sinceVersion == null || classification.kind() != SourceKind.FLYWAY_VERSIONED
                && classification.kind() != SourceKind.FLYWAY_BASELINE) {
            return false;
        }
        return classification.flywayVersion().map(version -> version.compareTo(sinceVersion) <= 0).orElse(false);
    }

    private static FlywayVersion parseVersion(String value) {
        try {
            return FlywayVersion.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sinceVersion '" + value + "' is not a Flyway version: "
                    + e.getMessage());
        }
    }
}
