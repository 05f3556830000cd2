package io.github.sqlguard.schema;

import io.github.sqlguard.source.DatabaseNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Databases a file names in the place where its siblings name databases we know. Projects that support many
 * databases keep one upgrade script per database ({@code 1.0-upgrade-1.1-mysql.sql}, {@code ..-pg.sql},
 * {@code ..-oracle.sql}) and abbreviate the rarer ones as they please ({@code ..-og.sql} for openGauss,
 * {@code ..-ob.sql} for OceanBase): such a file is the same upgrade for another database, not a script that every
 * database runs, so it is a history of its own instead of being replayed into the others (where it would be judged
 * against another database's tables).
 *
 * <p>The word may also stand between two hyphens ({@code App-DDL-MySQL-CREATE.sql} beside
 * {@code App-DDL-Oracle-CREATE.sql}) or follow an underscore of the name ({@code chat_mysql.sql} beside
 * {@code chat_oracle.sql}, {@code tables_mysql.sql}, {@code lms_23_mysql_conversion.sql}
 * beside {@code lms_23_oracle_conversion.sql}); there it counts for a known database as well, since the path
 * alone does not make it one ({@code engine_mysql.sql} may well be a script about a MySQL engine).
 *
 * <p>The word counts only when at least two siblings, the same name but for that word, each name a different
 * known database, and the word is a plain word that does not mean "every database" ({@code x-all.sql},
 * {@code x-common.sql}). A known database's name after the last underscore also counts when the same name without
 * it is a sibling ({@code app_ddl_pg.sql} beside {@code app_ddl.sql}).
 */
public final class SiblingDatabaseNames {

    /** Words that, where a database's name stands, say the file is for every database. */
    private static final Set<String> EVERY_DATABASE = Set.of("all", "any", "common", "shared", "generic", "base",
            "default", "every");

    private SiblingDatabaseNames() {
    }

    /** Whether {@code word}, where a database's name stands, says the file is for every database. */
    static boolean meansEveryDatabase(String word) {
        return EVERY_DATABASE.contains(word);
    }

    /** Where a file {@link #of} names a database starts its set of migrations: its own folder, as Spring's do. */
    static MigrationOrder.DatabaseFile databaseFile(String path) {
        return new MigrationOrder.DatabaseFile(path.substring(0, Math.max(path.lastIndexOf('/'),
                path.lastIndexOf('\\')) + 1), "");
    }

    /**
     * The sibling whose name {@code path} repeats with {@code word}, a database's name, after an underscore
     * ({@code db/app_ddl.sql} of {@code db/app_ddl_pg.sql} and {@code pg}), whether or not that sibling exists.
     */
    static Optional<String> twinPath(String path, String word) {
        int dot = path.lastIndexOf('.');
        int underscore = path.lastIndexOf('_', dot < 0 ? path.length() : dot);
        return underscore > 0 && dot > underscore && path.substring(underscore + 1, dot).equalsIgnoreCase(word)
                ? Optional.of(path.substring(0, underscore) + path.substring(dot)) : Optional.empty();
    }

    /** Of {@code paths}, those that name a database only their siblings show to be one, with that name. */
    public static Map<String, String> of(List<String> paths) {
        Map<String, List<Place>> byRest = new HashMap<>();
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT).replace('\\', '/');
            int nameStart = lower.lastIndexOf('/') + 1;
            String fileName = lower.substring(nameStart);
            String folder = lower.substring(0, nameStart);
            int dot = fileName.lastIndexOf('.');
            String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
            List<String> ends = DatabaseNames.hyphenatedEnds(fileName);
            if (ends.size() == 2) {
                String first = ends.get(0);
                String last = ends.get(1);
                int lastAt = stem.lastIndexOf('-') + 1;
                byRest.computeIfAbsent(folder + "\u0000" + fileName.substring(first.length()),
                        k -> new ArrayList<>()).add(new Place(path, first, null));
                byRest.computeIfAbsent(folder + fileName.substring(0, lastAt) + "\u0000" + fileName.substring(lastAt
                        + last.length()), k -> new ArrayList<>()).add(new Place(path, last, null));
            }
            if (stem.contains("__")) {
                continue;
            }
            // App-DDL-MySQL-CREATE.sql beside App-DDL-Oracle-CREATE.sql: a word between hyphens names no database by
            // the path alone (add-mysql-support-flag.sql may be any database's), so there the siblings decide
            int lastHyphen = stem.lastIndexOf('-');
            for (int hyphen = stem.indexOf('-'); hyphen >= 0 && hyphen < lastHyphen;
                    hyphen = stem.indexOf('-', hyphen + 1)) {
                int end = stem.indexOf('-', hyphen + 1);
                byRest.computeIfAbsent(folder + stem.substring(0, hyphen + 1) + "\u0000" + fileName.substring(end),
                        k -> new ArrayList<>()).add(new Place(path, stem.substring(hyphen + 1, end),
                                folder + "\u0000" + fileName.substring(end)));
            }
            // chat_mysql.sql beside chat_oracle.sql, lms_23_mysql_conversion.sql beside
            // lms_23_oracle_conversion.sql: the path alone does not name a database there, as engine_mysql.sql
            // names none, so the siblings decide for known databases too
            for (int underscore = stem.indexOf('_'); underscore > 0; underscore = stem.indexOf('_', underscore + 1)) {
                int end = stem.indexOf('_', underscore + 1);
                end = end < 0 ? stem.length() : end;
                byRest.computeIfAbsent(folder + stem.substring(0, underscore + 1) + "\u0000"
                        + fileName.substring(end), k -> new ArrayList<>())
                        .add(new Place(path, stem.substring(underscore + 1, end),
                                folder + "\u0000" + fileName.substring(end)));
            }
        }
        Map<String, String> named = new HashMap<>();
        Set<String> namingEndings = new HashSet<>();
        for (List<Place> siblings : byRest.values()) {
            Set<String> known = new HashSet<>();
            siblings.stream().map(Place::word).filter(DatabaseNames::isDatabase).forEach(known::add);
            if (known.size() < 2) {
                continue;
            }
            for (Place sibling : siblings) {
                String word = sibling.word();
                boolean unnamedByPath = !DatabaseNames.isDatabase(word) || sibling.namedOnlyBySiblings();
                if (unnamedByPath && word.matches("[a-z][a-z0-9]*") && !EVERY_DATABASE.contains(word)) {
                    named.put(sibling.path(), word);
                    if (sibling.namedOnlyBySiblings()) {
                        namingEndings.add(sibling.ending());
                    }
                }
            }
        }
        namedLikeTheirFolder(byRest, namingEndings, named);
        namedBesideTheirTwin(paths, named);
        namedLikeTheirSiblingFolders(paths, named);
        return named;
    }

    /**
     * Adds the files below a folder whose name stands where its sibling folders name databases, when each of its
     * scripts lies at the same path in one of them ({@code db/init/og/tables.sql} beside
     * {@code db/init/pg/tables.sql} and {@code db/init/mysql/schema.sql}): the same scripts for a database the
     * project abbreviates as it pleases, not scripts every database runs, which would put that database's tables into
     * the histories of the others. Two database folders beside it, as for file names; a script of its own
     * ({@code db/migration/V2__x.sql} beside {@code db/h2/}) keeps out a folder of the scripts every database runs,
     * and the words of {@link MirroredFolders} a folder that runs with its sibling ({@code drop/}, {@code down/}).
     */
    private static void namedLikeTheirSiblingFolders(List<String> paths, Map<String, String> named) {
        Map<String, Set<String>> databaseFolders = new HashMap<>();
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT).replace('\\', '/');
            for (int start = 0, slash = lower.indexOf('/'); slash > start; start = slash + 1,
                    slash = lower.indexOf('/', start)) {
                if (DatabaseNames.isDatabase(lower.substring(start, slash))) {
                    databaseFolders.computeIfAbsent(lower.substring(0, start), k -> new HashSet<>())
                            .add(lower.substring(start, slash));
                }
            }
        }
        databaseFolders.values().removeIf(folders -> folders.size() < 2);
        if (databaseFolders.isEmpty()) {
            return; // asked on every build: most projects have no such folders
        }
        Map<String, Set<String>> foldersByPathBelow = new HashMap<>();
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT).replace('\\', '/');
            for (int start = 0, slash = lower.indexOf('/'); slash > start; start = slash + 1,
                    slash = lower.indexOf('/', start)) {
                String parent = lower.substring(0, start);
                if (databaseFolders.containsKey(parent)) {
                    foldersByPathBelow.computeIfAbsent(parent + "\u0000" + lower.substring(slash + 1),
                            k -> new HashSet<>()).add(lower.substring(start, slash));
                }
            }
        }
        Map<String, String> wordByFolder = new HashMap<>();
        Set<String> withScriptsOfTheirOwn = new HashSet<>();
        foldersByPathBelow.forEach((key, folders) -> {
            String parent = key.substring(0, key.indexOf('\u0000'));
            boolean twinned = folders.stream().anyMatch(DatabaseNames::isDatabase);
            for (String folder : folders) {
                if (!DatabaseNames.isDatabase(folder) && folder.matches("[a-z][a-z0-9]*")
                        && !EVERY_DATABASE.contains(folder) && !MirroredFolders.runsWithSibling(folder)) {
                    wordByFolder.put(parent + folder + "/", folder);
                    if (!twinned) {
                        withScriptsOfTheirOwn.add(parent + folder + "/");
                    }
                }
            }
        });
        wordByFolder.keySet().removeAll(withScriptsOfTheirOwn);
        if (wordByFolder.isEmpty()) {
            return;
        }
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT).replace('\\', '/');
            // the deepest such folder names the database, as the deepest folder named for one does
            for (int slash = lower.lastIndexOf('/'); slash > 0; slash = lower.lastIndexOf('/', slash - 1)) {
                String word = wordByFolder.get(lower.substring(0, slash + 1));
                if (word != null) {
                    named.putIfAbsent(path, word);
                    break;
                }
            }
        }
    }

    /**
     * Adds the files whose name is a sibling's name with a known database's name after an underscore, before the
     * extension ({@code app_ddl_pg.sql} beside {@code app_ddl.sql}, {@code schema_oracle.sql} beside
     * {@code schema.sql}): the sibling is the script for the project's main database, and the file its version for
     * the database it names, not a script every database runs.
     */
    private static void namedBesideTheirTwin(List<String> paths, Map<String, String> named) {
        Set<String> lowerPaths = new HashSet<>();
        paths.forEach(path -> lowerPaths.add(path.toLowerCase(Locale.ROOT).replace('\\', '/')));
        for (String path : paths) {
            String lower = path.toLowerCase(Locale.ROOT).replace('\\', '/');
            int nameStart = lower.lastIndexOf('/') + 1;
            int dot = lower.lastIndexOf('.');
            int underscore = lower.lastIndexOf('_', dot < 0 ? lower.length() : dot);
            if (named.containsKey(path) || dot <= nameStart || underscore <= nameStart
                    || lower.substring(nameStart, dot).contains("__")) {
                continue;
            }
            String word = lower.substring(underscore + 1, dot);
            boolean twin = lowerPaths.contains(lower.substring(0, underscore) + lower.substring(dot));
            if (twin && DatabaseNames.isDatabase(word) && !EVERY_DATABASE.contains(word)) {
                named.put(path, word);
            }
        }
    }

    /**
     * Adds the files whose known database's name stands where their folder's siblings name theirs, before the same
     * ending, though no file is their twin for another database: {@code lms_10_1-10_5_mysql_conversion.sql}
     * upgrades only MySQL's schema beside {@code lms_10_3-10_5_oracle_conversion.sql}, for the releases differed
     * per database, in the folder where {@code lms_23_mysql_conversion.sql} and {@code
     * lms_23_oracle_conversion.sql} show how its scripts name their database.
     */
    private static void namedLikeTheirFolder(Map<String, List<Place>> byRest, Set<String> namingEndings,
            Map<String, String> named) {
        for (List<Place> places : byRest.values()) {
            for (Place place : places) {
                if (place.namedOnlyBySiblings() && !named.containsKey(place.path()) && namingEndings.contains(place.ending())
                        && DatabaseNames.isDatabase(place.word()) && !EVERY_DATABASE.contains(place.word())) {
                    named.put(place.path(), place.word());
                }
            }
        }
    }

    /**
     * A word of a file name that may stand where its siblings name their database; {@code ending}, for a word after
     * an underscore or between two hyphens, is the file's folder and the rest of its name after the word, and null
     * for the first or last hyphenated word, which names a known database by the path alone.
     */
    private record Place(String path, String word, String ending) {

        /** Whether only the siblings, not the path alone, make a known database's name here name the database. */
        boolean namedOnlyBySiblings() {
            return ending != null;
        }
    }
}
