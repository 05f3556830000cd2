package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Follows, through one history's replay, the guards of migrations split into files ({@link SplitMigration}):
 * for each statement of such a migration's second and later files, what the statements of the files before it
 * did to keep it from losing data. A script's own statements are followed by the check of that script; this
 * carries what they establish over to the next file of the same migration.
 */
final class SplitMigrationGuards {

    private final Map<StatementKey, Optional<Guard>> guards = new HashMap<>();
    private String migration;
    private LossGuards carried;
    private boolean laterFile;

    /** Starts the file at {@code path}, the next one the history applies. */
    void enter(String path) {
        Optional<String> of = SplitMigration.of(path);
        laterFile = of.isPresent() && of.get().equals(migration);
        if (!laterFile) {
            migration = of.orElse(null);
            carried = of.map(m -> LossGuards.acrossFiles(SplitMigration.described(m))).orElse(null);
        }
    }

    /** Follows {@code statement} of the current file, which the history just replayed on {@code replays}. */
    void follow(Statement statement, Map<String, SchemaReplay> replays) {
        if (carried == null) {
            return;
        }
        if (laterFile) {
            guards.put(StatementKey.of(statement), carried.guardOf(statement));
        }
        SchemaView before = replays.isEmpty() ? SchemaView.UNKNOWN
                : replays.values().iterator().next().before(statement);
        carried.observe(statement, before);
        carried.forgetCopiesDroppedBy(statement);
    }

    /** What was found for each statement of a later file: its guard, or empty for none. */
    Map<StatementKey, Optional<Guard>> guards() {
        return guards;
    }
}
