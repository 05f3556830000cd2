package io.github.sqlguard.rules;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * {@code drop-column}: {@code ALTER TABLE .. DROP [COLUMN] [IF EXISTS] c} in every form (Oracle
 * {@code DROP (a, b)} and {@code SET UNUSED}, T-SQL {@code DROP COLUMN a, b}, several DROP clauses): one
 * violation per statement naming every column. Constraints, indexes, keys, defaults and partitions are not
 * columns; in T-SQL a bare {@code DROP name} drops a constraint.
 */
public final class DropColumnRule extends DataLossRule {

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
    List<Violation> check(List<Token> core, Statement statement, ScriptState script) {
        return alteredLastingTable(core, script)
                .map(alter -> oneViolation(alter.droppedNames(statement.dialect(), AlterTableClauses.Kind.COLUMN),
                        columns -> "ALTER TABLE " + alter.table() + " drops " + counted("column", "columns", columns)))
                .orElse(List.of());
    }
}
