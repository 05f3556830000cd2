package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code unlogged-table}: PostgreSQL's {@code ALTER TABLE t SET UNLOGGED}. The rows stay, but from then on the
 * table is written without the write-ahead log: a crash empties it and standbys never receive its rows, so it
 * trades the table's durability for speed. A new {@code CREATE UNLOGGED TABLE} is a deliberate cache and is not
 * reported; {@code SET LOGGED} makes a table durable again. MySQL's {@code ALTER TABLE t ENGINE = MEMORY} does the
 * same and worse: the rows live only in memory, so every restart empties the table.
 */
public final class UnloggedTableRule extends ClauseRule {

    public static final String ID = "unlogged-table";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "ALTER TABLE .. SET UNLOGGED or ENGINE = MEMORY makes a table lose its rows on a crash or restart",
            "An unlogged table is not written to PostgreSQL's write-ahead log: after a crash or an unclean"
                    + " shutdown the database empties it, and streaming replicas and point-in-time recovery never"
                    + " see its rows, so a failover to a standby finds it empty. Turning an existing table unlogged"
                    + " puts every row it holds, and every row written later, at that risk. MySQL's ENGINE = MEMORY"
                    + " keeps a table's rows only in memory, so every server restart, not only a crash, empties it.",
            "Keep the table logged, or acknowledge that its rows can be rebuilt:"
                    + " -- sqlguard:allow unlogged-table reason: <why>",
            List.of("ALTER TABLE page_views SET UNLOGGED;",
                    "ALTER TABLE IF EXISTS ONLY page_views SET UNLOGGED, SET (fillfactor = 70);",
                    "ALTER TABLE page_views ENGINE = MEMORY;"),
            List.of("ALTER TABLE page_views SET LOGGED;", "CREATE UNLOGGED TABLE cache_entries (k text PRIMARY KEY);"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.UNLOGGED_TABLE);
    }

    @Override
    String message(List<DestructiveClause> group) {
        if (group.get(0).detail() != null) {
            return group.get(0).words() + " " + group.get(0).detail() + ": table " + group.get(0).name()
                    + " keeps its rows only in memory from now on, so the next server restart empties it";
        }
        return group.get(0).words() + " SET UNLOGGED: from now on a crash empties table " + group.get(0).name()
                + ", and standbys and point-in-time restores do not have its rows";
    }
}
