package io.github.sqlguard.schema;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration whose statements its tool keeps in several files. The popx migrator runs every statement of a migration
 * from a file of its own, versioned by the migration's 14-digit timestamp and a 6-digit statement number
 * ({@code 20210410175418000004_network.sqlite3.up.sql}, {@code 20210410175418000005_network.sqlite3.up.sql}):
 * those files are written together, shipped together and applied one after the other in the same run, so what
 * one of them establishes (a copy of the rows, a column added and not yet written) still holds in the next.
 */
final class SplitMigration {

    private static final Pattern NUMBERED_STATEMENT = Pattern.compile("(\\d{14})\\d{6}_([^./\\\\]+)\\..*");

    private SplitMigration() {
    }

    /**
     * The migration the file at {@code relativePath} holds one statement of ({@code "20210410175418_network"},
     * within its folder); empty for a file named otherwise.
     */
    static Optional<String> of(String relativePath) {
        String slashed = relativePath.replace('\\', '/');
        int slash = slashed.lastIndexOf('/');
        Matcher name = NUMBERED_STATEMENT.matcher(slashed.substring(slash + 1));
        if (!name.matches()) {
            return Optional.empty();
        }
        return Optional.of(slashed.substring(0, slash + 1) + name.group(1) + "_" + name.group(2));
    }

    /** The migration as its findings' notes name it, without its folder. */
    static String described(String migration) {
        return "migration " + migration.substring(migration.lastIndexOf('/') + 1);
    }
}
