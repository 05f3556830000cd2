package io.github.sqlguard.schema;

import io.github.sqlguard.source.DatabaseNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Databases a file names in the place where its siblings name databases we know. Projects that support many
 * databases keep one upgrade script per database ({@code 1.0-upgrade-1.1-mysql.sql}, {@code ..-pg.sql},
 * {@code ..-oracle.sql}) and abbreviate the rarer ones as they please ({@code ..-og.sql} for openGauss,
 * {@code ..-ob.sql} for OceanBase): such a file is the same upgrade for another database, not a script that every
 * database runs, so it is a history of its own instead of being replayed into the others (where it would be judged
 * against another database's tables).
 *
 * <p>The word may also follow the name's last underscore ({@code openfire_mysql.sql} beside
 * {@code openfire_oracle.sql}, Quartz's {@code tables_mysql.sql}); there it counts for a known database as well,
 * since the path alone does not make it one ({@code engine_mysql.sql} may well be a script about a MySQL engine).
 *
 * <p>The word counts only when at least two siblings, the same name but for that word, each name a different
 * known database, and the word is a plain word that does not mean "every database" ({@code x-all.sql},
 * {@code x-common.sql}).
 */
final class SiblingDatabaseNames {

    /** Words that, where a database's name stands, say the file is for every database. */
    private static final Set<String> EVERY_DATABASE = Set.of("all", "any", "common", "shared", "generic", "base",
            "default", "every");

    /** Marks a word after a file name's last underscore, which {@link DatabaseNames#parts} does not read. */
    private static final String UNDERSCORED = "_";

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

    /** Of {@code paths}, those that name a database only their siblings show to be one, with that name. */
    static Map<String, String> of(List<String> paths) {
        Map<String, List<String[]>> byRest = new HashMap<>();
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
                        k -> new ArrayList<>()).add(new String[] {path, first, ""});
                byRest.computeIfAbsent(folder + fileName.substring(0, lastAt) + "\u0000" + fileName.substring(lastAt
                        + last.length()), k -> new ArrayList<>()).add(new String[] {path, last, ""});
            }
            int underscore = stem.lastIndexOf('_');
            if (underscore > 0 && !stem.contains("__")) {
                // openfire_mysql.sql beside openfire_oracle.sql: the path alone does not name a database there,
                // as engine_mysql.sql names none, so the siblings decide for known databases too
                byRest.computeIfAbsent(folder + stem.substring(0, underscore + 1) + "\u0000"
                        + fileName.substring(stem.length()), k -> new ArrayList<>())
                        .add(new String[] {path, stem.substring(underscore + 1), UNDERSCORED});
            }
        }
        Map<String, String> named = new HashMap<>();
        for (List<String[]> siblings : byRest.values()) {
            Set<String> known = new HashSet<>();
            siblings.stream().map(sibling -> sibling[1]).filter(DatabaseNames::isDatabase).forEach(known::add);
            if (known.size() < 2) {
                continue;
            }
            for (String[] sibling : siblings) {
                String word = sibling[1];
                boolean unnamedByPath = !DatabaseNames.isDatabase(word) || sibling[2].equals(UNDERSCORED);
                if (unnamedByPath && word.matches("[a-z][a-z0-9]*") && !EVERY_DATABASE.contains(word)) {
                    named.put(sibling[0], word);
                }
            }
        }
        return named;
    }
}
