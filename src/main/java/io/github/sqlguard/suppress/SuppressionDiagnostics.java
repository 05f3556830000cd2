package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import java.util.List;

/**
 * The findings that acknowledgements themselves produce; their definitions live in the one catalogue,
 * {@link Diagnostics}.
 */
public final class SuppressionDiagnostics {

    public static final RuleInfo SUPPRESSION_WITHOUT_REASON = Diagnostics.SUPPRESSION_WITHOUT_REASON;

    public static final RuleInfo UNKNOWN_RULE = Diagnostics.UNKNOWN_RULE;

    public static final RuleInfo UNUSED_SUPPRESSION = Diagnostics.UNUSED_SUPPRESSION;

    public static final RuleInfo MISPLACED_SUPPRESSION = Diagnostics.MISPLACED_SUPPRESSION;

    public static final RuleInfo STALE_BASELINE_ENTRY = Diagnostics.STALE_BASELINE_ENTRY;

    /** Every diagnostic of the suppression step, in documentation order. */
    public static final List<RuleInfo> ALL = Diagnostics.ACKNOWLEDGEMENT;

    private SuppressionDiagnostics() {
    }

    /** A finding of {@code info} at {@code location}, with the rule's default severity and hint. */
    static Finding finding(RuleInfo info, Location location, String message, String excerpt) {
        return Finding.of(info.id(), info.defaultSeverity(), location, message, info.hint(), excerpt);
    }
}
