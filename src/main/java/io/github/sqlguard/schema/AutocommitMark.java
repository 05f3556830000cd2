package io.github.sqlguard.schema;

import java.util.Locale;

/**
 * The popx migrator's {@code .autocommit} mark just before {@code .up.sql} or {@code .down.sql}
 * ({@code x.cockroach.autocommit.down.sql}, {@code x.autocommit.up.sql}), which has it run the file outside a
 * transaction. It is no part of the file's name: popx runs one file per version and database, the most specific, so
 * {@code x.cockroach.autocommit.down.sql} is CockroachDB's own version of {@code x.down.sql}, and
 * {@code x.sqlite3.up.sql} SQLite's own version of {@code x.autocommit.up.sql}.
 */
final class AutocommitMark {

    private static final String MARK = ".autocommit";

    private AutocommitMark() {
    }

    /** {@code path} without the mark; {@code path} when its file name has none before its direction. */
    static String without(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String direction : new String[] {".up.sql", ".down.sql"}) {
            if (lower.endsWith(MARK + direction)) {
                int at = path.length() - direction.length() - MARK.length();
                return path.substring(0, at) + path.substring(at + MARK.length());
            }
        }
        return path;
    }
}
