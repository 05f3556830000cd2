package io.github.sqlguard.schema;

import java.util.regex.Pattern;

/**
 * diesel keeps each migration in a folder of its own, {@code migrations/2017-08-31-230457_invitations/up.sql},
 * and orders them by the folder name's part before its first {@code _} with the dashes left out: its version,
 * {@code 20170831230457}. Projects that began with compact timestamps ({@code 20170820180453_readme}) and went on
 * with the dashed ones the diesel CLI writes hold both in one folder, and as a path {@code 2017-..} would sort before
 * every {@code 20170..}; {@code 2024-03-13_x} is version {@code 20240313}, before {@code 2024-03-13-100000_y}.
 */
final class DieselMigrationFolders {

    private static final String SCRIPT = "/up.sql";
    /** A version of digits and dashes that holds a dash, ended by {@code _} or by the folder name's end. */
    private static final Pattern DASHED_VERSION = Pattern.compile("\\d[\\d-]*-[\\d-]*");
    /** A migration folder's name: a version of digits and dashes, then {@code _} and a name, or nothing. */
    private static final Pattern FOLDER = Pattern.compile("\\d[\\d-]*(_.*)?");

    private DieselMigrationFolders() {
    }

    /**
     * The path to order {@code relativePath} by among files in path order: for the up script of a diesel migration
     * folder whose version holds dashes, the path with those dashes taken out of the folder's version; any other
     * path as it is.
     */
    static String orderKey(String relativePath) {
        if (!relativePath.endsWith(SCRIPT)) {
            return relativePath;
        }
        int end = relativePath.length() - SCRIPT.length();
        int start = Math.max(relativePath.lastIndexOf('/', end - 1), relativePath.lastIndexOf('\\', end - 1)) + 1;
        int underscore = relativePath.indexOf('_', start);
        int versionEnd = underscore < 0 || underscore > end ? end : underscore;
        String version = relativePath.substring(start, versionEnd);
        if (!DASHED_VERSION.matcher(version).matches()) {
            return relativePath;
        }
        return relativePath.substring(0, start) + version.replace("-", "") + relativePath.substring(versionEnd);
    }

    /**
     * True for the up or down script of a diesel migration folder ({@code 2017-08-31-230457_invitations/down.sql}):
     * diesel runs each in a transaction of its own, unless the folder's {@code metadata.toml} says
     * {@code run_in_transaction = false}, which sqlguard does not read.
     */
    static boolean isScript(String relativePath) {
        String path = relativePath.replace('\\', '/');
        if (!path.endsWith(SCRIPT) && !path.endsWith("/down.sql")) {
            return false;
        }
        int end = path.lastIndexOf('/');
        String folder = path.substring(path.lastIndexOf('/', end - 1) + 1, end);
        return FOLDER.matcher(folder).matches();
    }
}
