package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.rules.FileDiagnostics;
import io.github.sqlguard.schema.MigrationHistories;
import io.github.sqlguard.source.ScanProblem;
import io.github.sqlguard.source.ScanResult;
import io.github.sqlguard.source.ScanSnapshot;
import io.github.sqlguard.source.SourcePath;
import io.github.sqlguard.source.SourceScanner;
import io.github.sqlguard.sql.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * The library entry point: finds the migration files, analyses each one independently (in parallel), then
 * applies the project-wide acknowledgements. Knows nothing of Maven.
 */
public final class Linter implements AutoCloseable {

    /** The scan snapshot's file name, beside the analysis cache. */
    private static final String SCAN_SNAPSHOT = "scan-snapshot.bin";

    /**
     * Source characters read before the analysis asks for {@link QuickCompilation}. The directive's own cost (a
     * fifth of a second of a core) made a two-file run 0.05 s slower, and once it also kept the JDK's methods off C2
     * a 550 kB project gained 0.09 s (medians of 10 interleaved cold runs); a 4.6 MB one gained 0.1 s by asking
     * after 1 million characters rather than after 4 million, before C2 had compiled the lexer.
     */
    static final long QUICK_COMPILATION_CHARS = 500_000;

    private final boolean replaySchema;
    private final long retainedChars;
    private final long quickCompilationChars;
    private AnalysisCache.Reading cacheReadAhead;
    private boolean keepQuickCompilation;
    private final List<QuickCompilation> heldCompilations = new ArrayList<>();

    public Linter() {
        this(true, Retention.budgetForThisHeap());
    }

    /**
     * @param replaySchema false to judge every statement without the schema replay (to measure what it changes)
     * @param retainedChars how much source text stays prepared between reading and checking; the files beyond it
     *     are read again when their turn comes
     */
    Linter(boolean replaySchema, long retainedChars) {
        this(replaySchema, retainedChars, QUICK_COMPILATION_CHARS);
    }

    /** As {@link #Linter(boolean, long)}, asking for {@link QuickCompilation} once {@code quickCompilationChars} are read. */
    Linter(boolean replaySchema, long retainedChars, long quickCompilationChars) {
        this.replaySchema = replaySchema;
        this.retainedChars = retainedChars;
        this.quickCompilationChars = quickCompilationChars;
    }

    /**
     * Identifies this build of sqlguard, a rebuilt snapshot included, for caches of what it computed.
     */
    public static String codeIdentity() {
        return AnalysisFingerprint.codeIdentity();
    }

    /**
     * Starts reading the analysis cache in {@code cacheFile} on a thread of its own, for a later
     * {@link #run(LintConfig, Path)} with the same file: the reading overlaps what the caller does meanwhile,
     * such as working out the configuration.
     *
     * @return this linter
     */
    public Linter readingAhead(Path cacheFile) {
        cacheReadAhead = AnalysisCache.readInBackground(cacheFile);
        return this;
    }

    /**
     * Keeps the {@link QuickCompilation} a large run asks for in force until {@link #close()} rather than only
     * while it analyses: the report writers that follow on so many findings are short work too.
     *
     * @return this linter
     */
    public Linter keepingQuickCompilation() {
        keepQuickCompilation = true;
        return this;
    }

    /** Ends the {@link QuickCompilation} its runs asked for and {@link #keepingQuickCompilation() kept}. */
    @Override
    public void close() {
        heldCompilations.forEach(QuickCompilation::close);
        heldCompilations.clear();
    }

    /**
     * Runs the analysis.
     *
     * @throws IllegalArgumentException when the configuration names an unknown rule, severity or glob, or the
     *     baseline file is malformed; the message says what to fix
     */
    public LintResult run(LintConfig config) {
        return run(config, null);
    }

