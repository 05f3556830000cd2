package io.github.sqlguard.source;

import java.util.regex.Pattern;

/**
 * Tells a down script by its name, as the migration tools that pair each up script with one name them: diesel's
 * {@code 2020-01-01_x/down.sql}, golang-migrate's and sqlx's {@code 1_x.down.sql}, pop's
 * {@code 1_x.mysql.down.sql}; or by its folder, as projects that keep their revert scripts apart name it:
 * {@code rollback/1.0.1__drop_x.sql}, {@code undo/}, {@code down/}, {@code revert/}. Such a script runs only when
 * somebody reverts the migration, like a Flyway undo script.
 */
public final class DownScriptName {

    // The file name, or a whole folder name: a word of a description ("drop-down-menu/up.sql") says nothing
    private static final Pattern DOWN = Pattern.compile("(?i)(?:.*[._-])?down(?:\\.[^./\\\\]+)?\\.sql");
    private static final Pattern REVERTING_FOLDER = Pattern.compile(
            "(?i)(?:.*[/\\\\])?(?:down|undo|rollback|revert)[/\\\\].*");

    private DownScriptName() {
    }

    /** True when {@code relativePath} is a plain SQL script named as a down script. */
    public static boolean isDownScript(String relativePath, SourceKind kind) {
        String name = relativePath.substring(Math.max(relativePath.lastIndexOf('/'), relativePath.lastIndexOf('\\'))
                + 1);
        return kind == SourceKind.PLAIN_SQL
                && (DOWN.matcher(name).matches() || REVERTING_FOLDER.matcher(relativePath).matches());
    }
}
