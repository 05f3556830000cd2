package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.RowSelection;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.WhereFact;
import io.github.sqlguard.schema.CascadeNote;
import io.github.sqlguard.schema.NaturalJoinMatch;
import io.github.sqlguard.schema.RowFilter;
import io.github.sqlguard.schema.SchemaFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frame of the rules about DELETE and UPDATE: judge each row change of the statement, located at its
 * verb. Rows of a temporary table (global ones too), or of one this script created, hold nothing that outlives the
 * migration.
 */
abstract class RowChangeRule implements Rule {

    @Override
    public final List<Violation> check(StatementModel statement) {
        return check(statement, SchemaFacts.UNKNOWN.judging(statement.statement()));
    }

    /**
     * As {@link #check(StatementModel)}, and a lone row change may also break the rule given what the replay
     * knows; a change of every row names the tables that lose rows with it through ON DELETE CASCADE.
     */
    @Override
    public final List<Violation> check(StatementModel statement, SchemaFacts schema) {
        List<Violation> violations = new ArrayList<>();
        List<RowChange> changes = statement.rowChanges();
        for (RowChange change : changes) {
            if (!change.scratch() && !sessionRowsOnly(change.tables(), schema)) {
                violationKnowing(change, schema)
                        .or(() -> changes.size() == 1 || isMergeMatched(change) ? violationFor(change, schema)
                                : Optional.empty())
                        .ifPresent(message -> violations.add(new Violation(ClauseRule.withOnlyCopy(message,
                                change.tables(), statement) + CascadeNote.forDelete(change.verb(), change.tables(),
                                schema), change.at())));
            }
        }
        return violations;
    }

    /**
     * True for a MERGE's WHEN MATCHED DELETE or UPDATE, which a MERGE's filter ({@code RowFilter#merge}) is about
     * when its verb is the change's, whatever other changes the MERGE makes.
     */
    static boolean isMergeMatched(RowChange change) {
        return change.selection() == RowSelection.MERGE_MATCHED;
    }

    /** True when {@code filter}, a MERGE's, is about {@code change}: its WHEN MATCHED clause of the same verb. */
    static boolean isMergeMatched(RowChange change, RowFilter filter) {
        return isMergeMatched(change) && change.verb().equals(filter.verb());
    }

    /** True when every table is a global temporary one, whose rows the migration's own session wrote. */
    static boolean sessionRowsOnly(List<String> tables, SchemaFacts schema) {
        return !tables.isEmpty() && tables.stream().allMatch(schema.before()::holdsSessionRowsOnly);
    }

    /**
     * Why a join limits nothing: {@code "joined on a condition true for every pair of rows (a cross join) and "}, or
     * {@code "joined on conditions that name no column of t, which its rows meet alike, and "}; else empty.
     */
    static String crossJoinNote(RowChange change) {
        return switch (change.crossJoin()) {
            case EVERY_PAIR -> "joined on a condition true for every pair of rows (a cross join) and ";
            case OTHER_TABLES_ONLY -> "joined on conditions that name no column of " + change.tableList()
                    + ", which its rows meet alike, and ";
            case LIMITING -> "";
        };
    }

    /** {@code "without WHERE"}, or what its WHERE does when that names only the other tables' columns. */
    static String whereNote(RowChange change) {
        return switch (change.where()) {
            case OTHER_TABLES_ONLY, NO_OTHER_ROW_ONLY -> "whose WHERE names no column of " + change.tableList();
            case VARIABLES_ONLY -> "whose WHERE names no column of " + change.tableList() + ", only variables,";
            case NO_COLUMN -> "whose WHERE names no column of " + change.tableList() + ", so it holds for every row"
                    + " or none,";
            case VARIABLE_SWITCH -> "whose WHERE has a part on variables alone, joined by OR,";
            case VARIABLE_FALLBACK -> "whose WHERE compares a column with a fallback to itself (column ="
                    + " ISNULL(@v, column)),";
            case OTHER_TABLES_SWITCH -> "whose WHERE has a part on the other tables' columns alone, joined by OR,";
            case ROW_COUNT_ONLY -> "whose WHERE only caps how many rows it takes";
            case ABSENT_BUT_CAPPED -> "without WHERE (its TOP, LIMIT or FETCH FIRST only caps how many rows it takes)";
            case ABSENT_BUT_SESSION_CAPPED -> "without WHERE (the SET ROWCOUNT before it only caps how many rows it"
                    + " takes)";
            default -> "without WHERE";
        };
    }

