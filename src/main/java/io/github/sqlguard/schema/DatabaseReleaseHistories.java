package io.github.sqlguard.schema;

import io.github.sqlguard.source.DatabaseNames;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Histories named for releases of one database that are one history: projects whose upgrade guide keeps a script
 * per database for each step name it for the release it was written for at the time ({@code 1.0_to_1.1/postgres84.sql},
 * {@code 1.4_to_1.5/postgres91.sql}, {@code 10_to_11/postgresql9.sql}, {@code 12_to_13/postgresql.sql}), and an
 * administrator runs them one after the other on one database. Releases kept side by side (a step's
 * {@code postgres84.sql} beside its {@code postgres91.sql}, folders {@code pg84/} beside {@code pg91/}) are
 * alternatives of which a deployment runs one, and stay histories of their own.
 */
final class DatabaseReleaseHistories {

    private DatabaseReleaseHistories() {
    }

    /** A file's history and its path. */
    record Placed(String history, String path) {
    }

    /**
     * The history each release-named history joins, for those that join one: the database's own name, when two or
     * more of its spellings with or without a release name histories and no two of them sit side by side.
     */
    static Map<String, String> joined(List<Placed> files) {
        Map<String, Set<String>> historiesByDatabase = new HashMap<>();
        Map<String, Map<String, Set<String>>> historiesByFolder = new HashMap<>();
        for (Placed file : files) {
            if (file.history().isEmpty()) {
                continue;
            }
            String database = DatabaseScope.canonical(DatabaseNames.withoutRelease(file.history()));
            historiesByDatabase.computeIfAbsent(database, d -> new HashSet<>()).add(file.history());
            historiesByFolder.computeIfAbsent(database, d -> new HashMap<>())
                    .computeIfAbsent(namingFolder(file.path()), f -> new HashSet<>()).add(file.history());
        }
        Map<String, String> joined = new HashMap<>();
        historiesByDatabase.forEach((database, histories) -> {
            boolean sideBySide = historiesByFolder.get(database).values().stream().anyMatch(named -> named.size() > 1);
            if (histories.size() > 1 && !sideBySide) {
                histories.forEach(history -> joined.put(history, database));
            }
        });
        return joined;
    }

    /**
     * The folder holding the outermost part of {@code path} that names a database: the folder above a database's
     * folder ({@code db/} of {@code db/pg84/1.sql}), or the file's own folder when its name names the database.
     */
    static String namingFolder(String path) {
        String slashed = path.replace('\\', '/');
        int start = 0;
        for (int slash = slashed.indexOf('/'); slash >= 0; slash = slashed.indexOf('/', start)) {
            String folder = slashed.substring(start, slash);
            for (String part : folder.split("\\.")) {
                if (DatabaseNames.isDatabase(part)) {
                    return slashed.substring(0, start);
                }
            }
            start = slash + 1;
        }
        return slashed.substring(0, start);
    }
}
