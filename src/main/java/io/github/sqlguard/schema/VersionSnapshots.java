package io.github.sqlguard.schema;

import io.github.sqlguard.source.FlywayVersion;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Full schemas kept per version beside a folder of version steps: {@code main/full_schemas/72/full.sql} beside
 * {@code main/delta/73/} .. {@code main/delta/94/}, as Synapse keeps them. A new database runs the latest full schema
 * and then the steps above its version; an existing one runs only the steps. So the latest is replayed before the
 * steps when every step stands above its version (the older steps were removed), and the steps are judged against
 * the tables it creates; where steps at or below its version remain, those build the schema, as on the databases
 * that ran them. Either way each full schema is also a history of its own, checked as a new database runs it.
 *
 * @param ownFolders the folders of the full schemas, each a history of its own
 * @param stepsBases the scripts of the full schema the steps run after, in the steps' history
 */
record VersionSnapshots(Set<String> ownFolders, Set<String> stepsBases) {

    /** A folder name with a word saying it holds whole schemas: {@code full_schemas}, {@code snapshots}, .. */
    private static final Pattern SNAPSHOT_FOLDER = Pattern.compile(
            "(?:.*[-_.])?(?:full|snapshots?|baselines?)(?:[-_.].*)?", Pattern.CASE_INSENSITIVE);

    /** A folder named for a plain version ({@code 72}, {@code v1.2}), as the steps' folders are. */
    private static final Pattern VERSION = Pattern.compile("v?(\\d+(?:[._]\\d+)*)", Pattern.CASE_INSENSITIVE);

    /** True for a folder whose name says its version folders hold whole schemas, not steps. */
    static boolean isSnapshotFolder(String name) {
        return SNAPSHOT_FOLDER.matcher(name).matches();
    }

    /**
     * The full schemas among {@code paths} (with {@code /} between folders) kept beside a folder of steps that
     * {@code versionsByStepsFolder} names, with the names of its version folders.
     */
    static VersionSnapshots of(Collection<String> paths, Map<String, Set<String>> versionsByStepsFolder) {
        Map<String, TreeMap<FlywayVersion, String>> snapshotsByParent = new HashMap<>();
        Map<String, Set<String>> filesByFolder = new HashMap<>();
        for (String path : paths) {
            String[] parts = path.split("/");
            if (parts.length < 3 || !isSnapshotFolder(parts[parts.length - 3])) {
                continue;
            }
            Optional<FlywayVersion> version = version(parts[parts.length - 2]);
            if (version.isPresent()) {
                String parent = String.join("/", List.of(parts).subList(0, parts.length - 3));
                String folder = path.substring(0, path.lastIndexOf('/') + 1);
                snapshotsByParent.computeIfAbsent(parent.isEmpty() ? "" : parent + "/", p -> new TreeMap<>())
                        .put(version.get(), folder);
                filesByFolder.computeIfAbsent(folder, f -> new HashSet<>()).add(path);
            }
        }
        Set<String> ownFolders = new HashSet<>();
        Set<String> stepsBases = new HashSet<>();
        snapshotsByParent.forEach((parent, snapshots) -> {
            Optional<FlywayVersion> firstStep = firstStepBeside(parent, versionsByStepsFolder);
            if (firstStep.isEmpty()) {
                return; // no steps beside them: plain scripts, run in path order
            }
            ownFolders.addAll(snapshots.values());
            if (firstStep.get().compareTo(snapshots.lastKey()) > 0) {
                stepsBases.addAll(filesByFolder.get(snapshots.lastEntry().getValue()));
            }
        });
        return new VersionSnapshots(ownFolders, stepsBases);
    }

    /** The lowest version of the steps in a folder of two or more version folders directly in {@code parent}. */
    private static Optional<FlywayVersion> firstStepBeside(String parent,
            Map<String, Set<String>> versionsByStepsFolder) {
        return versionsByStepsFolder.entrySet().stream()
                .filter(steps -> steps.getValue().size() >= 2 && steps.getKey().startsWith(parent)
                        && steps.getKey().indexOf('/', parent.length()) == steps.getKey().length() - 1)
                .flatMap(steps -> steps.getValue().stream()).map(VersionSnapshots::version)
                .flatMap(Optional::stream).min(FlywayVersion::compareTo);
    }

    private static Optional<FlywayVersion> version(String folder) {
        var matcher = VERSION.matcher(folder);
        return matcher.matches() ? Optional.of(FlywayVersion.parse(matcher.group(1).replace('_', '.')))
                : Optional.empty();
    }
}
