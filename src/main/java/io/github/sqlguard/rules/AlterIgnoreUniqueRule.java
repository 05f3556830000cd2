package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code alter-ignore-unique}: MariaDB's (and MySQL 5.6's) {@code ALTER IGNORE TABLE t ADD UNIQUE ..} or
 * {@code ADD PRIMARY KEY}, which deletes every row that repeats a key of the new index instead of failing.
 * Located at the IGNORE word, which is what turns the duplicates from an error into deleted rows.
 */
public final class AlterIgnoreUniqueRule extends ClauseRule {

    public static final String ID = "alter-ignore-unique";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "ALTER IGNORE TABLE .. ADD UNIQUE deletes the rows that repeat a key",
            "Without IGNORE, adding a unique index or primary key fails when rows repeat its key. With IGNORE,"
                    + " MariaDB keeps the first row of each key and silently deletes the others, which rows"
                    + " count as first being up to the storage engine.",
            "Find and merge or delete the duplicates with explicit statements first, then add the key without"
                    + " IGNORE, or acknowledge it: -- sqlguard:allow alter-ignore-unique reason: <why>",
            List.of("ALTER IGNORE TABLE users ADD UNIQUE INDEX ux_email (email);",
                    "ALTER IGNORE TABLE orders ADD PRIMARY KEY (id);"),
            List.of("ALTER TABLE users ADD UNIQUE INDEX ux_email (email);",
                    "ALTER IGNORE TABLE users ADD INDEX ix_email (email);"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DELETED_DUPLICATE_ROWS);
    }

    @Override
    String message(List<DestructiveClause> group) {
        List<String> keys = names(group).stream().map(key -> key.equals("?") ? "an unnamed unique key"
                : key.equals("PRIMARY KEY") ? "the primary key" : "unique key " + key).toList();
        return group.get(0).words() + " deletes every row that repeats " + String.join(" or ", keys)
                + " instead of failing on it";
    }
}
