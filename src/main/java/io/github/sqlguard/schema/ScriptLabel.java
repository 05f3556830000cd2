package io.github.sqlguard.schema;

import java.util.Locale;
import java.util.Set;

/**
 * How a note names another script: by its file name ({@code V2__copy.sql}), or, where every migration of the tool
 * has the same file name and its folder names the migration (diesel's {@code 20170428154714_tokens/up.sql} and
 * {@code down.sql}, Prisma's {@code 20230102120000_init/migration.sql}, or a folder per schema version such as
 * {@code upgrade/39/app_mysql.sql}), by its folder and file name.
 */
final class ScriptLabel {

    private static final Set<String> SHARED_NAMES = Set.of("up.sql", "down.sql", "migration.sql");

    private ScriptLabel() {
    }

    /** The name a note gives the script at {@code path}. */
    static String of(String path) {
        String slashed = path.replace('\\', '/');
        int nameStart = slashed.lastIndexOf('/') + 1;
        String name = slashed.substring(nameStart);
        if (nameStart == 0) {
            return name;
        }
        String withFolder = slashed.substring(slashed.lastIndexOf('/', nameStart - 2) + 1);
        // A folder named for a version is the migration: the scripts in the other versions' folders share its name
        String folder = withFolder.substring(0, withFolder.length() - name.length() - 1);
        return SHARED_NAMES.contains(name.toLowerCase(Locale.ROOT)) || InstallScripts.isVersionFolder(folder)
                ? withFolder : name;
    }
}
