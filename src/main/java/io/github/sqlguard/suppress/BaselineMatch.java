package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of applying a baseline: the findings, those in the baseline acknowledged, and the entries
 * (or the unmatched part of their count) that no current finding matched.
 *
 * @param findings every finding given, in the same order
 * @param stale entries nothing matched; {@code count} is the number of findings they were still waiting for
 * @param staleLines the line of each stale entry in the baseline file it was read from (1 when unknown)
 */
public record BaselineMatch(List<Finding> findings, List<BaselineEntry> stale, List<Integer> staleLines) {

    public BaselineMatch {
        findings = List.copyOf(findings);
        stale = List.copyOf(stale);
        staleLines = List.copyOf(staleLines);
    }

    /** The outcome with each stale entry's line in the baseline file (1 when unknown). */
    BaselineMatch(List<Finding> findings, Map<BaselineEntry, Integer> staleWithLines) {
        this(findings, new ArrayList<>(staleWithLines.keySet()), new ArrayList<>(staleWithLines.values()));
    }

    /**
     * The stale entries as {@code stale-baseline-entry} INFO findings located at their line of the baseline
     * file.
     *
     * @param baselinePath the baseline file as reports should show it, e.g. {@code sqlguard-baseline.json}
     */
    public List<Finding> staleFindings(String baselinePath) {
        return staleFindings(baselinePath, file -> true);
    }

    /**
     * The stale entries of files that were {@code checked}: an entry of a file the run left out (a script
     * at or below {@code sinceVersion}) was compared with nothing, so it is not stale.
     */
    public List<Finding> staleFindings(String baselinePath, java.util.function.Predicate<String> checked) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < stale.size(); i++) {
            BaselineEntry entry = stale.get(i);
            if (!checked.test(entry.file())) {
                continue;
            }
            findings.add(SuppressionDiagnostics.finding(SuppressionDiagnostics.STALE_BASELINE_ENTRY,
                    new Location(baselinePath, staleLines.get(i), 1),
                    "Baseline entry for " + entry.rule() + " in " + entry.file() + " (" + entry.fingerprint()
                            + (entry.count() > 1 ? ", " + entry.count() + " statements" : "")
                            + ") matches no current finding",
                    entry.statement()));
        }
        return findings;
    }
}
