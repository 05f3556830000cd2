package io.github.sqlguard.schema;

import java.util.Set;

/**
 * What in the script itself keeps a destructive statement from losing data: it runs only when the table is
 * empty, the rows were copied in full just before, or the column it drops was added by the same script.
 *
 * @param kind which of those
 * @param description for the finding: {@code "runs only when audit_2019 is empty"}
 * @param columns for a scratch-column guard, the keys of the columns it protects; empty otherwise
 */
public record Guard(Kind kind, String description, Set<String> columns) {

    /** Marks a finding lowered to INFO by a guard: {@code "(guarded: rows copied to b at line 4)"}. */
    public static final String MARK = "guarded: ";

    /** The kinds of guard. */
    public enum Kind { EMPTY_TABLE, ROWS_COPIED, SCRATCH_COLUMN }

    private static final Set<String> TABLE_RULES = Set.of("drop-table", "truncate-table", "delete-without-where",
            "always-true-where", "drop-column", "unfiltered-subquery");

    public Guard {
        columns = Set.copyOf(columns);
    }

    /** A guard over the whole table the statement targets. */
    public Guard(Kind kind, String description) {
        this(kind, description, Set.of());
    }

    /**
     * True when this guard protects every object of a finding about {@code subjects} (as written): a table
     * guard protects all the statement's clauses, a scratch-column guard only the clauses that drop the
     * columns added earlier ({@code DROP COLUMN scratch, DROP COLUMN old_data} keeps the second finding).
     */
    public boolean protects(java.util.List<String> subjects) {
        return kind != Kind.SCRATCH_COLUMN
                || !subjects.isEmpty() && subjects.stream().allMatch(s -> columns.contains(SchemaNames.key(s)));
    }

    /** True when this guard makes the loss the rule {@code ruleId} reports impossible. */
    public boolean covers(String ruleId) {
        return kind == Kind.SCRATCH_COLUMN ? ruleId.equals("drop-column") : TABLE_RULES.contains(ruleId);
    }

    /** The note a guarded finding's message ends with. */
    public String note() {
        return " (" + MARK + description + ")";
    }
}