    /**
     * Which rows go, for a change that touches every row: {@code "every row of t"}, {@code "every row of partition
     * p0 of t"} for MySQL's {@code DELETE FROM t PARTITION (p0)}, or {@code "arbitrary rows of t"} when a ROWNUM, TOP,
     * LIMIT or SET ROWCOUNT cap takes some of them in no chosen order.
     */
    static String reach(RowChange change) {
        String partitions = change.partitions().isEmpty() ? ""
                : (change.partitions().size() == 1 ? "partition " : "partitions ")
                        + String.join(", ", change.partitions()) + " of ";
        return (change.where().onlyCapsRowCount() ? "arbitrary rows of " : "every row of ") + partitions
                + change.tableList();
    }

    /**
     * For a {@code verb} change without a WHERE that restricts, whose NATURAL joins, all that limit it, share no column
     * with a target (a cross join) or join a table whose columns the replay does not know: the message, with
     * {@code outcome} ({@code "removes"}, {@code "changes"}) before the rows it reaches.
     */
    static Optional<String> naturalJoinViolation(RowChange change, SchemaFacts schema, String verb, String outcome) {
        if (!change.verb().equals(verb) || !change.where().absent() && !change.where().leavesRowsToJoin()) {
            return Optional.empty();
        }
        return NaturalJoinMatch.unlimitedNote(change, schema.before()).map(note -> verb + " " + note
                + whereNote(change) + " " + outcome + " " + reach(change) + otherTablesNote(change));
    }

    /** When the WHERE names only the other tables' columns, or only caps the row count: what the reach means. */
    static String otherTablesNote(RowChange change) {
        return switch (change.where()) {
            case OTHER_TABLES_ONLY -> " as soon as a row of the other tables matches";
            case NO_OTHER_ROW_ONLY -> " while no row of the other tables matches (and none once one does)";
            case VARIABLES_ONLY, NO_COLUMN -> " whenever it holds";
            case VARIABLE_SWITCH -> " whenever that part holds";
            case VARIABLE_FALLBACK -> " whenever the variable is NULL";
            case OTHER_TABLES_SWITCH -> " as soon as a row of the other tables meets that part";
            case ROW_COUNT_ONLY, ABSENT_BUT_CAPPED, ABSENT_BUT_SESSION_CAPPED ->
                    ", and every row when it runs in a loop until none is left";
            default -> "";
        };
    }

    /**
     * The columns a join pairs each row with itself on, for messages: {@code "column email"}, {@code "columns email
     * and name"}; empty when the join does anything else.
     */
    static Optional<String> selfMatched(RowChange change) {
        List<String> columns = change.selfMatchedColumns();
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(columns.size() == 1 ? "column " + columns.get(0)
                : "columns " + String.join(", ", columns.subList(0, columns.size() - 1)) + " and "
                        + columns.get(columns.size() - 1));
    }

    /**
     * True for a change limited only by its join: without WHERE, or with one on literals or variables alone
     * ({@code WHERE @purge = 1}), which holds for every row or for none. An always-true WHERE is always-true-where's.
     */
    static boolean joinAloneChooses(RowChange change) {
        return change.restrictedByJoin() && (change.where() == WhereFact.ABSENT
                || change.where() != WhereFact.ALWAYS_TRUE && change.where().leavesRowsToJoin());
    }

    /** Which rows a join that pairs each row with itself reaches: {@code "whose email is not NULL"}, or its plural. */
    static String notNullRows(RowChange change) {
        List<String> columns = change.selfMatchedColumns();
        return columns.size() == 1 ? "whose " + columns.get(0) + " is not NULL"
                : "whose " + String.join(", ", columns.subList(0, columns.size() - 1)) + " and "
                        + columns.get(columns.size() - 1) + " are all not NULL";
    }

    /**
     * The message for a change that breaks this rule whatever the schema, worded with what the replay knows; by
     * default as {@link #violationFor(RowChange)} words it.
     */
    Optional<String> violationKnowing(RowChange change, SchemaFacts schema) {
        return violationFor(change);
    }

    /** The message for a change that breaks this rule only given what the schema replay knows, or empty. */
    Optional<String> violationFor(RowChange change, SchemaFacts schema) {
        return Optional.empty();
    }

    /** The message for a change that breaks this rule, or empty. */
    abstract Optional<String> violationFor(RowChange change);
}
