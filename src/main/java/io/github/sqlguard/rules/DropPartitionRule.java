package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * {@code drop-partition}: {@code ALTER TABLE .. DROP PARTITION/SUBPARTITION p1, p2} (MySQL, MariaDB,
 * Oracle, also {@code PARTITION FOR (..)}). PostgreSQL has no such clause: its
 * {@code ALTER TABLE .. DETACH PARTITION p} keeps p as a table with all its rows, so it is not reported,
 * and {@code DROP TABLE p} of a partition is a {@code drop-table} finding.
 */
public final class DropPartitionRule extends DataLossRule {

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
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        return alteredLastingTable(core, script)
                .map(alter -> oneViolation(alter.droppedNames(statement.dialect(), AlterTableClauses.Kind.PARTITION),
                        partitions -> "ALTER TABLE " + alter.table() + " drops "
                                + counted("partition", "partitions", partitions) + " and every row in "
                                + (partitions.size() == 1 ? "it" : "them")))
                .orElse(List.of());
    }
}
