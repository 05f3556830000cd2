package io.github.sqlguard.schema;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scripts of the tools that keep each migration in a folder of its own, named for its version: diesel's
 * {@code migrations/2020-02-01-000000_rebuild/up.sql} (and its {@code down.sql}) and Prisma's
 * {@code migrations/20200201000000_rebuild/migration.sql}. The tool runs the folders of one migrations folder one
 * after the other, in the order the replay follows, so a script of an earlier folder surely ran before.
 */
final class MigrationFolderScripts {

    private static final Set<String> SCRIPTS = Set.of("up.sql", "down.sql", "migration.sql");
    /** A folder named {@code {version}_{name}}, the version of digits and dashes. */
    private static final Pattern MIGRATION_FOLDER = Pattern.compile("\\d[\\d-]*_.+");

    private MigrationFolderScripts() {
    }

    /** True when both paths are scripts of migration folders that stand side by side in one migrations folder. */
    static boolean ofOneMigrationsFolder(String a, String b) {
        String root = migrationsFolder(a);
        return root != null && root.equals(migrationsFolder(b));
    }

    /** The folder that holds the script's migration folder, or null when the path is no such script. */
    private static String migrationsFolder(String path) {
        String slashed = path.replace('\\', '/');
        int nameStart = slashed.lastIndexOf('/');
        if (nameStart < 0 || !SCRIPTS.contains(slashed.substring(nameStart + 1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        int folderStart = slashed.lastIndexOf('/', nameStart - 1) + 1;
        return MIGRATION_FOLDER.matcher(slashed.substring(folderStart, nameStart)).matches()
                ? slashed.substring(0, folderStart) : null;
    }
}
