package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.StatementModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frame of the rules about DELETE and UPDATE: judge each row change of the statement, located at its
 * verb. Rows of a temporary table, or of one this script created, hold nothing that outlives the migration.
 */
abstract class RowChangeRule implements Rule {

    @Override
    public final List<Violation> check(StatementModel statement) {
        List<Violation> violations = new ArrayList<>();
        for (RowChange change : statement.rowChanges()) {
            if (!change.scratch()) {
                violationFor(change).ifPresent(message -> violations.add(new Violation(message, change.at())));
            }
        }
        return violations;
    }

    /** The message for a change that breaks this rule, or empty. */
    abstract Optional<String> violationFor(RowChange change);
}
