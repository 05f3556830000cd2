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
 * and {@code DROP TABLE p} of a partition is a {@code drop-table} finding. Its extensions drop partitions from a
 * function call instead (TimescaleDB's {@code drop_chunks}, pg_partman's {@code drop_partition_time}), or
 * schedule it ({@code add_retention_policy}); those calls are reported here too, and so is the retention
 * ClickHouse keeps itself: {@code ALTER TABLE t MODIFY TTL expr} and {@code MATERIALIZE TTL}.
 */
public final class DropPartitionRule extends ClauseRule {

    public static final String ID = "drop-partition";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "ALTER TABLE .. DROP PARTITION removes a partition and its rows",
            "Dropping a partition deletes every row stored in it in one step, without row-level logging."
                    + " Partition names often hide which rows that is, so a wrong name erases live data."
                    + " PostgreSQL extensions do the same from a SELECT: TimescaleDB's drop_chunks(..) and"
                    + " pg_partman's drop_partition_time(..) drop partitions now, add_retention_policy(..)"
                    + " schedules a job that keeps dropping them after the migration. ClickHouse's ALTER TABLE .. MODIFY"
                    + " TTL deletes every row once its TTL has passed, the existing ones right away, and MATERIALIZE"
                    + " TTL applies the table's TTL to the existing rows now.",
            "Archive the partition's rows or exchange it into a table first, then acknowledge the drop:"
                    + " -- sqlguard:allow drop-partition reason: <why>",
            List.of("ALTER TABLE sales DROP PARTITION p2019;", "ALTER TABLE sales DROP PARTITION p2018, p2019;",
                    "SELECT drop_chunks('metrics', INTERVAL '30 days');"),
            List.of("ALTER TABLE sales DETACH PARTITION sales_2019;",
                    "ALTER TABLE sales ADD PARTITION (PARTITION p2030 VALUES LESS THAN (2031));",
                    "SELECT remove_retention_policy('metrics');"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DROPPED_PARTITION, ClauseKind.PARTITIONS_DROPPED_BY_CALL, ClauseKind.EXPIRED_ROWS);
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        if (first.kind() == ClauseKind.PARTITIONS_DROPPED_BY_CALL) {
            String table = first.name() == null ? "the table it names" : first.name();
            return "scheduled".equals(first.detail())
                    ? first.words() + "(..) schedules a job that keeps dropping the chunks of " + table
                            + " older than its interval, with every row in them"
                    : first.words() + "(..) drops the partitions of " + table + " that it selects, with every row"
                            + " in them";
        }
        if (first.kind() == ClauseKind.EXPIRED_ROWS) {
            return first.detail() == null
                    ? first.words() + " MATERIALIZE TTL deletes every row of " + first.name()
                            + " that its TTL has expired, now"
                    : first.words() + " MODIFY TTL " + first.detail() + " deletes every row of " + first.name()
                            + " once its TTL has passed, the existing rows past it right away";
        }
        List<String> names = names(group);
        String noun = "SUBPARTITION".equals(first.detail()) ? "subpartition" : "partition";
        return first.words() + " drops " + counted(noun, noun + "s", names) + " and every row in " + itOrThem(names);
    }
}