    /**
     * Runs the analysis, reusing the findings of files that did not change since the run that wrote
     * {@code cacheFile}, and updates it; once more for each other value the Flyway settings give a placeholder, with
     * a cache of its own ({@link PlaceholderVariants}).
     *
     * @param cacheFile the analysis cache, or null to analyse every file
     * @throws IllegalArgumentException as {@link #run(LintConfig)}
     * @throws HeapExhaustedException when the Java heap cannot hold the analysis; the message says what to do
     */
    public LintResult run(LintConfig config, Path cacheFile) {
        return PlaceholderVariants.run(this, config, cacheFile);
    }

    /** {@link #run(LintConfig, Path)} with the first value of every placeholder only. */
    LintResult runOnce(LintConfig config, Path cacheFile) {
        long started = System.nanoTime();
        AnalysisCache.Reading readAhead = cacheReadAhead;
        cacheReadAhead = null; // read for one run: the run rewrites the cache
        AnalysisCache.Reading cache = cacheFile == null ? null
                : readAhead != null && readAhead.file().equals(cacheFile) ? readAhead
                : AnalysisCache.readInBackground(cacheFile);
        BackgroundTask<LintSession> session = BackgroundTask.start("sqlguard-rules", () -> new LintSession(config));
        ScanResult scan = scan(config, cacheFile == null ? null : cacheFile.resolveSibling(SCAN_SNAPSHOT));
        // Taken while the cache may still be read: a run with nothing changed compares every file's size and time.
        // Without a cache file (a first run, or after mvn clean) nothing is compared.
        Map<String, AnalysisCacheFile.FileStamp> stamps = cache == null || !Files.isRegularFile(cacheFile) ? Map.of()
                : AnalysisCache.stampsOf(scan.files());
        try {
            return run(config, cache == null ? null : cache.open(config, scan), stamps, session.result(), scan,
                    started);
        } catch (OutOfMemoryError e) {
            // What the analysis held is unreachable once its workers are gone: there is room for the message.
            throw HeapExhaustedException.of(scan.files(), Runtime.getRuntime().maxMemory(), e);
        }
    }

    /** The files to check: the last scan's when no folder changed since (see {@link ScanSnapshot}). */
    private static ScanResult scan(LintConfig config, Path snapshot) {
        if (snapshot == null) {
            return new SourceScanner(config.includes(), config.excludes(), config.flyway().naming())
                    .scan(config.directories(), config.baseDir());
        }
        String key = ScanSnapshot.keyOf(codeIdentity(), config.includes(), config.excludes(), config.flyway().naming(),
                config.directories(), config.baseDir());
        Optional<ScanResult> kept = ScanSnapshot.reuse(snapshot, key);
        if (kept.isPresent()) {
            return kept.get();
        }
        ScanResult scan = new SourceScanner(config.includes(), config.excludes(), config.flyway().naming())
                .scan(config.directories(), config.baseDir());
        try {
            ScanSnapshot.save(snapshot, key, scan);
        } catch (IOException | RuntimeException e) {
            // Only speed is lost: the next run scans every folder again, and the analysis cache reports an
            // unwritable build folder itself.
        }
        return scan;
    }

