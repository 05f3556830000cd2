package io.github.sqlguard.suppress;

import io.github.sqlguard.source.GlobPattern;

import io.github.sqlguard.Acknowledgement;
import io.github.sqlguard.Finding;
import io.github.sqlguard.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code <suppressions>} of the plugin configuration, checked against the known rules and applied to
 * the findings of a whole run. Findings acknowledged before (inline) pass through unchanged and do not
 * count as uses.
 */
public final class PomSuppressions {

    /** Where acknowledgements and unused-entry warnings point. */
    public static final String POM = "pom.xml";

    private final List<PomSuppression> entries;
    private final List<GlobPattern> globs = new ArrayList<>();

    /**
     * @throws IllegalArgumentException naming the entry and the valid ids when an entry names an unknown
     *     rule
     */
    public PomSuppressions(List<PomSuppression> entries, Set<String> knownRuleIds) {
        this.entries = List.copyOf(entries);
        for (PomSuppression entry : this.entries) {
            if (!knownRuleIds.contains(entry.rule())) {
                throw new IllegalArgumentException("The <suppression> of " + entry.describe()
                        + " names the unknown rule `" + entry.rule() + "`; "
                        + RuleIdSuggestions.forUnknown(entry.rule(), knownRuleIds));
            }
            globs.add(entry.files() == null ? null : GlobPattern.compile(entry.files()));
        }
    }

    public List<PomSuppression> entries() {
        return entries;
    }

    /**
     * {@code findings} with every unacknowledged match acknowledged by the first matching entry, followed by
     * an {@code unused-suppression} warning at {@code pom.xml:1:1} for each entry that matched nothing.
     */
    public List<Finding> apply(List<Finding> findings) {
        boolean[] used = new boolean[entries.size()];
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Finding outcome = finding;
            if (!finding.isAcknowledged()) {
                for (int i = 0; i < entries.size(); i++) {
                    if (matches(i, finding)) {
                        used[i] = true;
                        if (!outcome.isAcknowledged()) {
                            outcome = finding.acknowledged(new Acknowledgement(
                                    Acknowledgement.Source.POM_SUPPRESSION, entries.get(i).reason(), POM));
                        }
                    }
                }
            }
            result.add(outcome);
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!used[i] && !RehearsalRuleIds.IDS.contains(entries.get(i).rule())) {
                result.add(SuppressionDiagnostics.finding(SuppressionDiagnostics.UNUSED_SUPPRESSION,
                        new Location(POM, 1, 1),
                        "The pom <suppression> of " + entries.get(i).describe() + " matched no finding",
                        ""));
            }
        }
        return result;
    }

    private boolean matches(int index, Finding finding) {
        GlobPattern glob = globs.get(index);
        return entries.get(index).rule().equals(finding.ruleId())
                && (glob == null || glob.matches(finding.location().path()));
    }
}
