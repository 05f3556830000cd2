package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.RowSelection;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.WhereFact;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports a MERGE whose {@code WHEN NOT MATCHED BY SOURCE} clause deletes or updates, with no condition of its
 * own, every target row the source does not hold.
 */
public final class MergeNotMatchedBySourceRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo(
            "merge-not-matched-by-source",
            Severity.ERROR,
            "MERGE .. WHEN NOT MATCHED BY SOURCE deletes or updates every target row the source lacks",
            "A MERGE with WHEN NOT MATCHED BY SOURCE THEN DELETE removes every row of the target that the source "
                    + "does not hold, so a source that is empty, filtered or only lists the rows to add empties "
                    + "the table. An UPDATE there overwrites all those rows instead. An AND condition on the "
                    + "clause limits which of them are touched.",
            "Add an AND condition to the clause that selects the rows to touch, or acknowledge it: -- sqlguard:allow merge-not-matched-by-source reason: <why>",
            List.of("MERGE INTO customers c USING imports i ON c.id = i.id "
                    + "WHEN NOT MATCHED BY SOURCE THEN DELETE"),
            List.of("MERGE INTO customers c USING imports i ON c.id = i.id "
                    + "WHEN NOT MATCHED BY SOURCE AND c.batch = 7 THEN DELETE",
                    "MERGE INTO customers c USING imports i ON c.id = i.id "
                    + "WHEN MATCHED THEN UPDATE SET email = i.email"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        List<Violation> violations = new ArrayList<>();
        for (RowChange change : statement.rowChanges()) {
            if (change.selection() == RowSelection.MERGE_NOT_MATCHED_BY_SOURCE && !change.scratch()
                    && change.where() != WhereFact.PRESENT) {
                violations.add(new Violation("MERGE .. WHEN NOT MATCHED BY SOURCE THEN " + change.verb() + " "
                        + change.effect() + " every row of " + change.tableList() + " that the source does not hold",
                        change.at()));
            }
        }
        return violations;
    }
}
