package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snapshot changelogs that start the history of a changelog of updates, as some projects keep them: the schema of one
 * release in a changelog of its own ({@code snapshots/schema-only/app-schema-only-1.9.x.xml}, its rows in
 * {@code snapshots/core-data/app-core-data-1.9.x.xml}), beside changelogs of updates named for the release they belong
 * to ({@code updates/app-update-to-latest-1.9.x.xml}, {@code ..-2.0.x.xml}), which a root changelog includes from one
 * release on. The updates changelog of the release a snapshot is named for is its counterpart: a database upgraded
 * from that release was created by that snapshot, so the root's history starts with it. Without it, each type change
 * of the updates finds a table "not created by the migrations that run before this one". A new database runs a
 * snapshot on its own as well, so the snapshot stays a history of its own too.
 */
final class ChangelogSnapshots {

    /** A release with at least one dot, its last part a number or {@code x}: {@code 1.9.x}, {@code v2.0.1}. */
    private static final String RELEASE = "v?(\\d+(?:\\.(?:\\d+|x))+)";

    /**
     * A changelog of the changes of one release: a word that says it changes a schema, perhaps words after it, then
     * the release ({@code app-update-to-latest-1.9.x.xml}, {@code changes-2.0.xml}, {@code upgrade_v3.1.yaml}).
     */
    private static final Pattern UPDATES = Pattern.compile("(?:.*?[-_.])?(?:changes?|changeset|upgrades?|updates?"
            + "|migrate|migration|delta|patch)(?:[-_.][a-z][a-z0-9]*)*[-_.]" + RELEASE + "\\.(?:xml|ya?ml|json)",
            Pattern.CASE_INSENSITIVE);

    /** A changelog named for one release: {@code app-schema-only-1.9.x.xml}, {@code 2.0.0.xml}. */
    private static final Pattern NAMED_RELEASE = Pattern.compile("(?:.*?[-_.])?" + RELEASE + "\\.(?:xml|ya?ml|json)",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> SNAPSHOT_WORDS = Set.of("snapshot", "snapshots", "baseline", "baselines");

    private ChangelogSnapshots() {
    }

    /**
     * For each root changelog of {@code reachedByRoot} (its path, with {@code /} between folders, and the files it
     * includes) that includes changelogs of updates and no snapshot, the snapshot root changelogs named for the
     * lowest release of those updates, in the order they run: the schema before the rows (a snapshot whose path
     * names {@code data} comes last), otherwise by path.
     */
    static Map<String, List<String>> startingHistories(Map<String, Set<String>> reachedByRoot) {
        Map<String, List<String>> snapshotsByRelease = new HashMap<>();
        reachedByRoot.forEach((root, reached) -> {
            Optional<String> release = snapshotRelease(root);
            if (release.isPresent() && reached.stream().noneMatch(path -> updatesRelease(path).isPresent())) {
                snapshotsByRelease.computeIfAbsent(release.get(), r -> new ArrayList<>()).add(root);
            }
        });
        Map<String, List<String>> starting = new HashMap<>();
        if (snapshotsByRelease.isEmpty()) {
            return starting;
        }
        reachedByRoot.forEach((root, reached) -> {
            if (snapshotRelease(root).isPresent() || reached.stream().anyMatch(ChangelogSnapshots::isSnapshot)) {
                return;
            }
            reached.stream().map(ChangelogSnapshots::updatesRelease).flatMap(Optional::stream)
                    .min(NumberedPathOrder.INSTANCE).map(snapshotsByRelease::get)
                    .ifPresent(snapshots -> starting.put(root, snapshots.stream()
                            .sorted(Comparator.comparing(ChangelogSnapshots::namesData).thenComparing(
                                    NumberedPathOrder.INSTANCE)).toList()));
        });
        return starting;
    }

    /**
     * The snapshot changelogs among {@code files} that start a root changelog's history ({@link #startingHistories} of
     * {@code reachedByRoot}), each placed in that history, in the order they run before the root.
     */
    static List<MigrationHistories.File> placedBeforeRoots(Map<String, Set<String>> reachedByRoot,
            List<MigrationHistories.File> files) {
        Map<String, List<String>> starting = startingHistories(reachedByRoot);
        if (starting.isEmpty()) {
            return List.of();
        }
        Map<String, MigrationHistories.File> byPath = new HashMap<>();
        files.forEach(file -> byPath.putIfAbsent(file.path(), file));
        List<MigrationHistories.File> placed = new ArrayList<>();
        for (MigrationHistories.File root : files) {
            for (String path : starting.getOrDefault(root.path(), List.of())) {
                MigrationHistories.File snapshot = byPath.get(path);
                if (snapshot != null) {
                    placed.add(new MigrationHistories.File(path, snapshot.place().inHistory(root.place().history()),
                            snapshot.namedDatabases(), snapshot.statements()));
                }
            }
        }
        return placed;
    }

    /** The release a snapshot changelog is named for, when {@code path} is one. */
    static Optional<String> snapshotRelease(String path) {
        Matcher named = NAMED_RELEASE.matcher(nameOf(path));
        return named.matches() && isSnapshot(path) && !UPDATES.matcher(nameOf(path)).matches()
                ? Optional.of(named.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The release a changelog of updates is named for, when {@code path} is one. */
    static Optional<String> updatesRelease(String path) {
        Matcher updates = UPDATES.matcher(nameOf(path));
        return updates.matches() && !isSnapshot(path) ? Optional.of(updates.group(1).toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    private static boolean isSnapshot(String path) {
        return words(path).stream().anyMatch(SNAPSHOT_WORDS::contains);
    }

    private static boolean namesData(String path) {
        return words(path).contains("data");
    }

    private static List<String> words(String path) {
        return Arrays.asList(path.toLowerCase(Locale.ROOT).split("[/\\\\._-]+"));
    }

    private static String nameOf(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