    private LintResult run(LintConfig config, AnalysisCache cache, Map<String, AnalysisCacheFile.FileStamp> stamps,
            LintSession session, ScanResult scan, long started) {

        // Loops rather than streams here and below: a run with nothing changed spends its time in a JVM that
        // has not warmed up, where every lambda is a class generated at its first use.
        List<SourcePath> changelogsFirst = new ArrayList<>(scan.files().size());
        for (SourcePath file : scan.files()) {
            if (mayBeStructuredChangelog(file)) {
                changelogsFirst.add(file);
            }
        }
        for (SourcePath file : scan.files()) {
            if (!mayBeStructuredChangelog(file)) {
                changelogsFirst.add(file);
            }
        }
        // With nothing changed since the last run, its outcomes stand: no file is read, split or replayed.
        List<FileOutcome> outcomes = cache == null || !replaySchema ? analyse(session, config, scan, cache)
                : cache.previousRunIfUnchanged(changelogsFirst, stamps).orElseGet(() -> analyse(session, config, scan, cache));

        Set<String> scannedFiles = new TreeSet<>();
        Map<String, Integer> statementsByFile = new HashMap<>();
        int alreadyApplied = 0;
        int parsed = 0;
        for (FileOutcome outcome : outcomes) {
            parsed += outcome.parsedStatements();
            // A changelog included by another was read twice: count each file's statements once.
            for (Map.Entry<String, Integer> counted : outcome.statementsByFile().entrySet()) {
                Integer before = statementsByFile.get(counted.getKey());
                if (before == null || before < counted.getValue()) {
                    statementsByFile.put(counted.getKey(), counted.getValue());
                }
            }
            if (outcome.alreadyApplied()) {
                alreadyApplied++;
            } else if (outcome.scanned()) {
                scannedFiles.add(outcome.path());
                scannedFiles.addAll(outcome.reachedFiles());
            }
        }
        int statements = 0;
        for (int count : statementsByFile.values()) {
            statements += count;
        }
        List<String> notes = new ArrayList<>();
        for (Path missing : scan.missingDirectories()) {
            Path shown = missing.startsWith(config.baseDir()) && !missing.equals(config.baseDir())
                    ? config.baseDir().relativize(missing) : missing;
            notes.add("directory " + shown.toString().replace('\\', '/') + " does not exist; nothing checked there "
                    + "(correct the Flyway location, changelog or <directories> entry that names it, or create it)");
        }
        UnselectedPlsqlSources.note(config.dialect(), scan.plsqlSources(), scannedFiles).ifPresent(notes::add);
        if (scan.files().isEmpty()) {
            notes.add("no file matched includes " + config.includes() + (config.excludes().isEmpty() ? ""
                    : " and excludes " + config.excludes()) + " in " + config.directories()
                    + "; nothing was checked (check the directories and globs)");
        }
        if (cache != null) {
            try {
                cache.save();
            } catch (IOException | RuntimeException e) {
                notes.add("the analysis cache " + cache.file() + " could not be written (" + e.getMessage()
                        + "); the next run analyses every file again");
            }
        }
        List<Finding> unique = OneFindingPerPlace.of(outcomes);
        for (ScanProblem problem : scan.problems()) {
            unique.add(session.fileProblem(FileDiagnostics.UNREADABLE_FILE, problem.relativePath(), 1,
                    problem.message()));
        }
        unique.addAll(session.javaMigrationFindings(scan.javaSources()));
        unique.addAll(CodeStepFindings.of(scan.codeSteps(), session::fileProblem));
        Map<Location, String> statementSql = new HashMap<>();
        Map<Location, String> sourceLines = new HashMap<>();
        for (FileOutcome outcome : outcomes) {
            statementSql.putAll(outcome.statementSql());
            sourceLines.putAll(outcome.sourceLines());
        }
        List<Finding> acknowledged = session.applyProjectAcknowledgements(
                ScannedIncludes.lowered(unique, scan.files(), sourceLines), outcomes);
        Collections.sort(acknowledged);
        return new LintResult(acknowledged, new ArrayList<>(scannedFiles), statements, alreadyApplied, notes, session.ruleInfos(),
                Duration.ofNanos(System.nanoTime() - started), statementSql, sourceLines,
                cache == null ? 0 : cache.reusedFiles(), parsed);
    }

    /**
     * Reads and splits every file, replays the schema through them in the order the migration tool applies
     * them, and checks each file against the schema before it (or takes its outcome from the cache). Files
     * beyond the {@link Retention} budget are read again for the replay and for their check, so memory stays
     * bounded however many migrations a project has.
     */
    private List<FileOutcome> analyse(LintSession session, LintConfig config, ScanResult scan, AnalysisCache cache) {
        QuickCompilation.WhenLarge compilation = new QuickCompilation.WhenLarge(quickCompilationChars);
        try {
            return analyse(session, config, scan, cache, compilation);
        } finally {
            // Every worker is done here, so a request made is known.
            compilation.requested().ifPresent(keepQuickCompilation ? heldCompilations::add : QuickCompilation::close);
        }
    }

