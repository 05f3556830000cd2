package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code delete-history}: MariaDB's {@code ALTER TABLE t DROP SYSTEM VERSIONING} and
 * {@code DELETE HISTORY FROM t} without {@code BEFORE SYSTEM_TIME}. Neither touches the current rows, so no
 * row rule sees them, yet both erase the audit trail a system-versioned table exists to keep.
 */
public final class DeleteHistoryRule extends ClauseRule {

    public static final String ID = "delete-history";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "DROP SYSTEM VERSIONING or DELETE HISTORY removes every historical row of a system-versioned table",
            "A system-versioned table keeps every earlier version of its rows, often because an audit requires"
                    + " it. DROP SYSTEM VERSIONING deletes all those versions with the period columns, and DELETE"
                    + " HISTORY without BEFORE SYSTEM_TIME deletes them all while the table stays versioned.",
            "Keep the history, or delete only old versions with DELETE HISTORY FROM t BEFORE SYSTEM_TIME '..',"
                    + " or acknowledge it: -- sqlguard:allow delete-history reason: <why>",
            List.of("ALTER TABLE audit_trail DROP SYSTEM VERSIONING;", "DELETE HISTORY FROM audit_trail;"),
            List.of("DELETE HISTORY FROM audit_trail BEFORE SYSTEM_TIME '2020-01-01 00:00:00';",
                    "ALTER TABLE audit_trail ADD SYSTEM VERSIONING;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DELETED_HISTORY);
    }

    @Override
    String message(List<DestructiveClause> group) {
        return group.get(0).words() + " removes every historical version of the rows of " + group.get(0).name();
    }
}
