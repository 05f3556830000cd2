package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.schema.CascadeNote;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code truncate-table}: {@code TRUNCATE [TABLE] a, b} in every dialect (PostgreSQL {@code ONLY} and
 * {@code *}, Oracle {@code TRUNCATE CLUSTER}, HSQLDB {@code TRUNCATE SCHEMA}, T-SQL {@code WITH (PARTITIONS ..)}) and
 * {@code ALTER TABLE .. TRUNCATE PARTITION/SUBPARTITION} (MySQL, Oracle), and T-SQL / Azure Synapse
 * {@code ALTER TABLE a SWITCH TO b WITH (TRUNCATE_TARGET = ON)}, which empties b, and MySQL's
 * {@code ALTER TABLE t DISCARD TABLESPACE} and {@code ENGINE = BLACKHOLE}, Db2's {@code ACTIVATE NOT LOGGED
 * INITIALLY WITH EMPTY TABLE}, which empty t, imports in replace mode (Derby's {@code SYSCS_IMPORT_TABLE(.., 1)},
 * Db2's {@code ADMIN_CMD('IMPORT .. REPLACE INTO t')}), {@code INSERT OVERWRITE} (Snowflake, Hive, Spark), and Redshift's {@code ALTER TABLE a APPEND FROM b}, which empties b. Scratch tables the script created
 * itself, and T-SQL {@code #temp} tables, are not reported.
 */
public final class TruncateTableRule extends ClauseRule {

    public static final String ID = "truncate-table";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "TRUNCATE removes every row of a table or partition",
            "TRUNCATE empties a table at once, usually without row-level logging, triggers or a way to roll"
                    + " back once committed. A truncate that slipped into a migration erases production data as"
                    + " thoroughly as a DELETE without WHERE, only faster. MySQL's ALTER TABLE .. DISCARD TABLESPACE"
                    + " and ENGINE = BLACKHOLE empty a table just as well, and so do Db2's ACTIVATE NOT LOGGED"
                    + " INITIALLY WITH EMPTY TABLE and IMPORT or LOAD .. REPLACE INTO, INSERT OVERWRITE, Hive's LOAD"
                    + " DATA .. OVERWRITE INTO TABLE and Redshift's APPEND FROM (for the table it moves the rows from).",
            "Delete only the rows you mean to with a WHERE, or acknowledge a truncate of a table that holds no"
                    + " valuable data: -- sqlguard:allow truncate-table reason: <why>",
            List.of("TRUNCATE TABLE orders;", "TRUNCATE audit_log, sessions;",
                    "ALTER TABLE sales TRUNCATE PARTITION p2019;",
                    "ALTER TABLE orders ACTIVATE NOT LOGGED INITIALLY WITH EMPTY TABLE;"),
            List.of("DELETE FROM orders WHERE created_at < DATE '2019-01-01';",
                    "CREATE TABLE import_batch (id INT);\nTRUNCATE TABLE import_batch;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.TRUNCATED_TABLE, ClauseKind.TRUNCATED_PARTITION, ClauseKind.TRUNCATED_SWITCH_TARGET,
                ClauseKind.DISCARDED_ROWS, ClauseKind.EMPTIED_APPEND_SOURCE, ClauseKind.OVERWRITTEN_TABLE);
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        List<String> names = names(group);
        return switch (first.kind()) {
            // MySQL: TRUNCATE PARTITION ALL names no partition, it empties them all.
            case TRUNCATED_PARTITION -> "WITH PARTITIONS".equals(first.detail())
                    ? first.words() + " WITH (PARTITIONS ..) removes every row of "
                            + (names.size() == 1 && names.get(0).contains(" to ") ? "partitions " + names.get(0)
                                    : counted("partition", "partitions", names)) + " of table " + first.table()
                    : names.size() == 1 && names.get(0).equalsIgnoreCase("ALL")
                    ? first.words() + " TRUNCATE PARTITION ALL removes every row of every partition of table "
                            + first.table()
                    : "SUBPARTITION".equals(first.detail())
                    ? first.words() + " TRUNCATE SUBPARTITION removes every row of " + counted("subpartition",
                            "subpartitions", names)
                    : first.words() + " TRUNCATE PARTITION removes every row of " + counted("partition", "partitions",
                            names);
            case DISCARDED_ROWS -> first.words() + " " + first.detail() + " removes every row of " + first.name()
                    + ", as TRUNCATE would";
            case OVERWRITTEN_TABLE -> first.words() + " removes every row of " + ("partition".equals(first.detail())
                    ? "the partition it names of " : "") + counted("table", "tables", names)
                    + " before it inserts the new ones, as TRUNCATE would";
            case EMPTIED_APPEND_SOURCE -> first.words() + " APPEND FROM " + first.name() + " moves every row of "
                    + first.name() + " into " + first.words().substring("ALTER TABLE ".length()) + " and leaves "
                    + first.name() + " empty";
            case TRUNCATED_SWITCH_TARGET -> first.words() + " SWITCH with TRUNCATE_TARGET = ON removes every row of"
                    + " table " + first.name();
            default -> "schema".equals(first.detail())
                    ? "TRUNCATE SCHEMA removes every row of every table in " + counted("schema", "schemas", names)
                    : names.isEmpty() ? "TRUNCATE removes every row of a table"
                    : "TRUNCATE removes every row of " + counted(first.detail(), first.detail() + "s", names);
        };
    }

    /**
     * A {@code TRUNCATE .. CASCADE} also names the tables the replay knows it empties with these; a truncate of
     * global temporary tables alone empties only what the migration's session put there.
     */
    @Override
    Optional<String> message(List<DestructiveClause> group, StatementModel statement, SchemaFacts schema) {
        if (group.get(0).kind() == ClauseKind.TRUNCATED_TABLE
                && RowChangeRule.sessionRowsOnly(names(group), schema)) {
            return Optional.empty();
        }
        boolean cascades = group.get(0).kind() == ClauseKind.TRUNCATED_TABLE && statement.clauses().stream()
                .anyMatch(clause -> clause.kind() == ClauseKind.CASCADE && "TRUNCATE".equals(clause.detail()));
        return Optional.of(message(group) + (cascades ? CascadeNote.forTruncateCascade(names(group), schema) : ""));
    }
}
