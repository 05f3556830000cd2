package io.github.sqlguard.schema;

import io.github.sqlguard.source.FlywayVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The folders of one history that never run together: Flyway refuses two versioned scripts of the same version
 * in one run ("Found more than one migration with version"), so when {@code db/desktop/V2__x.sql} and
 * {@code db/migration/V2__x.sql} both exist, the two folders are the locations of two configurations (a profile
 * each, one database each) and each is a history of its own. Without this, one folder's {@code MODIFY COLUMN}
 * would be replayed before the other's and hide its narrowing.
 *
 * <p>A folder is told apart where the paths of a shared version part: {@code db/desktop/} and
 * {@code db/migration/}. A script outside every such folder ({@code db/V1__common.sql}) runs with each of them.
 */
final class SameVersionFolders {

    /** By history, the start of the path of each split folder and the names of the histories it runs in. */
    private final Map<String, Map<String, List<String>>> splitFoldersByHistory;

    private SameVersionFolders(Map<String, Map<String, List<String>>> splitFoldersByHistory) {
        this.splitFoldersByHistory = splitFoldersByHistory;
    }

    /**
     * Finds the folders to tell apart among {@code versionedScripts}: per history, each script's path and
     * Flyway version.
     */
    static SameVersionFolders of(List<VersionedScript> versionedScripts) {
        Map<List<Object>, List<String>> pathsByVersion = new HashMap<>();
        for (VersionedScript script : versionedScripts) {
            pathsByVersion.computeIfAbsent(List.of(script.history(), script.version()), k -> new ArrayList<>())
                    .add(script.path());
        }
        Map<String, TreeSet<String>> folders = new HashMap<>();
        pathsByVersion.forEach((key, paths) -> {
            for (int i = 0; i < paths.size(); i++) {
                for (int j = i + 1; j < paths.size(); j++) {
                    Set<String> parting = partingFolders(paths.get(i), paths.get(j));
                    if (!parting.isEmpty()) {
                        folders.computeIfAbsent((String) key.get(0), h -> new TreeSet<>()).addAll(parting);
                    }
                }
            }
        });
        Map<String, Map<String, List<String>>> split = new HashMap<>();
        folders.forEach((history, found) -> split.put(history, eachItsOwn(found)));
        return new SameVersionFolders(split);
    }

    /** A versioned script as this split reads it. */
    record VersionedScript(String history, FlywayVersion version, String path) {
    }

    /**
     * These folders and {@code more} (by history, as {@link MirroredFolders} finds them), each of which runs apart
     * from the others of its history.
     */
    SameVersionFolders with(Map<String, List<String>> more) {
        Map<String, Map<String, List<String>>> own = new HashMap<>();
        more.forEach((history, folders) -> own.put(history, eachItsOwn(folders)));
        return withRunningIn(own);
    }

    /**
     * These folders and {@code more}: by history, the start of the path of scripts that run apart and the names
     * of the histories they run in, as {@link ProductLineSteps} finds them, where one line's steps run in the
     * history of every line that continues it.
     */
    SameVersionFolders withRunningIn(Map<String, Map<String, List<String>>> more) {
        Map<String, Map<String, List<String>>> merged = new HashMap<>(splitFoldersByHistory);
        more.forEach((history, folders) -> merged.merge(history, folders, (known, added) -> {
            Map<String, List<String>> all = new TreeMap<>(known);
            added.forEach((start, histories) -> all.merge(start, histories, (a, b) -> {
                Set<String> both = new TreeSet<>(a);
                both.addAll(b);
                return List.copyOf(both);
            }));
            return all;
        }));
        return new SameVersionFolders(merged);
    }

    /** Each of {@code folders} as the start of the path of the scripts of a history of its own, named by it. */
    private static Map<String, List<String>> eachItsOwn(Collection<String> folders) {
        Map<String, List<String>> own = new TreeMap<>();
        folders.forEach(folder -> own.put(folder, List.of(folder)));
        return own;
    }

    /** True when {@code history} has folders that run apart. */
    boolean splits(String history) {
        return splitFoldersByHistory.containsKey(history);
    }

    /**
     * The histories of {@code history} that {@code path} runs in: those of the deepest split folder holding it, or
     * every one when none holds it; empty when the history is not split.
     */
    List<String> foldersOf(String history, String path) {
        Map<String, List<String>> folders = splitFoldersByHistory.get(history);
        if (folders == null) {
            return List.of();
        }
        String deepest = null;
        for (String folder : folders.keySet()) {
            if (path.startsWith(folder) && (deepest == null || folder.length() > deepest.length())) {
                deepest = folder;
            }
        }
        if (deepest != null) {
            return folders.get(deepest);
        }
        Set<String> every = new TreeSet<>();
        folders.values().forEach(every::addAll);
        return List.copyOf(every);
    }

    /**
     * The two folders where {@code a} and {@code b} part: the common folder followed by each one's next folder,
     * or the common folder itself for a path that lies directly in it. Nothing for two paths in one folder,
     * whose same version is a mistake Flyway reports, not two histories.
     */
    private static Set<String> partingFolders(String a, String b) {
        int common = 0;
        int at = 0;
        while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
            if (a.charAt(at) == '/') {
                common = at + 1;
            }
            at++;
        }
        String folderA = folderBelow(a, common);
        String folderB = folderBelow(b, common);
        Set<String> parting = new LinkedHashSet<>();
        if (!folderA.equals(folderB)) {
            parting.add(folderA);
            parting.add(folderB);
        }
        return parting;
    }

    private static String folderBelow(String path, int common) {
        int slash = path.indexOf('/', common);
        return slash < 0 ? path.substring(0, common) : path.substring(0, slash + 1);
    }
}
