package io.github.sqlguard.schema;

import java.util.Set;

/**
 * What in the script itself keeps a destructive statement from losing data: it runs only when the table is
 * empty, the rows were copied in full just before, or the column it drops was added by the same script.
 *
 * @param kind which of those
 * @param description for the finding: {@code "runs only when audit_2019 is empty"}
 */
public record Guard(Kind kind, String description) {

    /** Marks a finding lowered to INFO by a guard: {@code "(guarded: rows copied to b at line 4)"}. */
    public static final String MARK = "guarded: ";

    /** The kinds of guard. */
    public enum Kind { EMPTY_TABLE, ROWS_COPIED, SCRATCH_COLUMN }

    private static final Set<String> TABLE_RULES = Set.of("drop-table", "truncate-table", "delete-without-where",
            "always-true-where", "drop-column", "unfiltered-subquery");

    /** True when this guard makes the loss the rule {@code ruleId} reports impossible. */
    public boolean covers(String ruleId) {
        return kind == Kind.SCRATCH_COLUMN ? ruleId.equals("drop-column") : TABLE_RULES.contains(ruleId);
    }

    /** The note a guarded finding's message ends with. */
    public String note() {
        return " (" + MARK + description + ")";
    }
}
