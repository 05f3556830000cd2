package io.github.sqlguard.schema;

import io.github.sqlguard.model.ContentHash;
import io.github.sqlguard.schema.MigrationHistories.File;
import io.github.sqlguard.schema.MigrationHistories.Reversing;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One history's replay: its files in the order they are applied, and what the replay learnt of them. */
final class HistoryReplay {

    private final List<File> files = new ArrayList<>();
    private final List<String> databases;
    private final Map<List<Object>, List<Reversing>> reversals;
    private final FlywayHistoryTable flywayHistory;
    private final Map<StatementKey, Map<String, SchemaReplay>> replayOf = new LinkedHashMap<>();
    /** Per file, in replay order: the digest of what was replayed before it. */
    private final List<Map.Entry<String, String>> historyBefore = new ArrayList<>();
    private final Set<String> replayedReversals = new HashSet<>();
    private Map<String, SchemaReplay> lastInto = Map.of();
    /** Every replay of this history, forks included. */
    private final List<SchemaReplay> replays = new ArrayList<>();
    private final SplitMigrationGuards splitMigrations = new SplitMigrationGuards();
    /** The same for the down files of split migrations, which run as a run of their own. */
    private final SplitMigrationGuards splitMigrationDowns = new SplitMigrationGuards();
    private final EarlierRunCopies earlierRunCopies = new EarlierRunCopies();
    /** For each statement of a down script that drops what its up script created, that guard. */
    private final Map<StatementKey, Optional<Guard>> upScriptCreations = new HashMap<>();
    /** What the up script (or split migration) being replayed created so far; null once it could not be followed. */
    private UpScriptCreations creations;
    private volatile String failure;

    HistoryReplay(List<String> databases, Map<List<Object>, List<Reversing>> reversals,
            FlywayHistoryTable flywayHistory) {
        this.databases = databases;
        this.reversals = reversals;
        this.flywayHistory = flywayHistory;
    }

    void add(File file) {
        files.add(file);
    }

    /**
     * Replays the history. One that fails part-way, on what no statement-level fallback caught, has no facts to
     * give: {@link #failure} says so, and its files are checked as files the replay did not see.
     */
    void run() {
        try {
            replayFiles();
        } catch (RuntimeException | StackOverflowError e) {
            failure = "the schema replay of its migrations stopped at an error (" + e.getClass().getSimpleName()
                    + "), so nothing is known of the tables they built";
        }
    }

    /** Why the replay has no facts to give, when it failed part-way. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The history's first file when it is a versioned or baseline migration, which Flyway applies first. */
    Optional<File> opening() {
        return files.isEmpty() || files.get(0).place().version() == null ? Optional.empty() : Optional.of(files.get(0));
    }

    /** The paths of the files this history replays. */
    List<String> paths() {
        return files.stream().map(File::path).toList();
    }

