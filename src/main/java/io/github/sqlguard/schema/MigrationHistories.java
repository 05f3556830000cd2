package io.github.sqlguard.schema;

import io.github.sqlguard.source.FlywayVersion;
import io.github.sqlguard.source.SourceClassification;
import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The scanned files grouped into the histories {@link MigrationOrder} tells apart, each replayed in the
 * order the tool applies it. Add every file first, then {@link #replay()}, then ask {@link #factsFor}.
 *
 * <p>Within a changelog, changesets for one database ({@code dbms}, see {@link DatabaseVariants}) are
 * replayed only into that database's history, so one database's DDL never shapes the schema another
 * database's changeset is judged against. A down or undo script is replayed on a copy of its history just
 * after the script it reverses, and changes nothing after it; the down files of a migration split into files
 * ({@link SplitMigration}) are replayed one after the other, highest number first, on one copy of the history
 * after the migration's last file.
 */
public final class MigrationHistories implements EarlierRoutines {

    /**
     * A registered file: the databases its statements name, and its statements on demand, so that a large
     * project's files need not all be in memory while the replay runs.
     */
    record File(String path, MigrationOrder.Place place, Set<String> namedDatabases,
            Supplier<List<Statement>> statements) {
    }

    record Reversing(String path, MigrationOrder.Reversal reversal, Supplier<List<Statement>> statements) {
    }

    static final String CHANGELOG = "changelog ";

    private final List<File> files = new ArrayList<>();
    private final List<Reversing> reversing = new ArrayList<>();
    /** The files each root changelog includes, by its path. */
    private final Map<String, Set<String>> changelogReaches = new HashMap<>();
    /** The names of every routine the migrations create, and their lengths, to rule calls out quickly. */
    private final RoutineWords routineWords = new RoutineWords();
    private final Map<StatementKey, Map<String, SchemaReplay>> replayOf = new HashMap<>();
    private final Set<String> replayedReversals = new HashSet<>();
    private final Map<String, String> historyBefore = new HashMap<>();
    private final Map<String, String> notReplayed = new HashMap<>();
    /** For each statement of a split migration's later files, what its earlier files did to guard it. */
    private final Map<StatementKey, Optional<Guard>> earlierFilesGuards = new HashMap<>();
    /** Each replayed file, with its place when it is the first migration of every history that replays it. */
    private final Map<String, Optional<MigrationOrder.Place>> openings = new HashMap<>();
    /** For each statement that destroys what an earlier run copied, the note that says where the copy went. */
    private final Map<StatementKey, Optional<Guard>> earlierRunCopies = new HashMap<>();
    /** The names of Flyway's history table, which no migration creates but some alter. */
    private final FlywayHistoryTable flywayHistory;

    /** Histories in which Flyway's history table goes by its default names. */
    public MigrationHistories() {
        this(List.of());
    }

    /**
     * Histories in which Flyway's history table goes by {@code flywayTables} (as the settings name it) as well as by
     * its default names.
     */
    public MigrationHistories(List<String> flywayTables) {
        this.flywayHistory = FlywayHistoryTable.named(flywayTables);
    }

    /** Adds a file's statements, in the order they run within the file; ignored when it is not replayed. */
    public void add(String relativePath, SourceClassification classification, List<Statement> statements) {
        List<Statement> kept = List.copyOf(statements);
        add(relativePath, classification, namedDatabases(kept), () -> kept);
    }

    /**
     * Adds a file whose statements are read again when the replay reaches it.
     *
     * @param namedDatabases the databases its statements are restricted to ({@link #namedDatabases})
     * @param statements supplies its statements, in the order they run within the file, each time it is called
     */
    public void add(String relativePath, SourceClassification classification, Set<String> namedDatabases,
            Supplier<List<Statement>> statements) {
        add(relativePath, classification, namedDatabases, Set.of(), statements);
    }

    /**
     * Adds a file whose statements are read again when the replay reaches it, and the files it includes when it is a
     * changelog ({@link ChangelogSnapshots}: a snapshot named for the release of its first updates starts its history).
     *
     * @param reachedFiles the relative paths of the files a changelog included or ran through sqlFile
     */
    public void add(String relativePath, SourceClassification classification, Set<String> namedDatabases,
            Set<String> reachedFiles, Supplier<List<Statement>> statements) {
        var place = MigrationOrder.of(relativePath, classification);
        if (place.isPresent()) {
            files.add(new File(relativePath, place.get(), Set.copyOf(namedDatabases), statements));
            if (place.get().history().startsWith(CHANGELOG)) {
                changelogReaches.put(relativePath, Set.copyOf(reachedFiles));
            }
            return;
        }
        var reversal = MigrationOrder.reversal(relativePath, classification);
        if (reversal.isPresent()) {
            reversing.add(new Reversing(relativePath, reversal.get(), statements));
        } else {
            notReplayed.put(relativePath, classification.kind() == io.github.sqlguard.source.SourceKind.OTHER
                    ? "this file is not a migration the schema replay follows"
                    : "undo, rollback and revert scripts are replayed only when paired with what they reverse");
        }
    }

    /** The databases {@code statements} are restricted to (a Liquibase changeset's {@code dbms}), if any. */
    public static Set<String> namedDatabases(List<Statement> statements) {
        Set<String> named = new TreeSet<>();
        statements.forEach(statement -> named.addAll(statement.context().databases().named()));
        return named;
    }

    /** Replays every history, one after the other. */
    public void replay() {
        replay(tasks -> tasks.forEach(Runnable::run));
    }

    /**
     * Replays every history. Histories share nothing, so each is one task of {@code runAll}, which may run them
     * in parallel and returns once all are done; their results are then gathered in history order, so the
     * outcome does not depend on which finished first. A history is replayed once: afterwards it no longer holds
     * the files it was given, nor what supplies their statements, so these need not outlive the replay.
     *
     * @param runAll runs every task it is given and returns when all have finished
     */
    public void replay(Consumer<List<Runnable>> runAll) {
        Map<String, String> releaseJoined = DatabaseReleaseHistories.joined(this.files.stream()
                .filter(file -> !file.place().history().startsWith(CHANGELOG))
                .map(file -> new DatabaseReleaseHistories.Placed(file.place().history(), file.path())).toList());
        List<File> named = this.files.stream().map(file -> releaseJoined.containsKey(file.place().history())
                ? new File(file.path(), file.place().inHistory(releaseJoined.get(file.place().history())),
                        file.namedDatabases(), file.statements()) : file).toList();
        Map<String, List<String>> familySteps = FamilyStepScripts.alsoRunIn(named.stream()
                .filter(file -> !file.place().history().startsWith(CHANGELOG))
                .map(file -> new DatabaseReleaseHistories.Placed(file.place().history(), file.path())).toList());
        List<File> withFamily = new ArrayList<>(named);
        named.forEach(file -> familySteps.getOrDefault(file.path(), List.of()).forEach(other -> withFamily.add(
                new File(file.path(), file.place().inHistory(other), file.namedDatabases(), file.statements()))));
        List<File> joined = GenericFiles.joined(withFamily);
        List<File> files = new ArrayList<>(FlywayBaselines.replayed(joined, File::place));
        Set<String> kept = files.stream().map(File::path).collect(java.util.stream.Collectors.toSet());
        joined.stream().filter(file -> !kept.contains(file.path())).forEach(file -> notReplayed.put(file.path(),
                "a baseline migration runs only on an empty database, in place of the versioned scripts up to its"
                        + " version, and those build the schema here"));
        this.files.clear();
        Comparator<MigrationOrder.Place> appliedFirst = MigrationOrder.appliedFirst();
        files.sort((a, b) -> appliedFirst.compare(a.place(), b.place()));
        List<File> snapshotStarts = ChangelogSnapshots.placedBeforeRoots(changelogReaches, files);
        changelogReaches.clear();
        Map<String, List<String>> variants = DatabaseVariants.of(Stream.concat(files.stream(), snapshotStarts.stream())
                .map(file -> Map.entry(file.place().history(), file.namedDatabases())).toList());
        Map<List<Object>, List<Reversing>> reversals = reversalsByWhatTheyReverse(releaseJoined, files);
        List<MirroredFolders.PlainScript> plainScripts = files.stream().filter(file -> file.place().group() == 2
                && !file.place().history().startsWith(CHANGELOG))
                .map(file -> new MirroredFolders.PlainScript(file.place().history(), file.path())).toList();
        SameVersionFolders apart = SameVersionFolders.of(files.stream().filter(file -> file.place().version() != null)
                .map(file -> new SameVersionFolders.VersionedScript(file.place().history(), file.place().version(),
                        file.path())).toList())
                .with(MirroredFolders.of(plainScripts))
                .withRunningIn(ProductLineSteps.of(plainScripts));
        InstallScripts installs = InstallScripts.of(files.stream().filter(file -> file.place().group() == 2
                && !file.place().history().startsWith(CHANGELOG)).map(File::path).toList());
        Map<String, HistoryReplay> byHistory = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (File snapshot : snapshotStarts) {
            String history = snapshot.place().history();
            byHistory.computeIfAbsent(history + "\u0000", h -> new HistoryReplay(variants.getOrDefault(history,
                    List.of("")), reversals, flywayHistory)).add(snapshot);
        }
        for (File file : files) {
            if (installs.startsTheSteps(file.path())) {
                String history = file.place().history();
                byHistory.computeIfAbsent(history + "\u0000", h -> new HistoryReplay(variants.getOrDefault(history,
                        List.of(history)), reversals, flywayHistory)).add(file);
            }
        }
        for (File file : files) {
            String history = file.place().history();
            List<String> databases = variants.getOrDefault(history,
                    List.of(history.startsWith(CHANGELOG) ? "" : history));
            List<String> folders = installs.installFolder(file.path()).map(folder -> List.of("install " + folder))
                    .orElseGet(() -> apart.splits(history) ? apart.foldersOf(history, file.path()) : List.of(""));
            for (String folder : folders) {
                String key = history + "\u0000" + folder;
                // A changelog that several roots include runs after each root's own changes: named by its root,
                // each schema it runs on is kept, or the last root replayed would stand for all of them.
                labels.putIfAbsent(key, history.startsWith(CHANGELOG) ? ApartHistories.rootLabel(file.path())
                        : ApartHistories.label(folder, ""));
                byHistory.computeIfAbsent(key, h -> new HistoryReplay(databases, reversals, flywayHistory)).add(file);
            }
        }
        runAll.accept(byHistory.values().stream().map(replay -> (Runnable) replay::run).toList());
        ApartHistories apartReplays = new ApartHistories();
        // Without a history replayed apart, no statement is judged in two under different names.
        boolean anyApart = labels.values().stream().anyMatch(label -> !label.isEmpty());
        for (Map.Entry<String, HistoryReplay> history : byHistory.entrySet()) {
            HistoryReplay replayed = history.getValue();
            String label = labels.getOrDefault(history.getKey(), "");
            if (replayed.failure().isPresent()) {
                replayed.paths().forEach(path -> notReplayed.put(path, replayed.failure().get()));
                continue;
            }
            replayed.replays().forEach(replay -> routineWords.addAll(replay.routineWords()));
            Optional<File> opening = replayed.opening();
            replayed.paths().forEach(path -> openings.merge(path, opening.filter(file -> file.path().equals(path))
                    .map(File::place), (known, other) -> known.isPresent() && other.isPresent() ? known
                            : Optional.empty()));
            if (anyApart) {
                replayed.replayOf().forEach((key, into) -> apartReplays.add(key, label, into));
            } else {
                replayed.replayOf().forEach((key, into) -> addReplays(replayOf, key, into));
            }
            replayed.historyBefore().forEach(entry -> historyBefore.merge(entry.getKey(), entry.getValue(),
                    String::concat));
            replayedReversals.addAll(replayed.replayedReversals());
            // A statement replayed in several histories is guarded only when every one of them guards it alike
            replayed.splitMigrationGuards().forEach((key, guard) -> earlierFilesGuards.merge(key, guard,
                    (known, other) -> known.equals(other) ? known : Optional.empty()));
            replayed.earlierRunCopies().forEach((key, note) -> earlierRunCopies.merge(key, note,
                    (known, other) -> known.equals(other) ? known : Optional.empty()));
        }
        apartReplays.addTo(replayOf);
        for (Reversing down : reversing) {
            if (!replayedReversals.contains(down.path())) {
                notReplayed.put(down.path(), "no up script for this down script was found to replay it after");
            }
        }
        reversing.clear();
    }

    /**
     * Records that the statement of {@code key} was replayed on {@code into} as well. The maps are shared between
     * statements, so they are never changed in place.
     */
    static void addReplays(Map<StatementKey, Map<String, SchemaReplay>> replayOf, StatementKey key,
            Map<String, SchemaReplay> into) {
        Map<String, SchemaReplay> known = replayOf.get(key);
        if (known == null) {
            replayOf.put(key, into);
        } else if (!known.equals(into)) {
            Map<String, SchemaReplay> both = new LinkedHashMap<>(known);
            both.putAll(into);
            replayOf.put(key, Collections.unmodifiableMap(both));
        }
    }

    /**
     * The reversing scripts by the up script they reverse: its path (the first of the paths it may have that is
     * among {@code replayed}), or its history and Flyway version. A numbered down script without an up script of
     * its name reverses the one of its version among {@code replayed}.
     */
    private Map<List<Object>, List<Reversing>> reversalsByWhatTheyReverse(Map<String, String> releaseJoined,
            List<File> replayed) {
        Map<List<Object>, List<Reversing>> byTarget = new HashMap<>();
        Set<String> upPaths = new HashSet<>();
        Set<List<Object>> replayedIn = new HashSet<>();
        replayed.forEach(file -> {
            upPaths.add(file.path());
            replayedIn.add(byGenericPath(file.place().history(), file.path()));
        });
        NumberedUpScripts numbered = null;
        for (Reversing down : reversing) {
            MigrationOrder.Reversal asNamed = down.reversal();
            String upPath = asNamed.upPaths().stream().filter(upPaths::contains).findFirst()
                    .orElse(asNamed.upPath());
            if (asNamed.version() == null && !upPaths.contains(upPath) && MigrationOrder.databaseFile(
                    upPath.substring(Math.max(upPath.lastIndexOf('/'), upPath.lastIndexOf('\\')) + 1)).isEmpty()) {
                // 2_rename.down.sql beside 2_add.up.sql: the version's number pairs them (a down script whose name
                // names a database, 2_x.mysql.down.sql, keeps to the pairing by name its database's history settles)
                numbered = numbered == null ? new NumberedUpScripts(upPaths) : numbered;
                upPath = numbered.sameVersionAs(upPath).orElse(upPath);
            }
            MigrationOrder.Reversal reversal = new MigrationOrder.Reversal(upPath,
                    releaseJoined.getOrDefault(asNamed.history(), asNamed.history()), asNamed.version());
            List<Object> key = reversal.version() == null ? byPath(reversal.upPath())
                    : byVersion(reversal.history(), reversal.version());
            byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(down);
            // x.mysql.down.sql reverses, where no x.mysql.up.sql exists, the x.up.sql the mysql history runs
            if (reversal.version() == null && !reversal.history().isEmpty()) {
                MigrationOrder.databaseFile(reversal.upPath()).ifPresent(named -> {
                    byTarget.computeIfAbsent(byGenericPath(reversal.history(), named.genericPath()),
                            k -> new ArrayList<>()).add(down);
                    // Where the database's history does not run x.up.sql (no up script beside it names the
                    // database), the history shared by every database does, and this down script reverses that.
                    if (!replayedIn.contains(byGenericPath(reversal.history(), named.genericPath()))
                            && replayedIn.contains(byGenericPath("", named.genericPath()))) {
                        byTarget.computeIfAbsent(byGenericPath("", named.genericPath()), k -> new ArrayList<>())
                                .add(down);
                    }
                });
            }
        }
        return byTarget;
    }

    static List<Object> byGenericPath(String history, String path) {
        return List.of("generic", history, path);
    }

    static List<Object> byPath(String path) {
        return List.of("path", path);
    }

    static List<Object> byVersion(String history, FlywayVersion version) {
        return List.of("version", history, version);
    }

    /**
     * A digest of every statement replayed before {@code relativePath} in its history, in order: the schema
     * that file is checked against is the same while this is. Empty for a file that was not replayed.
     */
    public String historyBefore(String relativePath) {
        return historyBefore.getOrDefault(relativePath, "");
    }

    /**
     * Whether, and why, Flyway runs the file at {@code relativePath} only on an empty schema ({@link
     * EmptySchemaDrops#reason}), when it is the first migration of every history that replays it; empty otherwise.
     */
    public Optional<EmptySchemaDrops.Opening> opening(String relativePath, Optional<FlywayVersion> baselineVersion) {
        return openings.getOrDefault(relativePath, Optional.empty())
                .flatMap(place -> EmptySchemaDrops.reason(place, baselineVersion));
    }

    @Override
    public boolean mayCall(Statement statement) {
        return routineWords.anyNamedIn(statement);
    }

    /**
     * The routine named {@code name} that a migration replayed before {@code call} created, in the first
     * database history the call runs in; empty for a call the replay did not see.
     */
    @Override
    public List<DefinedRoutine> before(Statement call, String name) {
        Map<String, SchemaReplay> replays = replayOf.get(StatementKey.of(call));
        return replays == null || replays.isEmpty() ? List.of()
                : replays.values().iterator().next().routinesBefore(call, name);
    }

    /**
     * What the replay knows for {@code statement}: the schema of the first database history it runs in, and
     * its column type changes as judged in every one of them. Unknown, with the reason, for one not replayed.
     */
    public SchemaFacts factsFor(Statement statement) {
        Map<String, SchemaReplay> replays = replayOf.get(StatementKey.of(statement));
        if (replays == null) {
            return SchemaFacts.notReplayed(notReplayed.getOrDefault(statement.start().path(),
                    "the schema replay did not see this statement"));
        }
        if (replays.isEmpty()) {
            return SchemaFacts.notReplayed("its changeset runs on no database this changelog names");
        }
        Optional<Guard> guard = earlierFilesGuards.getOrDefault(StatementKey.of(statement), Optional.empty());
        Optional<Guard> copy = earlierRunCopies.getOrDefault(StatementKey.of(statement), Optional.empty());
        if (replays.size() == 1 && replays.containsKey("")) {
            return replays.get("").factsFor(statement).guardedBy(guard, copy);
        }
        SchemaFacts first = null;
        // A changeset is left out only where it runs nowhere: on each database its preconditions fail.
        Optional<Guard> notRun = Optional.empty();
        boolean runsSomewhere = false;
        List<ColumnRetype> retypes = new ArrayList<>();
        List<SchemaView> others = new ArrayList<>();
        Map<String, SchemaView> byDatabase = new LinkedHashMap<>();
        for (Map.Entry<String, SchemaReplay> entry : replays.entrySet()) {
            SchemaFacts facts = entry.getValue().factsFor(statement);
            byDatabase.put(entry.getKey(), facts.before());
            if (first != null) {
                others.add(facts.before());
            }
            first = first == null ? facts : first;
            runsSomewhere |= facts.notRun().isEmpty();
            notRun = notRun.or(facts::notRun);
            facts.retypes().forEach(retype -> retypes.add(retype.on(DatabaseVariants.describe(entry.getKey()))));
        }
        return new SchemaFacts(first.before().alongside(others).byDatabase(byDatabase), retypes)
                .guardedBy(guard, copy).notRunBecause(runsSomewhere ? Optional.empty() : notRun);
    }
}
