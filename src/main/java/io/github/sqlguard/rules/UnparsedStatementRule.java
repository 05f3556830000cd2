package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;

/**
 * Makes visible that a statement which may destroy data was checked from its tokens only, because
 * JSqlParser could not parse it (fail closed: nothing is skipped silently).
 */
public final class UnparsedStatementRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo(
            "unparsed-statement",
            Severity.WARNING,
            "Statement checked from its tokens only",
            "The statement is a DELETE or UPDATE whose tokens alone do not settle which rows it touches (it has no "
                    + "WHERE of its own but joins or limits its rows otherwise, a CTE body changes rows too, or its "
                    + "condition may hold for every row), and JSqlParser could not parse it (a dialect form it does "
                    + "not know, or it took too long). The other rules still checked it from its tokens, which is "
                    + "less precise, so it deserves a look.",
            "Check the statement by hand, then acknowledge it: -- sqlguard:allow unparsed-statement reason: <why>",
            List.of("DELETE a FROM audit_log a JOIN archive FOR SYSTEM_TIME ALL AS b ON b.id = a.id"),
            List.of("DELETE FROM audit_log WHERE created < '2020-01-01'"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        // A change of scratch tables only (created by this script, temporary, T-SQL #temp or @table) loses nothing,
        // however the parser would have read it.
        boolean scratchOnly = !statement.rowChanges().isEmpty()
                && statement.rowChanges().stream().allMatch(change -> change.scratch());
        if (statement.parse().state() == StatementModel.ParseOutcome.State.UNPARSED && !scratchOnly) {
            return List.of(new Violation("JSqlParser could not parse this statement (" + statement.parse().message()
                    + "); it was checked from its tokens only", statement.start()));
        }
        return List.of();
    }
}
