package io.github.sqlguard.suppress;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.RehearsalDiagnostics;
import io.github.sqlguard.model.RuleIdSuggestions;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.source.GlobAnchors;
import io.github.sqlguard.source.GlobPattern;
import java.nio.file.Path;
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

    private static final String UNUSED_HINT = "Remove this <suppression>, or correct its <rule> or <files>: "
            + "<files> is matched against the path from the project, from each scanned folder and from the "
            + "Flyway location, e.g. src/main/resources/db/migration/legacy/*.sql, db/migration/legacy/*.sql "
            + "or legacy/*.sql.";

    private final List<PomSuppression> entries;
    private final List<GlobPattern> globs = new ArrayList<>();
    private final Path base;
    private final GlobAnchors anchors;

    /**
     * Suppressions whose globs are matched against the finding's path as it is (relative to the project).
     *
     * @throws IllegalArgumentException naming the entry and the valid ids when an entry names an unknown
     *     rule
     */
    public PomSuppressions(List<PomSuppression> entries, Set<String> knownRuleIds) {
        this(entries, knownRuleIds, Path.of("").toAbsolutePath(), List.of());
    }

    /**
     * @param base the project directory, which finding paths are relative to
     * @param directories the scanned directories, which globs may be written from too
     * @throws IllegalArgumentException naming the entry and the valid ids when an entry names an unknown
     *     rule
     */
    public PomSuppressions(List<PomSuppression> entries, Set<String> knownRuleIds, Path base, List<Path> directories) {
        this.entries = List.copyOf(entries);
        this.base = base.toAbsolutePath().normalize();
        this.anchors = GlobAnchors.of(directories, this.base);
        for (PomSuppression entry : this.entries) {
            for (String id : entry.ruleIds()) {
                if (!knownRuleIds.contains(id)) {
                    throw new IllegalArgumentException("The <suppression> of " + entry.describe()
                            + " names the unknown rule `" + id + "`; "
                            + RuleIdSuggestions.forUnknown(id, knownRuleIds));
                }
            }
            globs.add(entry.files() == null ? null : GlobPattern.compile(entry.files()));
        }
    }

    public List<PomSuppression> entries() {
        return entries;
    }

    /**
     * {@code findings} with every unacknowledged match acknowledged by the first matching entry, followed by
     * an {@code unused-suppression} warning at the {@code <suppression>} element of each entry that matched
     * nothing.
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
            if (!used[i] && !RehearsalDiagnostics.IDS.contains(entries.get(i).rule())) {
                PomSuppression entry = entries.get(i);
                RuleInfo info = SuppressionDiagnostics.UNUSED_SUPPRESSION;
                result.add(Finding.of(info.id(), info.defaultSeverity(), entry.declaredAt(),
                        "The pom <suppression> of " + entry.describe() + " matched no finding",
                        UNUSED_HINT, ""));
            }
        }
        return result;
    }

    private boolean matches(int index, Finding finding) {
        GlobPattern glob = globs.get(index);
        if (!entries.get(index).ruleIds().contains(finding.ruleId())) {
            return false;
        }
        if (glob == null || glob.matches(finding.location().path())) {
            return true;
        }
        Path file = base.resolve(finding.location().path());
        return anchors.matches(glob, file);
    }
}
