package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code replace-into}: MySQL's, MariaDB's and SQLite's {@code REPLACE INTO}, SQLite's {@code INSERT OR REPLACE}
 * and {@code UPDATE OR REPLACE}, and MySQL's {@code LOAD DATA .. REPLACE}. A warning, not an error: seeding a lookup table this way is common and
 * often harmless, but the delete it hides is not visible in the script.
 */
public final class ReplaceIntoRule extends ClauseRule {

    public static final String ID = "replace-into";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "REPLACE deletes every existing row that shares a key with a new row",
            "REPLACE is not an update: for each new row it deletes the rows with the same primary or unique key"
                    + " and inserts the new one. The columns it does not list lose their values, a row that collides"
                    + " on two unique keys takes two rows with it, and ON DELETE CASCADE deletes the old rows'"
                    + " children in other tables. SQLite's UPDATE OR REPLACE does the same to the rows whose key an"
                    + " updated row takes.",
            "Use INSERT .. ON DUPLICATE KEY UPDATE (SQLite: ON CONFLICT DO UPDATE) to change only the listed columns"
                    + " (for UPDATE OR REPLACE, first delete or merge the rows that hold the new key, then UPDATE),"
                    + " or acknowledge it: -- sqlguard:allow replace-into reason: <why>",
            List.of("REPLACE INTO settings (name, value) VALUES ('max_upload', '10');",
                    "LOAD DATA INFILE 'countries.csv' REPLACE INTO TABLE countries;",
                    "UPDATE OR REPLACE settings SET name = 'upload_limit' WHERE name = 'max_upload';"),
            List.of("INSERT INTO settings (name, value) VALUES ('max_upload', '10')"
                    + " ON DUPLICATE KEY UPDATE value = VALUES(value);",
                    "INSERT IGNORE INTO roles (id, name) VALUES (1, 'admin');"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.REPLACED_ROWS);
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        if (first.words().startsWith("UPDATE")) {
            return first.words() + " " + first.name() + " deletes each other row whose key an updated row takes,"
                    + " instead of failing: its columns and its ON DELETE CASCADE children are lost";
        }
        return first.words() + " " + first.name() + " deletes each existing row that has the key of a new row"
                + " before inserting it: its other columns and its ON DELETE CASCADE children are lost";
    }
}
