package io.github.sqlguard.schema;

import java.util.Locale;

/**
 * A path as it orders among the steps of every database: with the database's name, or the word that says "every
 * database", taken out of its file name. Upgrade scripts that name their database before the version
 * ({@code engine.mysql.upgradestep.52.to.53.sql}, {@code mysql_engine_7.0_to_7.1.sql}) run in one history with
 * the steps for every database ({@code engine.all.upgradestep.53.to.54.sql}, {@code engine_7.1_to_7.2.sql}),
 * and the installer steps through them by version; ordered by the whole name, every {@code all} step would run
 * before every {@code mysql} one.
 */
final class DatabaseNeutralPath {

    private DatabaseNeutralPath() {
    }

    /** {@code path} without the database or every-database word of its file name; {@code path} when it has none. */
    static String of(String path) {
        var named = MigrationOrder.databaseFile(path);
        if (named.isPresent() && !named.get().genericPath().isEmpty()) {
            return named.get().genericPath();
        }
        int nameStart = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
        int from = path.indexOf('.', nameStart);
        while (from >= 0) {
            int to = path.indexOf('.', from + 1);
            if (to < 0) {
                break; // the extension
            }
            if (SiblingDatabaseNames.meansEveryDatabase(path.substring(from + 1, to).toLowerCase(Locale.ROOT))) {
                return path.substring(0, from) + path.substring(to);
            }
            from = to;
        }
        return path;
    }
}
