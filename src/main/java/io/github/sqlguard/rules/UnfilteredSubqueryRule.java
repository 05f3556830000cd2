package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.KeyLink;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.WhereFact;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.CascadeNote;
import io.github.sqlguard.schema.NaturalJoinMatch;
import io.github.sqlguard.schema.OuterRowColumn;
import io.github.sqlguard.schema.RowFilter;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unfiltered-subquery}: a DELETE or UPDATE whose WHERE only requires a related row in a table that the
 * subquery reads without a filter ({@code fk IN (SELECT id FROM t)}, {@code EXISTS (SELECT 1 FROM t WHERE
 * t.id = outer.fk)}, also a subquery joining t to other tables along t's key references), or a DELETE without
 * WHERE (or with one that names no column, {@code WHERE 1 = 1}, which holds for every row or none) limited only by a
 * join of its rows to the key of a table read
 * without a filter (MySQL {@code DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id}, when the replay
 * knows customers.id is a key; also on each column of a composite key), or such an UPDATE whose SET reads nothing
 * of the joined row (T-SQL
 * {@code UPDATE o SET o.total = 0 FROM orders o JOIN customers c ON ..}); PostgreSQL writes that join in the WHERE
 * ({@code DELETE FROM orders o USING customers c WHERE c.id = o.customer_id}), and so does MySQL in a multi-table
 * UPDATE ({@code UPDATE orders o, customers c SET .. WHERE c.id = o.customer_id}) and in a DELETE whose USING list
 * names the target again. Where the foreign key holds, every row has one, so none of them restricts anything. A
 * MERGE whose WHEN MATCHED clause deletes with no condition of its own,
 * from such a source, is that same DELETE, and so is a DELETE or UPDATE joined to a CTE or derived table that reads
 * a table without a filter ({@code WITH s AS (SELECT id FROM t) DELETE FROM u USING s WHERE s.id = u.t_id}).
 */
public final class UnfilteredSubqueryRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("unfiltered-subquery", Severity.WARNING,
            "WHERE or join only requires a related row in an unfiltered table",
            "A condition such as account_id IN (SELECT id FROM accounts) looks like a restriction, but when every"
                    + " row has its related row (which a foreign key guarantees) it selects all of them, also when"
                    + " the subquery joins accounts to other tables only along accounts' references to their keys"
                    + " (SELECT a.id FROM accounts a JOIN banks b ON b.id = a.bank_id); an"
                    + " EXISTS (SELECT 1 FROM accounts) that names no column of the row holds for every row as soon"
                    + " as accounts has one, and so does account_id IN (SELECT account_id FROM accounts) when"
                    + " accounts has no column account_id, as the name is then the changed row's own; its NOT IN"
                    + " form, written to remove the rows without a related row, removes every row while accounts is"
                    + " empty and none otherwise, and so does a NOT EXISTS (SELECT 1 FROM accounts) that names no"
                    + " column of the row. A DELETE without WHERE (or whose WHERE names no column: 1 = 1, @purge = 1)"
                    + " whose join only ties each row to the key of its"
                    + " related row (DELETE i FROM invoices i JOIN accounts a ON a.id = i.account_id, where the"
                    + " migrations made accounts.id a key) is the same (DELETE i, a .. removes every account that"
                    + " has an invoice as well), also on every column of a composite key"
                    + " (ON m.queue_type = q.queue_type AND m.queue_name = q.queue_name, where that pair is the primary"
                    + " or a unique key of queues, or m's foreign key), and so is an UPDATE joined that way whose SET"
                    + " reads nothing of the joined row (UPDATE i SET i.total = 0 FROM invoices i JOIN accounts a ON"
                    + " a.id = i.account_id), also when PostgreSQL or MySQL writes the join as the WHERE (DELETE FROM"
                    + " invoices i USING accounts a WHERE a.id = i.account_id, UPDATE invoices i, accounts a SET"
                    + " i.total = 0 WHERE a.id = i.account_id, or SET total = 0 where the migrations show only"
                    + " invoices has a column total), and Oracle's UPDATE of such a join view whose SET"
                    + " gives only literals (UPDATE (SELECT i.total FROM invoices i JOIN accounts a ON a.id ="
                    + " i.account_id) SET total = 0); one that copies the related row's columns, joined"
                    + " or through a subquery in its SET, is a backfill. A MERGE .. WHEN MATCHED THEN DELETE with"
                    + " no condition of its own, joined ON column equalities to a source that reads a table without"
                    + " a filter (MERGE INTO invoices i USING accounts a ON i.account_id = a.id WHEN MATCHED THEN"
                    + " DELETE), is that same DELETE written another way, as is its WHEN MATCHED THEN UPDATE whose SET"
                    + " reads nothing of the source, and so is a DELETE or UPDATE joined only on column"
                    + " equalities to a CTE or derived table that reads a table without a filter (WITH s AS (SELECT id"
                    + " FROM accounts) DELETE FROM invoices USING s WHERE s.id = invoices.account_id); one that"
                    + " reads the target itself on the same columns is always-true-where, also when an UPDATE's SET"
                    + " reads it (each row gets a value made of its own). Usually a filter"
                    + " on the subquery's or the joined table was forgotten.",
            "Add the filter the subquery's table needs (WHERE a.closed, ..), or acknowledge it:"
                    + " -- sqlguard:allow unfiltered-subquery reason: <why>",
            List.of("DELETE FROM invoices WHERE account_id IN (SELECT id FROM accounts)",
                    "DELETE FROM invoices WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = invoices.account_id)",
                    "DELETE FROM invoices WHERE NOT EXISTS (SELECT 1 FROM accounts)"),
            List.of("DELETE FROM invoices WHERE account_id IN (SELECT id FROM accounts WHERE closed)",
                    "DELETE FROM invoices WHERE account_id NOT IN (SELECT id FROM accounts)"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        return check(statement, SchemaFacts.UNKNOWN.judging(statement.statement()));
    }

    @Override
    public List<Violation> check(StatementModel statement, SchemaFacts schema) {
        List<RowChange> changes = statement.rowChanges();
        if (schema.rowFilter().filter(RowFilter::merge).isPresent()) {
            return mergeMatched(changes, schema.rowFilter().get(), schema);
        }
        if (changes.size() != 1 || changes.get(0).scratch()) {
            return List.of();
        }
        RowChange change = changes.get(0);
        // A WHERE that holds for every row, or for all or none, leaves the join to choose the rows, as none does.
        boolean joinOnly = (change.where().absent() || change.where().leavesRowsToJoin()) && change.restrictedByJoin();
        // PostgreSQL's DELETE .. USING u and UPDATE .. FROM u write the same join in the WHERE.
        boolean whereJoinOnly = change.where() == WhereFact.PRESENT && !change.keyLinks().isEmpty();
        if ((joinOnly || whereJoinOnly) && schema.rowFilter().flatMap(RowFilter::alwaysTrue).isPresent()) {
            return List.of(); // the join pairs every row with itself: always-true-where says so
        }
        if (joinOnly || whereJoinOnly) {
            // A join to a table the script filled with the rows it chose restricts, as its IN form does.
            // A NATURAL JOIN is JOIN .. USING (the columns its tables share).
            List<KeyLink> written = change.keyLinks().isEmpty() && joinOnly
                    ? NaturalJoinMatch.keyLinks(change, schema.before()) : change.keyLinks();
            List<KeyLink> links = written.stream()
                    .filter(link -> !statement.scratchRows().chosen(link.joinedTable()))
                    .filter(link -> schema.before().assignsOnly(link.table(), link.joinedTable(), link.setColumns()))
                    .filter(link -> schema.before().refersToKey(
                            link.table(), link.columns(), link.joinedTable(), link.joinedColumns())).toList();
            if (!links.isEmpty()) {
                List<String> joinedTargets = joinedTargets(change, links);
                List<String> tables = new ArrayList<>(links.stream().map(KeyLink::table).toList());
                tables.addAll(joinedTargets);
                return List.of(new Violation(joinMessage(change, joinOnly, links)
                        + joinedTargetsMessage(joinedTargets, links)
                        + CascadeNote.forDelete(change.verb(), tables, schema), change.at()));
            }
            // A join to a CTE or derived table that reads a table without a filter is judged as its IN form.
            if (schema.rowFilter().isEmpty()) {
                return List.of();
            }
        }
        // A table the script created and filled with the rows it chose restricts, as a T-SQL @ids table does.
        return schema.rowFilter().flatMap(filter -> filter.onlyRelatedRow()
                .filter(related -> !statement.scratchRows().chosen(related)).map(related -> new Violation(
                message(filter, related) + CascadeNote.forDelete(filter.verb(), List.of(filter.table()), schema),
                change.at())))
                .map(List::of).orElse(List.of());
    }

    /** MERGE .. WHEN MATCHED THEN DELETE (or UPDATE) from a source that reads another table without a filter. */
    private static List<Violation> mergeMatched(List<RowChange> changes, RowFilter filter, SchemaFacts schema) {
        return changes.stream().filter(change -> RowChangeRule.isMergeMatched(change, filter)).findFirst()
                .filter(change -> !change.scratch())
                .flatMap(change -> filter.onlyRelatedRow().map(related -> new Violation("MERGE .. WHEN MATCHED"
                        + " THEN " + filter.verb() + " on " + filter.table() + " is limited only by a related row in "
                        + related + ", which its source reads without a filter: it " + change.effect()
                        + " every row of " + filter.table() + " that has one"
                        + CascadeNote.forDelete(filter.verb(), List.of(filter.table()), schema), change.at())))
                .map(List::of).orElse(List.of());
    }

    private static String joinMessage(RowChange change, boolean joinOnly, List<KeyLink> links) {
        String verb = change.verb();
        String effect = verb.equals("DELETE") ? "removes" : "changes";
        String where = change.where() == WhereFact.ALWAYS_TRUE ? " with an always-true WHERE"
                : change.where().absent() ? " without WHERE" : " " + RowChangeRule.whereNote(change);
        StringBuilder message = new StringBuilder(verb)
                .append(joinOnly ? where + " is limited only by its join" : " is limited only by its WHERE's join");
        for (int i = 0; i < links.size(); i++) {
            KeyLink link = links.get(i);
            message.append(i == 0 ? " " : ", and ").append("of ").append(columnsOf(link.table(), link.columns()))
                    .append(" to the key ").append(columnsOf(link.joinedTable(), link.joinedColumns()))
                    .append(", which reads ").append(link.joinedTable())
                    .append(" without a filter: it ").append(effect).append(" every row of ").append(link.table())
                    .append(" that has a related row in ").append(link.joinedTable());
        }
        return message.toString();
    }

    /**
     * The joined tables that a MySQL {@code DELETE h, m FROM t_hist h JOIN t_mon m ON ..} also deletes from: each of
     * their rows that has a related row goes as well.
     */
    private static List<String> joinedTargets(RowChange change, List<KeyLink> links) {
        if (!change.verb().equals("DELETE") || change.tables().size() < 2) {
            return List.of();
        }
        List<String> targets = change.tables().stream().map(ObjectNames::normalize).toList();
        return links.stream().map(KeyLink::joinedTable).distinct()
                .filter(joined -> targets.contains(ObjectNames.normalize(joined))).toList();
    }

    private static String joinedTargetsMessage(List<String> joinedTargets, List<KeyLink> links) {
        StringBuilder message = new StringBuilder();
        for (String joined : joinedTargets) {
            String related = links.stream().filter(link -> link.joinedTable().equals(joined)).map(KeyLink::table)
                    .findFirst().orElseThrow();
            message.append(", and every row of ").append(joined).append(" that has a related row in ")
                    .append(related);
        }
        return message.toString();
    }

    /** {@code orders.customer_id}, or for a composite key {@code queue_messages (queue_type, queue_name)}. */
    private static String columnsOf(String table, List<String> columns) {
        return columns.size() == 1 ? table + "." + columns.get(0) : table + " (" + String.join(", ", columns) + ")";
    }

    private static String message(RowFilter filter, String related) {
        String effect = filter.verb().equals("DELETE") ? "removes" : "changes";
        if (filter.outerColumn().isPresent()) {
            OuterRowColumn outer = filter.outerColumn().get();
            return filter.verb() + " on " + filter.table() + " is limited only by a subquery that selects "
                    + outer.column() + ", a column of " + filter.table() + " that " + related + " does not have, so"
                    + " it compares each row's " + outer.column() + " with itself: it " + effect + " every row of "
                    + filter.table() + (outer.negated() ? " whenever " + related + " is empty, and none otherwise"
                            : " as soon as " + related + " has a row");
        }
        if (filter.whileEmpty()) {
            return filter.verb() + " on " + filter.table() + " is limited only by a NOT EXISTS whose subquery reads "
                    + related + " without a filter and names no column of " + filter.table() + ": it " + effect
                    + " every row of " + filter.table() + " whenever " + related + " is empty, and none otherwise";
        }
        if (filter.uncorrelated()) {
            return filter.verb() + " on " + filter.table() + " is limited only by a subquery that reads " + related
                    + " without a filter and names no column of " + filter.table() + ": it " + effect
                    + " every row of " + filter.table() + " as soon as " + related + " has a row";
        }
        return filter.verb() + " on " + filter.table() + " is limited only by a related row in " + related
                + ", which the subquery reads without a filter: it " + effect + " every row of " + filter.table()
                + " that has one";
    }
}
