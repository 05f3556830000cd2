package io.github.sqlguard.source;

import java.util.Locale;

/**
 * A script named for the one database it runs on after its {@code .sql} suffix ({@code delta/54/x.sql.postgres},
 * {@code x.sql.sqlite}), as migration runners that keep one copy of a step per database name them: the runner
 * picks the copy whose last suffix names the database it migrates. Such a copy is as much a migration as the
 * {@code x.sql} beside it, so whatever selects {@code x.sql} selects it too.
 */
final class DatabaseCopyName {

    private static final String SQL = ".sql";

    private DatabaseCopyName() {
    }

    /**
     * The path of the script {@code path} is a database's copy of ({@code delta/54/x.sql} for
     * {@code delta/54/x.sql.postgres}), or null when its name is no such copy: the last suffix must name a
     * database and follow {@code .sql} and a name of its own. A copy of a Flyway migration ({@code V2__x.sql.postgres})
     * is none either: Flyway runs only the suffixes it is configured with, and those are selected already.
     */
    static String scriptPath(String path, FlywayNaming flyway) {
        int lastDot = path.lastIndexOf('.');
        int nameStart = path.lastIndexOf('/') + 1;
        int sqlStart = lastDot - SQL.length();
        if (sqlStart <= nameStart || !path.regionMatches(true, sqlStart, SQL, 0, SQL.length())
                || !DatabaseNames.isDatabase(path.substring(lastDot + 1).toLowerCase(Locale.ROOT))
                || flyway.parse(path.substring(nameStart, lastDot)).isPresent()) {
            return null;
        }
        return path.substring(0, lastDot);
    }
}
