package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folders of plain scripts that hold the same scripts under the same paths
 * ({@code profiles/mysql-default/delta/v230-v240/config.sql}, {@code profiles/h2-default/delta/v230-v240/config.sql}
 * and {@code src/delta/v230-v240/config.sql}, the source the profiles are generated from): copies of one schema's scripts for different configurations, of which a deployment runs one. Each is a history of
 * its own, as Flyway's folders of the same version are ({@link SameVersionFolders}); replayed one after the other,
 * the first copy's {@code MODIFY COLUMN} would give the column the type the next copy changes it to, and hide that
 * copy's narrowing.
 *
 * <p>Two folders mirror each other when they share at least two scripts, each at the same path below them, and
 * neither is named for a version or a date ({@code upgrade/1/x.sql} beside {@code upgrade/2/x.sql} are steps that
 * run one after the other) nor for a step that runs with the other ({@code drop/}, {@code down/}).
 */
final class MirroredFolders {

    /** Folders whose scripts run after those of a sibling with the same names, not instead of them. */
    private static final Set<String> RUN_WITH_SIBLING = Set.of("drop", "down", "undo", "rollback", "revert",
            "uninstall", "teardown", "cleanup", "before", "after", "pre", "post");

    /** The fewest scripts two folders must share to be copies, not two folders that happen to share a name. */
    private static final int SHARED_SCRIPTS = 2;

    private MirroredFolders() {
    }

    /** Whether a folder named {@code name} holds steps that run with a sibling's ({@code drop/}, {@code down/}). */
    static boolean runsWithSibling(String name) {
        return RUN_WITH_SIBLING.contains(name);
    }

    /** A plain script as this split reads it: its history and its path, with {@code /} between folders. */
    record PlainScript(String history, String path) {
    }

    /** The folders of each history that mirror another folder, every one a history of its own. */
    static Map<String, List<String>> of(List<PlainScript> scripts) {
        // Each script is filed under every path it may share with a copy (x.sql, v2-v3/x.sql, delta/v2-v3/x.sql,
        // ..) with the folder that holds that path, so copies meet under one key: comparing every two scripts of the
        // same name instead would take millions of comparisons for a project of many up.sql and down.sql files.
        Map<List<String>, List<String>> foldersByPathBelow = new HashMap<>();
        Map<String, Boolean> mayMirror = new HashMap<>(); // scripts share folders: each is judged once
        for (PlainScript script : scripts) {
            String path = script.path();
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                String folder = path.substring(0, slash + 1);
                if (mayMirror.computeIfAbsent(folder, f -> mayMirror(lastFolder(f)))) {
                    foldersByPathBelow.computeIfAbsent(List.of(script.history(), path.substring(slash + 1)),
                            k -> new ArrayList<>()).add(folder);
                }
            }
        }
        Map<List<String>, Integer> sharedByPair = new HashMap<>();
        foldersByPathBelow.forEach((key, holders) -> {
            for (int i = 0; i < holders.size(); i++) {
                for (int j = i + 1; j < holders.size(); j++) {
                    List<String> pair = mirroring(holders.get(i), holders.get(j));
                    if (!pair.isEmpty()) {
                        sharedByPair.merge(List.of(key.get(0), pair.get(0), pair.get(1)), 1, Integer::sum);
                    }
                }
            }
        });
        Map<String, TreeSet<String>> folders = new HashMap<>();
        sharedByPair.forEach((pair, shared) -> {
            if (shared >= SHARED_SCRIPTS) {
                folders.computeIfAbsent(pair.get(0), h -> new TreeSet<>()).addAll(pair.subList(1, 3));
            }
        });
        Map<String, List<String>> split = new HashMap<>();
        folders.forEach((history, found) -> split.put(history, List.copyOf(found)));
        return split;
    }

    /**
     * Folders {@code a} and {@code b}, sorted, when they hold the same path below them as copies do: empty when their
     * own names are alike too (the scripts share a longer path, under other folders) or when one holds the other.
     */
    private static List<String> mirroring(String a, String b) {
        if (lastFolder(a).equals(lastFolder(b)) || a.startsWith(b) || b.startsWith(a)) {
            return List.of();
        }
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    /** The name of the last folder of {@code folder}, which ends in {@code /}. */
    private static String lastFolder(String folder) {
        return folder.substring(folder.lastIndexOf('/', folder.length() - 2) + 1, folder.length() - 1);
    }

    /** True for a folder name that may name a configuration: a word, not a version, a date or a step. */
    private static boolean mayMirror(String folder) {
        String lower = folder.toLowerCase(Locale.ROOT);
        return !lower.isEmpty() && Character.isLetter(lower.charAt(0)) && !InstallScripts.isVersionFolder(folder)
                && !RUN_WITH_SIBLING.contains(lower);
    }
}
