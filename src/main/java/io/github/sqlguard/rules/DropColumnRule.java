package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code drop-column}: {@code ALTER TABLE .. DROP [COLUMN] [IF EXISTS] c} in every form (Oracle
 * {@code DROP (a, b)} and {@code SET UNUSED}, T-SQL {@code DROP COLUMN a, b}, several DROP clauses): one
 * violation per clause, located at its DROP. Constraints, indexes, keys, defaults and partitions are not
 * columns; in T-SQL a bare {@code DROP name} drops a constraint. A PostgreSQL {@code ALTER COLUMN c TYPE t USING
 * expr} whose expression does not read {@code c} is reported too, at its USING: it loses every value as a drop does;
 * so is ClickHouse's {@code CLEAR COLUMN c}, which resets every value to the default, a column TTL
 * ({@code MODIFY COLUMN c .. TTL expr}), which does so once expr has passed, and a
 * {@code DROP TYPE|DOMAIN|EXTENSION .. CASCADE}, at its CASCADE, and Oracle's {@code DROP TYPE .. FORCE}, at its
 * FORCE, when the replay knows columns of the types it drops, and {@code ALTER TYPE .. DROP ATTRIBUTE .. CASCADE}, at
 * its DROP, when the replay knows columns of the type, which lose the attribute's values. PostgreSQL's
 * {@code DELETE FROM pg_enum}, the usual way to remove an enum label, is reported at its DELETE, naming the columns
 * of the type the replay knows: the values holding the label can no longer be read.
 */
public final class DropColumnRule extends ClauseRule {

    public static final String ID = "drop-column";

    private static final RuleInfo INFO = new RuleInfo(ID, Severity.ERROR,
            "ALTER TABLE .. DROP COLUMN removes a column and its values",
            "Dropping a column deletes its value in every row, and only a backup restore brings them back."
                    + " The application version still running during the deploy also fails when it reads or"
                    + " writes the column. A PostgreSQL type change whose USING expression does not read the"
                    + " column (ALTER COLUMN c TYPE jsonb USING NULL) loses every value the same way, and so does"
                    + " DROP TYPE, DROP DOMAIN or DROP EXTENSION .. CASCADE (Oracle's DROP TYPE .. FORCE) to every"
                    + " column of the types it drops, and ALTER TYPE .. DROP ATTRIBUTE .. CASCADE to the attribute in"
                    + " every column of the type, and to the values that hold an enum label a DELETE FROM pg_enum"
                    + " removes (PostgreSQL can no longer read them), and"
                    + " to ClickHouse's CLEAR COLUMN, and to a column TTL (MODIFY COLUMN c .. TTL expr) once it"
                    + " has passed.",
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
        return Set.of(ClauseKind.DROPPED_COLUMN, ClauseKind.REPLACED_COLUMN_VALUES, ClauseKind.DROPPED_TYPE_COLUMNS,
                ClauseKind.CLEARED_COLUMN, ClauseKind.EXPIRING_COLUMN, ClauseKind.DROPPED_TYPE_ATTRIBUTES,
                ClauseKind.DELETED_ENUM_LABELS);
    }

    /**
     * A generated column's values are computed from the row's other columns, which stay: dropping it loses nothing
     * a later {@code ADD COLUMN .. GENERATED ALWAYS AS (..)} cannot compute again. A table two histories defined
     * differently counts only when each definition that has the column generates it.
     */
    @Override
    boolean losesNothing(DestructiveClause clause, SchemaFacts schema) {
        if (DestructiveClause.COLUMN_OR_CONSTRAINT.equals(clause.detail())) {
            // T-SQL's bare DROP name is SQL Server's constraint drop unless the replay knows a column of that name,
            // which SQL Server refuses to drop so and Sybase ASE drops with its values.
            return clause.table() == null || clause.name() == null
                    || schema.before().column(clause.table(), clause.name()).isEmpty()
                    || schema.before().generatedInEveryDefinition(clause.table(), clause.name());
        }
        return clause.kind() == ClauseKind.DROPPED_COLUMN && clause.table() != null && clause.name() != null
                && schema.before().generatedInEveryDefinition(clause.table(), clause.name());
    }

