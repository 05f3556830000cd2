package io.github.sqlguard.report;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Why a run that found serious problems still passes the build. A green build with errors in its log looks
 * like a bug in the tool or a switched-off safety net; one line saying which setting or which
 * acknowledgements let it pass tells the reader it was a decision.
 */
public final class PassReason {

    private PassReason() {
    }

    /**
     * The explanation for a passing run that has findings at or above the threshold ({@code ERROR} when
     * {@code failOn} is {@code NONE}); empty when the run fails or nothing serious was found.
     */
    public static Optional<String> of(ReportData data) {
        if (!data.failingFindings().isEmpty()) {
            return Optional.empty();
        }
        Severity threshold = data.failOn() == null ? Severity.ERROR : data.failOn();
        // A loop: this runs after every check, in a JVM that has not warmed up.
        int open = 0;
        List<Finding> acknowledged = new ArrayList<>();
        for (Finding finding : data.findings()) {
            if (finding.severity().isAtLeast(threshold)) {
                if (finding.isAcknowledged()) {
                    acknowledged.add(finding);
                } else {
                    open++;
                }
            }
        }
        String level = threshold == Severity.ERROR ? "at ERROR" : "at or above " + threshold;
        if (open > 0) {
            // Open findings at the threshold can pass only when failOn is NONE.
            return Optional.of("sqlguard: the build passes although " + ConsoleReport.plural((int) open, "finding")
                    + " " + level + (open == 1 ? " is" : " are") + " open, because failOn=NONE only reports them"
                    + (acknowledged.isEmpty() ? "" : "; " + acknowledgedPart(acknowledged)));
        }
        if (!acknowledged.isEmpty()) {
            return Optional.of("sqlguard: the build passes because " + (acknowledged.size() == 1 ? "the only" : "all")
                    + " " + ConsoleReport.plural(acknowledged.size(), "finding") + " " + level + " "
                    + (acknowledged.size() == 1 ? "is" : "are") + " acknowledged (" + bySource(acknowledged) + ")");
        }
        return Optional.empty();
    }

    private static String acknowledgedPart(List<Finding> acknowledged) {
        return acknowledged.size() + " more " + (acknowledged.size() == 1 ? "is" : "are") + " acknowledged ("
                + bySource(acknowledged) + ")";
    }

    private static String bySource(List<Finding> acknowledged) {
        Map<Acknowledgement.Source, Integer> counts = new EnumMap<>(Acknowledgement.Source.class);
        acknowledged.forEach(f -> counts.merge(f.acknowledgement().source(), 1, Integer::sum));
        StringJoiner parts = new StringJoiner(", ");
        counts.forEach((source, count) -> parts.add(count + " " + switch (source) {
            case INLINE_COMMENT -> "by sqlguard:allow comments";
            case POM_SUPPRESSION -> "by pom suppressions";
            case BASELINE -> "by the baseline";
        }));
        return parts.toString();
    }
}
