package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.CaseWithoutElse;
import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.schema.RetypeJudgement;
import io.github.sqlguard.schema.SchemaFacts;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code alter-column-type}: PostgreSQL {@code ALTER [COLUMN] c [SET DATA] TYPE t}, MySQL
 * {@code MODIFY [COLUMN] c type} and {@code CHANGE [COLUMN] old new type}, Oracle {@code MODIFY c type} and
 * {@code MODIFY (c type, ..)}, T-SQL and H2 {@code ALTER COLUMN c type}. Changes of a default, of
 * nullability alone (Oracle {@code MODIFY (c NOT NULL)}, PostgreSQL {@code SET NOT NULL}) are not reported.
 * T-SQL and MySQL restate the type even to change only nullability: with the schema replay such a statement
 * is judged against the old type (the same type is no change); without it, it is reported. A change whose
 * old type is not known names the new one and why ({@link RetypeJudgement}). MySQL's
 * {@code CONVERT TO CHARACTER SET latin1} changes every text column at once to a character set that cannot hold
 * every character, unless the replay knows every text column holds that set already. A PostgreSQL
 * {@code USING} expression that computes the new values from the column
 * ({@code USING round(price, 0)}), rather than only casting it, is reported even where the types keep every value;
 * a {@code USING CASE} without {@code ELSE} is said to null every value it does not list.
 */
public final class AlterColumnTypeRule extends ClauseRule {

    public static final String ID = "alter-column-type";

    private static final int MAX_USING_LENGTH = 60;

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.WARNING,
            "Changing a column's type can truncate values or fail on existing rows",
            "A narrower type cuts off or rounds existing values, or makes the migration fail half-way on the"
                    + " first row that does not fit; MySQL's CONVERT TO CHARACTER SET latin1 does it to every text"
                    + " column, replacing the characters latin1 lacks. A PostgreSQL USING expression that computes the"
                    + " new values (USING round(price, 0), USING substr(name, 1, 10)) can lose them even when the new"
                    + " type is wider. Many databases also rewrite and lock the whole table while"
                    + " they convert it.",
            "Check that every existing value fits the new type (or add a new column and backfill it), then"
                    + " acknowledge it: -- sqlguard:allow alter-column-type reason: <why>",
            List.of("ALTER TABLE orders ALTER COLUMN note TYPE VARCHAR(20);",
                    "ALTER TABLE orders MODIFY note VARCHAR(20);",
                    "ALTER TABLE orders ALTER COLUMN note NVARCHAR(20) NOT NULL;"),
            List.of("ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';",
                    "ALTER TABLE orders MODIFY (note NOT NULL);"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Set<ClauseKind> kinds() {
        return Set.of(ClauseKind.RETYPED_COLUMN, ClauseKind.CONVERTED_CHARACTER_SET);
    }

    /**
     * MySQL's {@code CONVERT TO CHARACTER SET utf8} of a table whose text columns the replay knows hold utf8 already
     * changes only their collation: no character is lost.
     */
    @Override
    boolean losesNothing(DestructiveClause clause, SchemaFacts schema) {
        return clause.kind() == ClauseKind.CONVERTED_CHARACTER_SET && clause.table() != null
                && schema.before().table(clause.table()).filter(table -> table.holdsTextIn(clause.name())).isPresent();
    }

    @Override
    String message(List<DestructiveClause> group) {
        if (group.get(0).kind() == ClauseKind.CONVERTED_CHARACTER_SET) {
            return message(group, null, SchemaFacts.UNKNOWN).orElseThrow();
        }
        return group.get(0).words() + " changes the type of " + counted("column", "columns", names(group));
    }

    /**
     * A long USING (a CASE that maps every old code to a name) is cut after its first words: the finding points
     * at it, and the message has to stay readable in a build log.
     */
    static String shortened(String expression) {
        if (expression.length() <= MAX_USING_LENGTH) {
            return expression;
        }
        int cut = expression.lastIndexOf(' ', MAX_USING_LENGTH);
        return expression.substring(0, cut > 0 ? cut : MAX_USING_LENGTH) + " ..";
    }

    private static int indexOfColumn(List<String> reported, String column) {
        for (int i = 0; i < reported.size(); i++) {
            if (reported.get(i).equals(column) || reported.get(i).startsWith(column + " ")) {
                return i;
            }
        }
        return -1;
    }

    /** Only the columns whose change can lose or reject values, each naming its old and new type when known. */
    @Override
    Optional<String> message(List<DestructiveClause> group, StatementModel statement, SchemaFacts schema) {
        if (group.get(0).kind() == ClauseKind.CONVERTED_CHARACTER_SET) {
            return Optional.of(group.get(0).words() + " converts every text column to character set "
                    + group.get(0).name() + ", which cannot hold every character: those it lacks become '?', or the"
                    + " statement fails on the first in strict mode");
        }
        List<String> reported = new ArrayList<>(
                RetypeJudgement.reported(names(group), schema, statement.statement()));
        for (DestructiveClause clause : group) {
            if (clause.detail() == null) {
                continue;
            }
            int already = indexOfColumn(reported, clause.name());
            if (CaseWithoutElse.is(clause.detail())) {
                String nulls = "its USING " + shortened(clause.detail())
                        + " has no ELSE, so every value it does not list becomes NULL";
                if (already < 0) {
                    reported.add(clause.name() + " (" + nulls + ")");
                } else {
                    String text = reported.get(already);
                    reported.set(already, text.endsWith(")") ? text.substring(0, text.length() - 1) + "; " + nulls + ")"
                            : text + " (" + nulls + ")");
                }
            } else if (already < 0 && !RetypeJudgement.judgedItsUsing(clause.name(), schema)) {
                // PostgreSQL: USING round(price, 0) rewrites values even where the types keep them.
                reported.add(clause.name() + " (its USING " + shortened(clause.detail())
                        + " computes every new value, which the old one may not survive)");
            }
        }
        if (reported.isEmpty() && !names(group).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(group.get(0).words() + " changes the type of "
                + (reported.isEmpty() ? counted("column", "columns", names(group))
                        : counted("column", "columns", reported)));
    }
}