    /**
     * A PostgreSQL {@code DROP TYPE|DOMAIN|EXTENSION .. CASCADE} is reported when the replay knows columns of the
     * dropped types in tables that predate the script, naming them; without such a column it is left to the cascade
     * rule.
     */
    @Override
    Optional<String> message(List<DestructiveClause> group, StatementModel statement, SchemaFacts schema) {
        DestructiveClause first = group.get(0);
        if (first.kind() == ClauseKind.DELETED_ENUM_LABELS) {
            List<String> typed = first.name() == null ? List.of()
                    : columnsOfTypeBeforeScript(first.name(), statement, schema);
            return Optional.of(deletedLabels(first) + (typed.isEmpty() ? "every stored value"
                    : "the values of " + String.join(", ", typed)) + holdingLabels(first));
        }
        if (first.kind() == ClauseKind.DROPPED_TYPE_ATTRIBUTES) {
            List<String> typed = columnsOfTypeBeforeScript(first.name(), statement, schema);
            boolean several = first.detail().contains(",");
            return typed.isEmpty() ? Optional.empty() : Optional.of(first.words() + " CASCADE also drops "
                    + (several ? "them" : "it") + " from " + counted("column", "columns", typed) + " of type "
                    + first.name() + ", with " + (several ? "their values" : "its value") + " in every row");
        }
        if (first.kind() != ClauseKind.DROPPED_TYPE_COLUMNS) {
            return Optional.of(message(group));
        }
        Set<String> columns = new LinkedHashSet<>();
        List<String> types = new ArrayList<>();
        for (DestructiveClause clause : group) {
            List<String> typed = columnsOfTypeBeforeScript(clause.name(), statement, schema);
            if (!typed.isEmpty()) {
                types.add(clause.name());
                columns.addAll(typed);
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = List.copyOf(columns);
        String typeWords = "EXTENSION".equals(first.detail())
                ? ", whose type " + String.join(", ", types) + " it provides,"
                : " of " + (types.size() == 1 ? "type " : "types ") + String.join(", ", types) + ",";
        return Optional.of(first.words() + (first.detail().equals("EXTENSION") ? "" : " " + String.join(", ", types))
                + optionWord(first) + " also drops " + counted("column", "columns", names) + typeWords
                + " with every value in " + itOrThem(names));
    }

    /** The columns of {@code type} the replay knows, as {@code table.column}, in tables that predate the script. */
    private static List<String> columnsOfTypeBeforeScript(String type, StatementModel statement, SchemaFacts schema) {
        // Columns of tables this script created hold only the script's own rows.
        return schema.before().columnsOfType(type).stream()
                .filter(column -> !statement.scratchTable().test(column.substring(0, column.lastIndexOf('.'))))
                .toList();
    }

    /** {@code "DELETE FROM pg_enum removes label 'x' of enum type t behind PostgreSQL's back: "}. */
    private static String deletedLabels(DestructiveClause deletion) {
        String type = deletion.name();
        String labels;
        if (deletion.detail() == null) {
            labels = type == null ? "the enum labels its WHERE selects"
                    : "the labels of enum type " + type + " that its WHERE selects";
        } else {
            String quoted = "'" + deletion.detail().replace(", ", "', '") + "'";
            labels = (deletion.detail().contains(", ") ? "labels " : "label ") + quoted
                    + (type == null ? " of every enum type that has " + (deletion.detail().contains(", ") ? "them"
                    : "it") : " of enum type " + type);
        }
        return deletion.words() + " removes " + labels + " behind PostgreSQL's back: ";
    }

    /** {@code " holding it can no longer be read"}, or {@code "one"} for several labels. */
    private static String holdingLabels(DestructiveClause deletion) {
        boolean one = deletion.detail() != null && !deletion.detail().contains(", ");
        return " holding " + (one ? "it" : "one") + " can no longer be read";
    }

    /** The word that takes the columns along: CASCADE, or Oracle's FORCE, which marks them unused. */
    private static String optionWord(DestructiveClause dropped) {
        return "FORCE".equals(dropped.detail()) ? " FORCE" : " CASCADE";
    }

    @Override
    String message(List<DestructiveClause> group) {
        DestructiveClause first = group.get(0);
        if (first.kind() == ClauseKind.DROPPED_TYPE_COLUMNS) {
            return first.words() + " " + first.name() + optionWord(first) + " also drops every column of type "
                    + first.name();
        }
        if (first.kind() == ClauseKind.DROPPED_TYPE_ATTRIBUTES) {
            return first.words() + " CASCADE also drops " + (first.detail().contains(",") ? "them" : "it")
                    + " from every column of type " + first.name();
        }
        if (first.kind() == ClauseKind.DELETED_ENUM_LABELS) {
            return deletedLabels(first) + "every stored value" + holdingLabels(first);
        }
        if (first.kind() == ClauseKind.CLEARED_COLUMN) {
            return first.words() + " CLEAR COLUMN resets every value of column " + first.name()
                    + (first.detail() == null ? "" : " in partition " + first.detail())
                    + " to its default: its old values are lost as if it were dropped";
        }
        if (first.kind() == ClauseKind.EXPIRING_COLUMN) {
            return first.words() + " TTL " + first.detail() + " resets every value of column " + first.name()
                    + " to its default once the TTL has passed: its old values are lost as if it were dropped";
        }
        if (first.kind() == ClauseKind.REPLACED_COLUMN_VALUES) {
            return first.words() + " replaces every value of column " + first.name() + " with USING "
                    + AlterColumnTypeRule.shortened(first.detail())
                    + ", which does not read the column: its old values are lost as if it were dropped";
        }
        String dropped = first.words() + " drops " + counted("column", "columns", names(group));
        return DestructiveClause.COLUMN_OR_CONSTRAINT.equals(first.detail()) ? dropped + " (written without COLUMN,"
                + " which SQL Server reads as a constraint's name; Sybase ASE drops the column)" : dropped;
    }
}