    private void replayFiles() {
        Map<String, SchemaReplay> group = DatabaseSwitches.emptyLike(databases, flywayHistory);
        replays.addAll(group.values());
        DatabaseSwitches switches = new DatabaseSwitches(group, () -> {
            Map<String, SchemaReplay> other = DatabaseSwitches.emptyLike(databases, flywayHistory);
            replays.addAll(other.values());
            return other;
        });
        String chain = "";
        ContentHash repeatables = null;
        List<Reversing> splitDowns = new ArrayList<>();
        Optional<String> previousSplit = Optional.empty();
        for (int index = 0; index < files.size(); index++) {
            File file = files.get(index);
            splitMigrations.enter(file.path());
            Optional<String> split = SplitMigration.of(file.path());
            if (split.isEmpty() || !split.equals(previousSplit)) {
                creations = new UpScriptCreations();
            }
            previousSplit = split;
            switches.enter(file.path());
            historyBefore.add(Map.entry(file.path(), chain));
            boolean repeatable = file.place().repeatable();
            // A later file's findings name where an earlier one's routines and tables are, and whether it is a
            // repeatable migration: a rename with the same statements changes them too.
            ContentHash text = new ContentHash().add(chain).add("\n").add(file.path()).add(repeatable ? " R" : " V");
            group.values().forEach(replay -> replay.applyingRepeatable(repeatable));
            repeatables = repeatable && repeatables == null ? new ContentHash() : repeatables;
            if (repeatable) {
                repeatables.add("\n").add(file.path());
            }
            UpScriptCreations.Down downSection = null;
            Map<Map<String, SchemaReplay>, Map<String, SchemaReplay>> downSectionForks = new IdentityHashMap<>();
            for (Statement statement : file.statements().get()) {
                Map<String, SchemaReplay> runsOn = switches.replaysOf(statement);
                if (runsOn != group) {
                    runsOn.values().forEach(replay -> replay.applyingRepeatable(repeatable));
                }
                boolean rollback = statement.context().kind() == StatementContext.Kind.ROLLBACK;
                // A goose, sql-migrate or dbmate down section reverses the up section before it in the same file.
                if (SchemaReplay.reversesUpSection(statement)) {
                    downSection = downSection != null ? downSection : creations == null ? null : creations.down();
                    downSection = guardByUpScript(downSection, statement);
                    // Like a down script, it runs on its own copy of the schema the up section left: each of its
                    // statements sees what the ones before it changed, and the scripts after it see none of it.
                    runsOn = downSectionForks.computeIfAbsent(runsOn, this::fork);
                }
                applyOrGoOn(statement, runsOn);
                if (!rollback) {
                    followCreations(statement, runsOn);
                }
                splitMigrations.follow(statement, lastInto);
                if (!repeatable) {
                    earlierRunCopies.follow(statement, lastInto);
                }
                text.add("\n").add(statement.sql());
                if (repeatable) {
                    repeatables.add("\n").add(statement.sql());
                }
            }
            chain = text.hex();
            if (split.isEmpty()) {
                replayReversals(file, group, chain);
                continue;
            }
            splitDowns.addAll(reversalsOf(file));
            if (index + 1 == files.size() || !split.equals(SplitMigration.of(files.get(index + 1).path()))) {
                replaySplitReversals(splitDowns, group, chain);
                splitDowns.clear();
            }
        }
        if (repeatables != null) {
            // A versioned migration may call a routine of a repeatable one that follows it in the replay.
            String digest = repeatables.hex();
            historyBefore.replaceAll(entry -> Map.entry(entry.getKey(), entry.getValue() + digest));
        }
        earlierRunCopies.endRun();
        SchemaReplay.forgetBodiesNotCalled(replays);
    }

    /** The down and undo scripts that reverse {@code file}. */
    private List<Reversing> reversalsOf(File file) {
        List<Reversing> found = new ArrayList<>(
                reversals.getOrDefault(MigrationHistories.byPath(file.path()), List.of()));
        if (file.place().version() != null) {
            found.addAll(reversals.getOrDefault(
                    MigrationHistories.byVersion(file.place().history(), file.place().version()), List.of()));
        }
        found.addAll(reversals.getOrDefault(
                MigrationHistories.byGenericPath(file.place().history(), file.path()), List.of()));
        return found;
    }

    /** The down and undo scripts that reverse {@code file}, each on its own copy of the schema after it. */
    private void replayReversals(File file, Map<String, SchemaReplay> group, String chainAfter) {
        for (Reversing down : reversalsOf(file)) {
            // The schema a down script is checked against is the one after the script it reverses.
            historyBefore.add(Map.entry(down.path(), chainAfter));
            replayedReversals.add(down.path());
            Map<String, SchemaReplay> forks = fork(group);
            UpScriptCreations.Down reading = creations == null ? null : creations.down();
            for (Statement statement : down.statements().get()) {
                reading = guardByUpScript(reading, statement);
                apply(statement, forks);
            }
        }
    }

    /** Follows {@code statement} of an up script, which the history just replayed on {@code replays}. */
    private void followCreations(Statement statement, Map<String, SchemaReplay> replays) {
        if (creations == null) {
            return;
        }
        try {
            creations.followUp(statement, replays.isEmpty() ? SchemaView.UNKNOWN
                    : replays.values().iterator().next().before(statement));
        } catch (RuntimeException e) {
            // A statement the readers could not follow: what the up script created is no longer known.
            creations = null;
        }
    }

