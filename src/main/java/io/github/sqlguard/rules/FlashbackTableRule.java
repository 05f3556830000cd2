package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code flashback-table}: Oracle's {@code FLASHBACK TABLE t TO TIMESTAMP ..}, {@code TO SCN ..} and
 * {@code TO RESTORE POINT ..}, which put every row of t back as it was then. {@code FLASHBACK TABLE t TO BEFORE
 * DROP} brings a dropped table back and is not reported. JSqlParser does not parse the statement; the rule
 * reads tokens.
 */
public final class FlashbackTableRule extends ClauseRule {

    public static final String ID = "flashback-table";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "FLASHBACK TABLE .. TO TIMESTAMP or SCN rewinds every row of a table",
            "Oracle's FLASHBACK TABLE t TO TIMESTAMP, TO SCN or TO RESTORE POINT puts every row of t back as it"
                    + " was at that moment: rows inserted since are deleted, rows updated since lose their new"
                    + " values, for every table it names. Run in a migration, it silently undoes whatever the"
                    + " application wrote in between. FLASHBACK TABLE t TO BEFORE DROP only restores a dropped"
                    + " table and loses nothing.",
            "Repair the rows you mean to with UPDATE or DELETE and a WHERE, or acknowledge the rewind:"
                    + " -- sqlguard:allow flashback-table reason: <why>",
            List.of("FLASHBACK TABLE orders TO TIMESTAMP SYSTIMESTAMP - INTERVAL '1' HOUR;",
                    "FLASHBACK TABLE orders, order_lines TO SCN 4711;"),
            List.of("FLASHBACK TABLE orders TO BEFORE DROP;",
                    "FLASHBACK TABLE orders TO BEFORE DROP RENAME TO orders_restored;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.REWOUND_TABLE);
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        List<String> names = names(group);
        return "FLASHBACK TABLE .. TO " + first.detail() + " rewinds every row of "
                + counted("table", "tables", names) + " to an earlier state; what was inserted, updated or deleted"
                + " since is lost";
    }
}
