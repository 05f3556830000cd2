package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.WhereFact;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.schema.RowFilter;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Optional;

/** Reports a DELETE or UPDATE whose WHERE clause holds for every row, which is no restriction at all. */
public final class AlwaysTrueWhereRule extends RowChangeRule {

    private static final RuleInfo INFO = new RuleInfo(
            "always-true-where",
            Severity.ERROR,
            "DELETE or UPDATE with an always-true WHERE clause",
            "A WHERE such as 1 = 1, TRUE, MySQL's WHERE 1, id = id, EXISTS (SELECT 1) or 'x' IS NOT NULL holds "
                    + "for every row, so the statement touches the whole table while looking restricted. It is often left over from a generated "
                    + "query or a placeholder condition that was never filled in.",
            "Replace the condition with one that selects exactly the rows to change or remove, or acknowledge it: -- sqlguard:allow always-true-where reason: <why>",
            List.of("DELETE FROM customers WHERE 1 = 1",
                    "UPDATE orders SET status = 'void' WHERE id = id",
                    "DELETE FROM sessions WHERE expires < now() OR TRUE"),
            List.of("DELETE FROM customers WHERE 1 = 0",
                    "UPDATE orders SET status = 'void' WHERE id = 7",
                    "DELETE FROM sessions WHERE created_at = expires_at"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Optional<String> violationFor(RowChange change) {
        return change.where() == WhereFact.ALWAYS_TRUE && !change.restrictedByJoin()
                ? Optional.of(change.verb() + " with an always-true WHERE " + change.effect() + " every row of "
                        + change.tableList())
                : Optional.empty();
    }

    /** {@code col IS NOT NULL} on a column the replay knows is NOT NULL; {@code x IS NULL OR x IS NOT NULL}. */
    @Override
    Optional<String> violationFor(RowChange change, SchemaFacts schema) {
        return schema.rowFilter().filter(filter -> !change.restrictedByJoin())
                .flatMap(RowFilter::alwaysTrue)
                .map(reason -> change.verb() + " with an always-true WHERE (" + reason + ") " + change.effect()
                        + " every row of " + change.tableList());
    }
}