    private List<FileOutcome> analyse(LintSession session, LintConfig config, ScanResult scan, AnalysisCache cache,
            LongConsumer readCounter) {
        Retention retention = new Retention(retainedChars);
        Map<String, Set<String>> namedDatabases = new ConcurrentHashMap<>();
        session.nameDatabasesBySiblings(scan.files());
        Function<SourcePath, PreparedFile> prepare = file -> {
            AtomicBoolean kept = new AtomicBoolean(true);
            PreparedFile prepared = session.prepare(file, chars -> {
                readCounter.accept(chars);
                kept.set(retention.admits(chars));
                return kept.get();
            });
            namedDatabases.put(file.relativePath(), MigrationHistories.namedDatabases(statementsOf(prepared)));
            return kept.get() || prepared.isReleased() ? prepared : prepared.released();
        };
        // Changelogs first: a file they include or run through sqlFile is analysed with their context
        // (changeset, properties) and not a second time on its own.
        List<SourcePath> changelogCandidates = scan.files().stream().filter(Linter::mayBeStructuredChangelog).toList();
        List<PreparedFile> prepared = new ArrayList<>(Workers.inParallel(changelogCandidates, prepare, config.threads()));
        Set<String> reached = new LinkedHashSet<>();
        prepared.forEach(file -> reached.addAll(file.reachedFiles()));
        List<SourcePath> rest = scan.files().stream()
                .filter(file -> !mayBeStructuredChangelog(file) && !reached.contains(file.relativePath())).toList();
        prepared.addAll(Workers.inParallel(rest, prepare, config.threads()));
        // Each file is let go as its check takes it: the files kept since their first reading need not all stay
        // until the last one is checked.
        AtomicReferenceArray<PreparedFile> waiting =
                new AtomicReferenceArray<>(CheckedRoots.of(prepared).toArray(PreparedFile[]::new));
        prepared.clear();
        MigrationHistories histories = new MigrationHistories(config.flyway().historyTables());
        if (replaySchema) {
            for (int index = 0; index < waiting.length(); index++) {
                PreparedFile file = waiting.get(index);
                if (file.classification() != null) {
                    histories.add(file.path(), file.classification(), namedDatabases.get(file.path()),
                            file.reachedFiles(), () -> statementsOf(readAgainIfReleased(session, file)));
                }
            }
            // Each history's replay reads its released files again: in parallel, that is no longer one thread's work.
            histories.replay(tasks -> Workers.inParallel(ModelsReadAhead.besideReplays(tasks, session, waiting, retention,
                    file -> cache == null || !cache.holdsOutcomeOf(file.source(), file.stamp()), config.threads()),
                    task -> {
                task.run();
                return null;
            }, config.threads()));
        }
        List<FileOutcome> outcomes = Workers.inParallel(IntStream.range(0, waiting.length()).boxed().toList(), index -> {
            PreparedFile file = readAgainIfReleased(session, waiting.getAndSet(index, null));
            return cache == null ? session.check(file, histories)
                    : cache.outcome(file.source(), file.stamp(), mayBeStructuredChangelog(file.source()),
                            histories.historyBefore(file.path()), source -> session.check(file, histories));
        }, config.threads());
        session.forgetModelsReadAhead(); // those of files whose outcome the cache held after all
        return outcomes;
    }

    private static PreparedFile readAgainIfReleased(LintSession session, PreparedFile file) {
        return file.isReleased() ? session.prepare(file.source()) : file;
    }

    private static List<Statement> statementsOf(PreparedFile file) {
        return file.statements();
    }

    static boolean mayBeStructuredChangelog(SourcePath file) {
        String name = file.fileName().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
