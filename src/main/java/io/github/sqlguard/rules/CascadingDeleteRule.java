package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.CascadeGraph;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code delete-cascades}: a DELETE whose WHERE limits the rows of its own table, while the replay knows foreign keys
 * with {@code ON DELETE CASCADE} that reference it: every row of the other tables that refers to a deleted row goes
 * too, though the script names none of them. A DELETE of every row is the other rules' (their message names the
 * tables the cascade empties). Tables the script created hold only its own rows and do not count, nor do global
 * temporary ones; a child the script deleted from, updated or emptied before is the guard's business
 * ({@code CascadedRowsHandled}).
 */
public final class CascadingDeleteRule implements Rule {

    public static final String ID = "delete-cascades";

    /** How many child tables a message names before it counts the rest (a central table may have dozens). */
    private static final int MOST_TABLES_NAMED = 8;

    /** How many cascading keys a message describes before it counts the rest. */
    private static final int MOST_KEYS_DESCRIBED = 4;

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "DELETE that ON DELETE CASCADE extends to other tables",
            "A foreign key with ON DELETE CASCADE makes the database delete every row that refers to a deleted"
                    + " row, in as many tables as the keys chain, and the statement shows none of them: a WHERE that"
                    + " picks a few rows of a parent table (obsolete types, a retired tenant) silently takes every"
                    + " child row of those, which may be far more data than the parent rows themselves. Only the keys"
                    + " of the scanned migrations are known, so the tables named are a lower bound. SQLite fires the"
                    + " keys only where the connection turns foreign keys on.",
            "Delete (or move) the child rows explicitly before the parent rows, so the script shows what goes, or"
                    + " acknowledge it: -- sqlguard:allow delete-cascades reason: <why>",
            List.of("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                    + " REFERENCES customers (id) ON DELETE CASCADE;\n"
                    + "DELETE FROM customers WHERE status = 'inactive'"),
            List.of("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                    + " REFERENCES customers (id) ON DELETE CASCADE;\n"
                    + "DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE status = 'inactive')"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Without the schema no foreign key is known. */
    @Override
    public List<Violation> check(StatementModel statement) {
        return List.of();
    }

    @Override
    public List<Violation> check(StatementModel statement, SchemaFacts schema) {
        List<Violation> violations = new ArrayList<>();
        for (RowChange change : statement.rowChanges()) {
            if (!change.verb().equals("DELETE") || change.scratch() || change.touchesEveryRow()
                    || RowChangeRule.sessionRowsOnly(change.tables(), schema)) {
                continue;
            }
            List<CascadeGraph.Link> links = cascadingLinks(change.tables(), statement, schema);
            if (!links.isEmpty()) {
                List<String> children = links.stream().map(CascadeGraph.Link::child).toList();
                violations.add(new Violation("DELETE from " + change.tableList() + " also deletes, through ON DELETE"
                        + " CASCADE, every row of " + listed(children, MOST_TABLES_NAMED, "other tables")
                        + " that refers to a deleted row (" + keys(links) + "), though the statement names none of"
                        + " them", change.at(), children));
            }
        }
        return violations;
    }

    /**
     * The cascading keys the DELETE of rows of {@code tables} fires, without the keys of tables that hold no rows
     * of their own: those the script created, global temporary ones, and the targets themselves.
     */
    static List<CascadeGraph.Link> cascadingLinks(List<String> tables, StatementModel statement, SchemaFacts schema) {
        return schema.before().cascades().cascadingLinks(tables).stream()
                .filter(link -> !statement.scratchTable().test(link.child())
                        && !schema.before().holdsSessionRowsOnly(link.child()))
                .toList();
    }

    /** {@code orders.customer_id references customers}, with the key's name when the migration gave one. */
    private static String described(CascadeGraph.Link link) {
        return (link.name().isEmpty() ? "" : "key " + link.name() + ": ") + link.referencingColumns() + " references "
                + link.parent();
    }

    /** The keys, nearest first, the first few of them: a central table's message stays readable. */
    private static String keys(List<CascadeGraph.Link> links) {
        List<String> described = links.stream().limit(MOST_KEYS_DESCRIBED).map(CascadingDeleteRule::described)
                .toList();
        int more = links.size() - described.size();
        return String.join("; ", described) + (more == 0 ? "" : "; and " + more + " more");
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}; past {@code most}, {@code a, b and 7 other tables}. */
    private static String listed(List<String> names, int most, String others) {
        if (names.size() > most) {
            return String.join(", ", names.subList(0, most)) + " and " + (names.size() - most) + " " + others;
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