    /**
     * Records the guard of {@code statement} of a down script that {@code reading} follows, and follows it; returns
     * the reading to go on with, null once a statement could not be followed (nothing guards the rest).
     */
    private UpScriptCreations.Down guardByUpScript(UpScriptCreations.Down reading, Statement statement) {
        if (reading == null) {
            return null;
        }
        try {
            reading.guardOf(statement).ifPresent(guard ->
                    upScriptCreations.put(StatementKey.of(statement), Optional.of(guard)));
            reading.follow(statement);
            return reading;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The down files of a migration split into files ({@link SplitMigration}), on one copy of the schema after its
     * last file: popx rolls a migration back from its highest-numbered file down, each file seeing what the ones
     * before it did, as the statements of one down script would.
     */
    private void replaySplitReversals(List<Reversing> downs, Map<String, SchemaReplay> group, String chainAfter) {
        if (downs.isEmpty()) {
            return;
        }
        Map<String, SchemaReplay> forks = fork(group);
        ContentHash text = new ContentHash().add(chainAfter);
        List<Reversing> lastFirst = downs.stream().filter(distinctPaths())
                .sorted(Comparator.comparing(HistoryReplay::fileName).reversed()).toList();
        UpScriptCreations.Down reading = creations == null ? null : creations.down();
        for (Reversing down : lastFirst) {
            historyBefore.add(Map.entry(down.path(), text.hex()));
            replayedReversals.add(down.path());
            splitMigrationDowns.enter(down.path());
            for (Statement statement : down.statements().get()) {
                reading = guardByUpScript(reading, statement);
                apply(statement, forks);
                splitMigrationDowns.follow(statement, lastInto);
                text.add("\n").add(statement.sql());
            }
        }
    }

    private static java.util.function.Predicate<Reversing> distinctPaths() {
        Set<String> seen = new HashSet<>();
        return down -> seen.add(down.path());
    }

    private static String fileName(Reversing down) {
        String path = down.path().replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private Map<String, SchemaReplay> fork(Map<String, SchemaReplay> group) {
        Map<String, SchemaReplay> forks = new LinkedHashMap<>();
        group.forEach((database, replay) -> forks.put(database, replay.fork()));
        replays.addAll(forks.values());
        return forks;
    }

    /**
     * Applies {@code statement} as {@link #apply} does. A statement whose reading fails (a script cut short) is
     * left out of the replay as far as it had not gone; the DDL replay has already forgotten what such a statement
     * alters. The history goes on: one bad statement must not cost the check of every file.
     */
    private void applyOrGoOn(Statement statement, Map<String, SchemaReplay> group) {
        try {
            apply(statement, group);
        } catch (RuntimeException e) {
            // Nothing recorded it as applied, so its check is told the replay did not see it.
            return;
        }
    }

    /** Applies {@code statement} to each replay of {@code group} whose database it runs on. */
    private void apply(Statement statement, Map<String, SchemaReplay> group) {
        Map<String, SchemaReplay> into = new LinkedHashMap<>();
        // One key for every map that remembers the statement: the replay keeps them all until the checks end.
        StatementKey key = StatementKey.of(statement);
        group.forEach((database, replay) -> {
            if (statement.context().databases().includes(database)) {
                replay.apply(statement, key);
                into.put(database, replay);
            }
        });
        // Statement after statement runs on the same replays: one shared map for all of them, not one each.
        if (!into.equals(lastInto)) {
            lastInto = Collections.unmodifiableMap(into);
        }
        MigrationHistories.addReplays(replayOf, key, lastInto);
    }

    /** Every replay of this history, forks included. */
    List<SchemaReplay> replays() {
        return replays;
    }

    /** The replays each statement was applied to. */
    Map<StatementKey, Map<String, SchemaReplay>> replayOf() {
        return replayOf;
    }

    /** Per file, in replay order: the digest of what was replayed before it. */
    List<Map.Entry<String, String>> historyBefore() {
        return historyBefore;
    }

    /** The paths of the down and undo scripts this history replayed. */
    Set<String> replayedReversals() {
        return replayedReversals;
    }

    /** For each statement that destroys what an earlier run copied, a note saying where the copy went. */
    Map<StatementKey, Optional<Guard>> earlierRunCopies() {
        return earlierRunCopies.notes();
    }

    /** For each statement of a split migration's later files, up or down, what its earlier files did to guard it. */
    Map<StatementKey, Optional<Guard>> splitMigrationGuards() {
        Map<StatementKey, Optional<Guard>> both = new HashMap<>(splitMigrations.guards());
        splitMigrationDowns.guards().forEach((key, guard) -> both.merge(key, guard,
                (known, other) -> Objects.equals(known, other) ? known : Optional.empty()));
        // A guard the down files' own statements set up speaks first; the up script's creations guard the rest.
        upScriptCreations.forEach((key, guard) -> both.merge(key, guard,
                (known, other) -> known.isPresent() ? known : other));
        return both;
    }
}
