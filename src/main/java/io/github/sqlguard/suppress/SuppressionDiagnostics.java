package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.List;

/**
 * The documentation of the findings that acknowledgements themselves produce, so the README table and
 * SARIF {@code rules[]} list them beside the SQL rules.
 */
public final class SuppressionDiagnostics {

    public static final RuleInfo SUPPRESSION_WITHOUT_REASON = new RuleInfo(
            "suppression-without-reason",
            Severity.ERROR,
            "A sqlguard:allow comment gives no reason",
            "An acknowledgement is a decision somebody will have to understand later. Without a reason it is "
                    + "indistinguishable from a shortcut taken to silence the build, so it suppresses nothing "
                    + "and the original finding stays.",
            "Add the reason after the rule ids: `-- sqlguard:allow <rule-id> reason: <why this is safe>`.",
            List.of("-- sqlguard:allow delete-without-where\nDELETE FROM cache WHERE expired_at < now();"),
            List.of("-- sqlguard:allow delete-without-where reason: the cache is rebuilt at startup\n"
                    + "DELETE FROM cache;"));

    public static final RuleInfo UNKNOWN_RULE = new RuleInfo(
            "unknown-rule",
            Severity.ERROR,
            "A sqlguard:allow comment names a rule that does not exist",
            "A misspelt rule id acknowledges nothing, and the finding it was meant for keeps failing the build "
                    + "or, worse, the author believes a statement was reviewed when it was not.",
            "Use one of the rule ids listed in the README (the message names the closest ones).",
            List.of("-- sqlguard:allow delet-without-where reason: the cache is rebuilt at startup\n"
                    + "DELETE FROM cache WHERE id = 1;"),
            List.of("-- sqlguard:allow delete-without-where reason: the cache is rebuilt at startup\n"
                    + "DELETE FROM cache;"));

    public static final RuleInfo UNUSED_SUPPRESSION = new RuleInfo(
            "unused-suppression",
            Severity.WARNING,
            "An acknowledgement matches no finding",
            "An acknowledgement left behind after the statement was fixed, or placed before the wrong "
                    + "statement, would silently cover a future problem. Removing it keeps every "
                    + "acknowledgement meaningful.",
            "Remove the comment or pom <suppression>, or move the comment directly before the statement "
                    + "(or to the end of its first line).",
            List.of("-- sqlguard:allow delete-without-where reason: the cache is rebuilt at startup\n"
                    + "DELETE FROM cache WHERE id = 1;"),
            List.of("DELETE FROM cache WHERE id = 1;"));

    public static final RuleInfo MISPLACED_SUPPRESSION = new RuleInfo(
            "misplaced-suppression",
            Severity.ERROR,
            "A sqlguard:allow-file comment stands after the first statement",
            "A file-wide acknowledgement must be visible at the top of the file, where a reader looks before "
                    + "reading any statement; one hidden further down suppresses nothing.",
            "Move the `-- sqlguard:allow-file` comment above the first statement.",
            List.of("CREATE TABLE staging (id INT);\n"
                    + "-- sqlguard:allow-file drop-table reason: staging tables are temporary\n"),
            List.of("-- sqlguard:allow-file drop-table reason: staging tables are temporary\n"
                    + "CREATE TABLE staging (id INT);\nDROP TABLE staging;"));

    public static final RuleInfo STALE_BASELINE_ENTRY = new RuleInfo(
            "stale-baseline-entry",
            Severity.INFO,
            "A baseline entry matches no current finding",
            "The statement it recorded was changed, fixed or removed. Stale entries would let an identical "
                    + "statement back in unnoticed, so prune them.",
            "Run the `baseline` goal again to rewrite the baseline file.",
            List.of(),
            List.of());

    /** Every diagnostic of the suppression step, in documentation order. */
    public static final List<RuleInfo> ALL = List.of(SUPPRESSION_WITHOUT_REASON, UNKNOWN_RULE, UNUSED_SUPPRESSION,
            MISPLACED_SUPPRESSION, STALE_BASELINE_ENTRY);

    private SuppressionDiagnostics() {
    }

    /** A finding of {@code info} at {@code location}, with the rule's default severity and hint. */
    static Finding finding(RuleInfo info, Location location, String message, String excerpt) {
        return Finding.of(info.id(), info.defaultSeverity(), location, message, info.hint(), excerpt);
    }
}
