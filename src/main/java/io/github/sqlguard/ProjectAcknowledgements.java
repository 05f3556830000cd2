package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.rules.RuleSettings;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.suppress.InlineAcknowledgements;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts findings made outside the {@link Linter} (the rehearsal's) through what {@code check}'s findings go
 * through: the configured severities, {@code -- sqlguard:allow} comments, pom suppressions and the baseline.
 * Diagnostics about comments, suppressions and baseline entries stay {@code check}'s to report, so only
 * findings of {@code ownRuleIds} come out.
 */
public final class ProjectAcknowledgements {

    private ProjectAcknowledgements() {
    }

    /**
     * @param scripts the split script of each file the findings point into, by relative path
     * @param statementSql the statement text at each finding's location, for baseline fingerprints
     * @throws IllegalArgumentException for configuration errors, as {@link Linter#run} throws them
     */
    public static List<Finding> apply(LintConfig config, Set<String> ownRuleIds, List<Finding> findings,
            Map<String, Script> scripts, Map<Location, String> statementSql) {
        LintSession session = new LintSession(config);
        RuleSettings settings = new RuleSettings(session.knownRuleIds(), config.ruleLevels(), config.disabledRules());
        List<Finding> configured = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<RuleInfo> info = session.ruleInfos().stream().filter(i -> i.id().equals(finding.ruleId())).findFirst();
            Optional<Severity> severity = info.isPresent() ? settings.severityOf(info.get()) : Optional.of(finding.severity());
            severity.ifPresent(s -> configured.add(finding.withSeverity(s)));
        }
        List<Finding> inline = new ArrayList<>();
        for (Map.Entry<String, Script> file : scripts.entrySet()) {
            List<Finding> ofFile = configured.stream().filter(f -> f.location().path().equals(file.getKey())).toList();
            if (!ofFile.isEmpty()) {
                inline.addAll(InlineAcknowledgements.apply(file.getKey(), file.getValue(), ofFile, session.knownRuleIds()));
            }
        }
        configured.stream().filter(f -> !scripts.containsKey(f.location().path())).forEach(inline::add);
        FileOutcome outcome = new FileOutcome("", List.of(), 0, false, false, statementSql, Set.of());
        List<Finding> result = new ArrayList<>(session.applyProjectAcknowledgements(inline, List.of(outcome)).stream()
                .filter(f -> ownRuleIds.contains(f.ruleId())).toList());
        Collections.sort(result);
        return result;
    }
}
