package io.github.sqlguard.maven;

import java.util.ArrayList;
import java.util.List;

/** The include globs as Flyway's naming needs them: a migration suffix Flyway runs is never left unread. */
final class MigrationIncludes {

    private MigrationIncludes() {
    }

    /**
     * Includes widened to every Flyway migration suffix: where an include selects {@code .sql} files, the
     * same glob with each other suffix ({@code .mysql}) is added, so whatever Flyway runs is checked.
     */
    static List<String> widened(List<String> globs, List<String> suffixes) {
        List<String> result = new ArrayList<>(globs);
        for (String glob : globs) {
            if (!glob.endsWith(".sql")) {
                continue;
            }
            for (String suffix : suffixes) {
                String widened = glob.substring(0, glob.length() - ".sql".length()) + suffix.trim();
                if (!suffix.isBlank() && !result.contains(widened)) {
                    result.add(widened);
                }
            }
        }
        return result;
    }
}
