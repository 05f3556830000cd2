package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code drop-column}: {@code ALTER TABLE .. DROP [COLUMN] [IF EXISTS] c} in every form (Oracle
 * {@code DROP (a, b)} and {@code SET UNUSED}, T-SQL {@code DROP COLUMN a, b}, several DROP clauses): one
 * violation per clause, located at its DROP. Constraints, indexes, keys, defaults and partitions are not
 * columns; in T-SQL a bare {@code DROP name} drops a constraint.
 */
public final class DropColumnRule extends ClauseRule {

    public static final String ID = "drop-column";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "ALTER TABLE .. DROP COLUMN removes a column and its values",
            "Dropping a column deletes its value in every row, and only a backup restore brings them back."
                    + " The application version still running during the deploy also fails when it reads or"
                    + " writes the column.",
            "Stop using the column in a release first, archive its values if they matter, then acknowledge the"
                    + " drop: -- sqlguard:allow drop-column reason: <why>",
            List.of("ALTER TABLE customers DROP COLUMN email;",
                    "ALTER TABLE customers DROP COLUMN email, DROP COLUMN phone;",
                    "ALTER TABLE customers DROP (email, phone);"),
            List.of("ALTER TABLE customers DROP CONSTRAINT customers_email_key;",
                    "ALTER TABLE customers ALTER COLUMN email DROP NOT NULL;",
                    "ALTER TABLE customers ADD COLUMN email_verified BOOLEAN;"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.DROPPED_COLUMN);
    }

    @Override
    String message(List<DestructiveClause> group) {
        return group.get(0).words() + " drops " + counted("column", "columns", names(group));
    }
}
