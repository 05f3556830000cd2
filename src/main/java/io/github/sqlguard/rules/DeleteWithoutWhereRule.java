package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.List;
import java.util.Optional;

/** Reports a DELETE whose own statement has no WHERE clause, so it removes every row of its table. */
public final class DeleteWithoutWhereRule extends RowChangeRule {

    private static final RuleInfo INFO = new RuleInfo(
            "delete-without-where",
            Severity.ERROR,
            "DELETE without a WHERE clause",
            "A DELETE without WHERE removes every row of its table, and a migration runs it against production. "
                    + "A WHERE inside a subquery or a CTE does not limit the outer DELETE (Oracle's DELETE FROM "
                    + "(SELECT .. WHERE ..) is limited by its view's WHERE, as the view yields the rows it deletes), "
                    + "and LIMIT, TOP or "
                    + "Oracle's WHERE ROWNUM <= n (or WHERE id IN (SELECT id FROM t LIMIT n)) only cap how many arbitrary rows go. A WHERE that names only columns of the USING list's tables "
                    + "(in PostgreSQL also a USING list that names the target's table again, DELETE FROM t USING t t2, "
                    + "u WHERE t2.x = u.y, a second copy of t), "
                    + "or has a part joined by OR that does (WHERE t.u_id = u.id OR u.closed), "
                    + "or a join on a condition such as ON 1 = 1, or only on the same columns of a second copy of the table (a dedupe without its tie-breaker, DELETE c1 FROM contacts c1 JOIN contacts c2 ON c1.email = c2.email, which every row meets with itself), does not limit the target's rows either. This is the mistake that erases a whole table in one deploy.",
            "Add a WHERE clause that selects exactly the rows to remove, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>",
            List.of("DELETE FROM customers",
                    "DELETE FROM orders LIMIT 1000",
                    "DELETE FROM audit_log WHERE ROWNUM <= 10000",
                    "DELETE FROM sessions USING users",
                    "WITH gone AS (DELETE FROM audit_log RETURNING id) SELECT count(*) FROM gone"),
            List.of("DELETE FROM customers WHERE id = 42",
                    "DELETE t1 FROM orders t1 JOIN refunds t2 ON t1.id = t2.order_id",
                    "DELETE FROM sessions USING users WHERE sessions.user_id = users.id AND users.banned"));

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
        return RowChangeRule.naturalJoinViolation(change, schema, "DELETE", "removes");
    }

    @Override
    Optional<String> violationFor(RowChange change) {
        if (change.verb().equals("DELETE") && RowChangeRule.joinAloneChooses(change)) {
            return RowChangeRule.selfMatched(change).map(columns -> "DELETE " + RowChangeRule.whereNote(change)
                    + " is joined to a second copy"
                    + " of " + change.tableList() + " only on the same " + columns + ", which every row matches in"
                    + " itself: it removes every row of " + change.tableList() + " " + RowChangeRule.notNullRows(change)
                    + " (a dedupe also needs a tie-breaker such as AND c1.id > c2.id)");
        }
        return change.verb().equals("DELETE") && change.touchesEveryRow()
                ? Optional.of("DELETE " + RowChangeRule.crossJoinNote(change) + RowChangeRule.whereNote(change)
                        + " removes " + RowChangeRule.reach(change) + RowChangeRule.otherTablesNote(change))
                : Optional.empty();
    }
}
