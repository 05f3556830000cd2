package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.CascadeNote;
import io.github.sqlguard.schema.WhereJudgement;
import io.github.sqlguard.schema.WhereTokens;
import java.util.List;

/**
 * {@code unfiltered-subquery}: a DELETE or UPDATE whose WHERE only requires a related row in a table that the
 * subquery reads without a filter ({@code fk IN (SELECT id FROM t)}, {@code EXISTS (SELECT 1 FROM t WHERE
 * t.id = outer.fk)}). Where the foreign key holds, every row has one, so the WHERE restricts nothing.
 */
public final class UnfilteredSubqueryRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("unfiltered-subquery", Severity.WARNING,
            "WHERE only requires a related row in an unfiltered table",
            "A condition such as account_id IN (SELECT id FROM accounts) looks like a restriction, but when every"
                    + " row has its related row (which a foreign key guarantees) it selects all of them. Usually"
                    + " a filter on the subquery's table was forgotten.",
            "Add the filter the subquery's table needs (WHERE a.closed, ..), or acknowledge it:"
                    + " -- sqlguard:allow unfiltered-subquery reason: <why>",
            List.of("DELETE FROM invoices WHERE account_id IN (SELECT id FROM accounts)",
                    "DELETE FROM invoices WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = invoices.account_id)"),
            List.of("DELETE FROM invoices WHERE account_id IN (SELECT id FROM accounts WHERE closed)",
                    "DELETE FROM invoices WHERE account_id NOT IN (SELECT id FROM accounts)"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(AnalyzedStatement statement, ScriptState script) {
        if (statement.statement().container()) {
            return List.of();
        }
        return WhereTokens.of(statement.statement().tokens())
                .filter(where -> !ScratchTables.isScratch(where.table(), script))
                .flatMap(where -> WhereJudgement.onlyRequiresRelatedRow(where).map(related -> new Violation(
                        where.verb() + " on " + where.table() + " is limited only by a related row in " + related
                                + ", which the subquery reads without a filter: it "
                                + (where.verb().equals("DELETE") ? "removes" : "changes") + " every row of "
                                + where.table() + " that has one"
                                + CascadeNote.forDelete(where.verb(), List.of(where.table()), script.schemaFacts()))))
                .map(List::of).orElse(List.of());
    }
}
