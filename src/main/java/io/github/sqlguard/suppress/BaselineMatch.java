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
 * @param movedTo for each stale entry, where an open finding now stands on the very statement it accepted in
 *     another file (a moved or renamed script), or an empty string
 */
public record BaselineMatch(List<Finding> findings, List<BaselineEntry> stale, List<Integer> staleLines,
        List<String> movedTo) {

    public BaselineMatch {
        findings = List.copyOf(findings);
        stale = List.copyOf(stale);
        staleLines = List.copyOf(staleLines);
        movedTo = List.copyOf(movedTo);
    }

    /** The outcome with each stale entry's line in the baseline file (1 when unknown) and where it moved. */
    BaselineMatch(List<Finding> findings, Map<BaselineEntry, Integer> staleWithLines,
            Map<BaselineEntry, String> moves) {
        this(findings, new ArrayList<>(staleWithLines.keySet()), new ArrayList<>(staleWithLines.values()),
                staleWithLines.keySet().stream().map(entry -> moves.getOrDefault(entry, "")).toList());
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
                            + ") matches no current finding" + movedNote(movedTo.get(i)),
                    entry.statement()));
        }
        return findings;
    }

    private static String movedNote(String movedTo) {
        return movedTo.isEmpty() ? "" : "; the same statement now stands at " + movedTo + ", where the baseline"
                + " does not cover it (it records the file): if the script only moved, run the baseline goal again";
    }
}
