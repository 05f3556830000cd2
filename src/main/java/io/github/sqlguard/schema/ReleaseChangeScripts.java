package io.github.sqlguard.schema;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scripts named for the changes of one release each ({@code sql/changes-1.6.0.sql}, {@code upgrade_2.1.sql},
 * {@code update-v3.0-mysql.sql}), kept in one folder with a script named for no release that installs the latest
 * schema ({@code sql/app_manager.sql}), as some projects ship them: a new database gets the install script, an
 * existing one the change scripts of the releases it has not yet reached, never both. Replayed first, the install
 * script would hand each change script the schema of the latest release, where a narrowing type change finds the
 * narrow type already and is no change at all.
 */
final class ReleaseChangeScripts {

    /**
     * A script named for a word that says it changes or upgrades a schema, then one dotted release, then perhaps the
     * database it is for ({@code changes-1.8.0.sql}, {@code upgrade_2.1.sql}, {@code update-v3.0-mysql.sql}). A
     * release without that word ({@code release-1.6.0.sql}, {@code 2.0-base.sql}) may as well be a seed or a base.
     */
    private static final Pattern CHANGE_SCRIPT = Pattern.compile(
            "(?:changes?|changeset|upgrade|update|migrate|migration|delta|patch)[-_]v?\\d+(?:\\.\\d+)+"
                    + "(?:[-_.][a-z0-9]+)*\\.sql",
            Pattern.CASE_INSENSITIVE);

    private ReleaseChangeScripts() {
    }

    /**
     * The install scripts among {@code paths} (with {@code /} between folders) that stand in a folder holding two or
     * more change scripts, each with the history it joins apart from the change scripts.
     */
    static Map<String, String> installsBeside(Collection<String> paths) {
        Map<String, Integer> changeScriptsByFolder = new HashMap<>();
        for (String path : paths) {
            if (CHANGE_SCRIPT.matcher(nameOf(path)).matches()) {
                changeScriptsByFolder.merge(folderOf(path), 1, Integer::sum);
            }
        }
        Set<String> changeFolders = new HashSet<>();
        changeScriptsByFolder.forEach((folder, count) -> {
            if (count >= 2) {
                changeFolders.add(folder);
            }
        });
        Map<String, String> installs = new HashMap<>();
        for (String path : paths) {
            String folder = folderOf(path);
            if (changeFolders.contains(folder) && !CHANGE_SCRIPT.matcher(nameOf(path)).matches()) {
                installs.put(path, "beside the change scripts of " + (folder.isEmpty() ? "./" : folder));
            }
        }
        return installs;
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
