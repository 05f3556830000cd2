package io.github.sqlguard.schema;

import io.github.sqlguard.schema.MigrationHistories.File;
import io.github.sqlguard.sql.DatabaseScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scripts that name no database, in a project whose migrations are kept per database: which databases' histories
 * each of them runs in, as the folders and names of the files around it tell.
 */
final class GenericFiles {

    private GenericFiles() {
    }

    /**
     * The files with a history per database they belong to: a file that names no database, in the folder
     * where files for several databases live ({@code sql/x.up.sql} next to {@code sql/x.mysql.up.sql}, or
     * {@code db/V1__x.sql} above {@code db/postgres/}), or in a version folder beside one that holds such files
     * ({@link #stepsFolder}), runs on each of them, except on a database that has
     * its own version of the same file, popx's run mark aside ({@link AutocommitMark}). A file whose siblings show
     * that it names a database ({@link SiblingDatabaseNames}) runs on that database only.
     */
    static List<File> joined(List<File> placed) {
        Map<String, List<String>> rootsByDatabase = new HashMap<>();
        Map<String, Set<String>> ownVersions = new HashMap<>();
        Map<String, String> siblingNamed = SiblingDatabaseNames.of(placed.stream()
                .filter(file -> !file.place().history().startsWith(MigrationHistories.CHANGELOG)).map(File::path)
                .toList());
        placed.stream().filter(file -> !file.place().history().isEmpty()).forEach(f -> siblingNamed.remove(f.path()));
        List<File> files = placed.stream().map(file -> siblingNamed.containsKey(file.path()) ? new File(file.path(),
                file.place().inHistory(DatabaseScope.canonical(siblingNamed.get(file.path()))), file.namedDatabases(),
                file.statements()) : file).toList();
        Set<String> paths = files.stream().map(File::path).collect(Collectors.toSet());
        for (File file : files) {
            String history = file.place().history();
            // app_ddl_pg.sql is the other database's version of app_ddl.sql, the main database's script, and the
            // scripts that name no database around them are the main database's too
            Optional<String> twin = siblingNamed.containsKey(file.path()) ? SiblingDatabaseNames.twinPath(
                    file.path(), siblingNamed.get(file.path())).filter(paths::contains) : Optional.empty();
            twin.ifPresent(path -> ownVersions.computeIfAbsent(history, h -> new HashSet<>()).add(path));
            if (!history.isEmpty() && !history.startsWith(MigrationHistories.CHANGELOG) && twin.isEmpty()) {
                MigrationOrder.databaseFile(file.path()).or(() -> siblingNamed.containsKey(file.path())
                        ? Optional.of(SiblingDatabaseNames.databaseFile(file.path())) : Optional.empty())
                        .ifPresent(named -> {
                    List<String> roots = rootsByDatabase.computeIfAbsent(history, h -> new ArrayList<>());
                    String root = stepsFolder(named.root());
                    if (!roots.contains(root)) {
                        roots.add(root);
                    }
                    ownVersions.computeIfAbsent(history, h -> new HashSet<>())
                            .add(AutocommitMark.without(named.genericPath()));
                });
            }
        }
        List<File> joined = new ArrayList<>();
        for (File file : files) {
            if (!file.place().history().isEmpty()) {
                joined.add(file);
                continue;
            }
            List<String> databases = rootsByDatabase.entrySet().stream()
                    .filter(entry -> entry.getValue().stream().anyMatch(root -> file.path().startsWith(root)))
                    .map(Map.Entry::getKey).sorted().toList();
            String unmarked = AutocommitMark.without(file.path());
            List<String> running = databases.stream()
                    .filter(database -> !ownVersions.get(database).contains(unmarked)).toList();
            if (running.isEmpty()) {
                // a script that names no database, of which each database here has its own version, is the
                // script of the project's main database, which has no folder or name of its own
                joined.add(file);
            }
            for (String database : running) {
                joined.add(new File(file.path(), file.place().inHistory(database), file.namedDatabases(),
                        file.statements()));
            }
        }
        return joined;
    }

    /**
     * The folder whose files for every database run on the database of a file in {@code root}: {@code root} itself,
     * or, when {@code root} is named for a version ({@code delta/77/} holding {@code x.sql.sqlite} beside
     * {@code y.sql}), the folder of its sibling versions ({@code delta/}), whose files that name no database are the
     * earlier and later steps of the same sequence and run on every database, with or without a file of its own there.
     */
    private static String stepsFolder(String root) {
        int end = root.length() - 1;
        int start = root.lastIndexOf('/', end - 1) + 1;
        return end > start && InstallScripts.isVersionFolder(root.substring(start, end)) ? root.substring(0, start)
                : root;
    }
}
