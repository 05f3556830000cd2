package io.github.sqlguard.schema;

import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upgrade steps kept in a folder per step, with a script per database named by its file name
 * ({@code upgrade/2.1_to_2.2/mysql5.sql} beside {@code upgrade/2.1_to_2.2/mariadb10.sql}): where a step has a
 * script for MySQL only, MariaDB runs that one, as it runs MySQL's SQL, and the other way round. Without this,
 * MariaDB's history would skip every step written for MySQL alone, and its later steps would not know the columns
 * those steps changed.
 */
final class FamilyStepScripts {

    private static final Set<String> MYSQL_FAMILY = Set.of("mysql", "mariadb");

    private FamilyStepScripts() {
    }

    /** The histories each file also runs in, for files of a step that has no script for the other database. */
    static Map<String, List<String>> alsoRunIn(List<DatabaseReleaseHistories.Placed> files) {
        // steps folder -> history -> step folders where that history has a script of its own
        Map<String, Map<String, Set<String>>> stepsByHistory = new HashMap<>();
        List<DatabaseReleaseHistories.Placed> stepScripts = new ArrayList<>();
        for (DatabaseReleaseHistories.Placed file : files) {
            String folder = file.path().substring(0, file.path().lastIndexOf('/') + 1);
            if (family(file.history()) == null || folder.isEmpty() || !isStepFolder(folder)
                    || !DatabaseReleaseHistories.namingFolder(file.path()).equals(folder)) {
                continue;
            }
            stepScripts.add(file);
            stepsByHistory.computeIfAbsent(parent(folder), p -> new HashMap<>())
                    .computeIfAbsent(file.history(), h -> new LinkedHashSet<>()).add(folder);
        }
        Map<String, List<String>> alsoIn = new HashMap<>();
        for (DatabaseReleaseHistories.Placed file : stepScripts) {
            String folder = file.path().substring(0, file.path().lastIndexOf('/') + 1);
            stepsByHistory.get(parent(folder)).forEach((other, steps) -> {
                if (!family(other).equals(family(file.history())) && !steps.contains(folder)) {
                    alsoIn.computeIfAbsent(file.path(), p -> new ArrayList<>()).add(other);
                }
            });
        }
        return alsoIn;
    }

    /** {@code mysql} or {@code mariadb} for a history of that database, whatever release it names; else null. */
    private static String family(String history) {
        if (history.isEmpty()) {
            return null;
        }
        String database = DatabaseScope.canonical(DatabaseNames.withoutRelease(history));
        return MYSQL_FAMILY.contains(database) ? database : null;
    }

    private static boolean isStepFolder(String folder) {
        String name = folder.substring(parent(folder).length(), folder.length() - 1);
        return InstallScripts.isVersionFolder(name) || UpgradeStepNames.range(name).isPresent();
    }

    private static String parent(String folder) {
        return folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1);
    }
}
