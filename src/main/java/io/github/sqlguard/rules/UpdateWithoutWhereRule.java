package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.RowLookup;
import io.github.sqlguard.analysis.RowSelection;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.List;
import java.util.Optional;

/** Reports an UPDATE whose own statement has no WHERE clause, so it changes every row of its table. */
public final class UpdateWithoutWhereRule extends RowChangeRule {

    private static final RuleInfo INFO = new RuleInfo(
            "update-without-where",
            Severity.ERROR,
            "UPDATE without a WHERE clause",
            "An UPDATE without WHERE overwrites a column in every row of its table, and the old values are gone "
                    + "unless a backup is restored. A WHERE inside the SET's subquery does not limit the rows "
                    + "updated: a SET that fills a column from a subquery of each row, SET c = (SELECT s.c FROM s WHERE "
                    + "s.id = t.id), gives NULL to every row the subquery finds no match for (where a NOT NULL "
                    + "foreign key of t.id references s.id, every row finds its match and the finding names no such "
                    + "loss). Nor does a FROM list that "
                    + "is not joined to the target (a WHERE naming only the FROM "
                    + "list's columns, or with a part joined by OR that does, WHERE t.u_id = u.id OR u.closed, a join on a condition such as ON 1 = 1 or only on the same columns of a second copy of the "
                    + "table, UPDATE t a JOIN t b ON a.id = b.id SET a.x = b.y, which every row meets with itself; in PostgreSQL and SQLite also a FROM "
                    + "list that names the target's table again, UPDATE t .. FROM t k, u WHERE k.id = u.id, as that "
                    + "is a second copy of t and not the row updated), nor, in MySQL's UPDATE t1, t2 SET "
                    + "t1.a = .., a WHERE naming only the columns of the tables the SET does not assign. An upsert whose SELECT "
                    + "reads every row of its own target (INSERT OR REPLACE INTO t .. SELECT .. FROM t, REPLACE, "
                    + "ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE, H2's MERGE .. KEY, CockroachDB's UPSERT) rewrites every row as well.",
            "Add a WHERE clause that selects exactly the rows to change (filling a column an earlier migration "
                    + "added: WHERE the_column IS NULL), or acknowledge it: "
                    + "-- sqlguard:allow update-without-where reason: <why>",
            List.of("UPDATE customers SET status = 'closed'",
                    "UPDATE accounts SET balance = (SELECT 0 FROM limits WHERE limits.id = 1)",
                    "UPDATE prices SET amount = rates.factor FROM rates",
                    "INSERT OR REPLACE INTO customers (id, email) SELECT id, lower(email) FROM customers"),
            List.of("UPDATE customers SET status = 'closed' WHERE id = 42",
                    "UPDATE orders o JOIN customers c ON o.customer_id = c.id SET o.region = c.region",
                    "UPDATE prices SET amount = rates.factor FROM rates WHERE rates.currency = prices.currency"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * A change whose NATURAL joins, all that limit it, share no column with a target (a cross join), or join a table
     * whose columns the replay does not know.
     */
    @Override
    Optional<String> violationFor(RowChange change, SchemaFacts schema) {
        return RowChangeRule.naturalJoinViolation(change, schema, "UPDATE", "changes");
    }

    /** As {@link #violationFor(RowChange)}, naming no lookup that the schema shows every row finds its match in. */
    @Override
    Optional<String> violationKnowing(RowChange change, SchemaFacts schema) {
        return violation(change, change.nullingLookups().stream()
                .filter(lookup -> lookup.link().filter(link -> schema.before().everyRowReferences(link.table(),
                        link.columns().get(0), link.joinedTable(), link.joinedColumns().get(0))).isEmpty())
                .map(RowLookup::column).toList());
    }

    @Override
    Optional<String> violationFor(RowChange change) {
        return violation(change, change.nullingLookups().stream().map(RowLookup::column).toList());
    }

    private static Optional<String> violation(RowChange change, List<String> nullingLookups) {
        if (change.selection() == RowSelection.UPSERT_REPLACING_ITSELF) {
            return Optional.of("INSERT OR REPLACE (REPLACE) reads its rows from " + change.tableList() + " itself without "
                    + "WHERE, so it deletes and inserts again every row of " + change.tableList()
                    + ": a column its SELECT does not fill loses its value in every row");
        }
        if (change.selection() == RowSelection.UPSERT_UPDATING_ITSELF) {
            return Optional.of("Upsert (ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE, MERGE .. KEY, UPSERT) reads its rows "
                    + "from " + change.tableList() + " itself without WHERE, so every row collides with itself and "
                    + "its update changes every row of " + change.tableList());
        }
        if (change.verb().equals("UPDATE") && RowChangeRule.joinAloneChooses(change)) {
            return RowChangeRule.selfMatched(change).map(columns -> "UPDATE " + RowChangeRule.whereNote(change)
                    + " is joined to a second copy"
                    + " of " + change.tableList() + " only on the same " + columns + ", which every row matches in"
                    + " itself: it changes every row of " + change.tableList() + " " + RowChangeRule.notNullRows(change));
        }
        return change.verb().equals("UPDATE") && change.touchesEveryRow()
                ? Optional.of("UPDATE " + RowChangeRule.crossJoinNote(change) + RowChangeRule.whereNote(change)
                        + " changes " + RowChangeRule.reach(change) + RowChangeRule.otherTablesNote(change)
                        + lookupNote(nullingLookups))
                : Optional.empty();
    }

    /**
     * For a SET that fills columns with a subquery of each row, that rows without a match lose their values: the
     * statement reads like a backfill of the matching rows, yet the subquery gives NULL for every other row.
     */
    private static String lookupNote(List<String> columns) {
        if (columns.isEmpty()) {
            return "";
        }
        return columns.size() == 1
                ? ": " + columns.get(0) + " is set from a subquery of each row, which gives NULL in every row it"
                        + " finds no match for"
                : ": " + String.join(", ", columns) + " are set from subqueries of each row, which give NULL in every"
                        + " row they find no match for";
    }
}
