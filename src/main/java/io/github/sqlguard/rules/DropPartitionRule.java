package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code drop-partition}: {@code ALTER TABLE .. DROP PARTITION/SUBPARTITION p1, p2} (MySQL, MariaDB,
 * Oracle, also {@code PARTITION FOR (..)}). PostgreSQL has no such clause: its
 * {@code ALTER TABLE .. DETACH PARTITION p} keeps p as a table with all its rows, so it is not reported,
 * and {@code DROP TABLE p} of a partition is a {@code drop-table} finding.
 */
public final class DropPartitionRule extends ClauseRule {

    public static final String ID = "drop-partition";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "ALTER TABLE .. DROP PARTITION removes a partition and its rows",
            "Dropping a partition deletes every row stored in it in one step, without row-level logging."
                    + " Partition names often hide which rows that is, so a wrong name erases live data.",
            "Archive the partition's rows or exchange it into a table first, then acknowledge the drop:"
                    + " -- sqlguard:allow drop-partition reason: <why>",
            List.of("ALTER TABLE sales DROP PARTITION p2019;", "ALTER TABLE sales DROP PARTITION p2018, p2019;"),
            List.of("ALTER TABLE sales DETACH PARTITION sales_2019;",
                    "ALTER TABLE sales ADD PARTITION (PARTITION p2030 VALUES LESS THAN (2031));"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DROPPED_PARTITION);
    }

    @Override
    String message(List<DestructiveClause> group) {
        List<String> names = names(group);
        return group.get(0).words() + " drops " + counted("partition", "partitions", names) + " and every row in "
                + itOrThem(names);
    }
}
