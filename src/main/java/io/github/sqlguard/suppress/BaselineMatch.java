package io.github.sqlguard.suppress;

import io.github.sqlguard.Finding;
import io.github.sqlguard.Location;
import java.util.List;

/**
 * The outcome of applying a baseline: the findings, those in the baseline acknowledged, and the entries
 * (or the unmatched part of their count) that no current finding matched.
 *
 * @param findings every finding given, in the same order
 * @param stale entries nothing matched; {@code count} is the number of findings they were still waiting for
 */
public record BaselineMatch(List<Finding> findings, List<BaselineEntry> stale) {

    public BaselineMatch {
        findings = List.copyOf(findings);
        stale = List.copyOf(stale);
    }

    /**
     * The stale entries as {@code stale-baseline-entry} INFO findings located in the baseline file.
     *
     * @param baselinePath the baseline file as reports should show it, e.g. {@code sqlguard-baseline.json}
     */
    public List<Finding> staleFindings(String baselinePath) {
        return stale.stream()
                .map(entry -> SuppressionDiagnostics.finding(SuppressionDiagnostics.STALE_BASELINE_ENTRY,
                        new Location(baselinePath, 1, 1),
                        "Baseline entry for " + entry.rule() + " in " + entry.file() + " (" + entry.fingerprint()
                                + (entry.count() > 1 ? ", " + entry.count() + " statements" : "")
                                + ") matches no current finding",
                        entry.statement()))
                .toList();
    }
}
