package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.rules.RuleSettings;
import io.github.sqlguard.suppress.Baseline;
import io.github.sqlguard.suppress.BaselineMatch;
import io.github.sqlguard.suppress.PomSuppression;
import io.github.sqlguard.suppress.PomSuppressions;
import io.github.sqlguard.suppress.SuppressionDiagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the project's configuration does to findings once they are made: the severity it gives the diagnostics
 * made outside the rules, its pom suppressions, and its baseline, whose stale entries become findings.
 */
final class ConfiguredFindings {

    private final LintConfig config;
    private final RuleSettings settings;
    private final List<RuleInfo> ruleInfos;
    private final PomSuppressions pomSuppressions;
    private final Optional<Baseline> baseline;

    /** @throws IllegalArgumentException for suppressions of unknown rules or an unreadable baseline */
    ConfiguredFindings(LintConfig config, RuleSettings settings, List<RuleInfo> ruleInfos, Set<String> knownRuleIds) {
        this.config = config;
        this.settings = settings;
        this.ruleInfos = ruleInfos;
        List<PomSuppression> entries = new ArrayList<>();
        for (SuppressionConfig suppression : config.suppressions()) {
            entries.add(new PomSuppression(suppression.rule(), suppression.files(), suppression.reason(),
                    suppression.declaredAt()));
        }
        this.pomSuppressions = new PomSuppressions(entries, knownRuleIds, config.baseDir(), config.directories());
        this.baseline = readBaseline(config.baselineFile());
    }

    /** Pom-level suppressions, then the baseline; stale baseline entries become INFO findings. */
    List<Finding> acknowledged(List<Finding> findings, List<FileOutcome> outcomes) {
        List<Finding> result = withConfiguredDiagnostics(pomSuppressions.apply(findings));
        if (baseline.isPresent()) {
            BaselineMatch match = baseline.get().apply(result, statementTextOf(outcomes));
            result = new ArrayList<>(match.findings());
            Set<String> notChecked = new HashSet<>();
            outcomes.stream().filter(FileOutcome::alreadyApplied).forEach(outcome -> notChecked.add(outcome.path()));
            // An entry of a script sinceVersion left out was not compared with anything: it is not stale.
            result.addAll(withConfiguredSeverity(match.staleFindings(config.relativeToBase(config.baselineFile()),
                    file -> !notChecked.contains(file))));
        }
        return result;
    }

    /**
     * The findings about acknowledgements at their configured severity (dropped when switched off); the
     * findings of rules pass unchanged, since their severity was settled where they were found.
     */
    List<Finding> withConfiguredDiagnostics(List<Finding> findings) {
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            RuleInfo diagnostic = withId(SuppressionDiagnostics.ALL, finding.ruleId());
            if (diagnostic == null) {
                result.add(finding);
            } else {
                settings.severityOf(diagnostic).ifPresent(severity -> result.add(finding.withSeverity(severity)));
            }
        }
        return result;
    }

    /** The rule of {@code infos} with this id, or null; a loop, since it runs for every finding of every run. */
    private static RuleInfo withId(List<RuleInfo> infos, String id) {
        for (RuleInfo info : infos) {
            if (info.id().equals(id)) {
                return info;
            }
        }
        return null;
    }

    /** The text of the statement each finding points at, which is what baseline fingerprints are made of. */
    private static Function<Finding, String> statementTextOf(List<FileOutcome> outcomes) {
        Map<Location, String> statementSql = new HashMap<>();
        outcomes.forEach(outcome -> statementSql.putAll(outcome.statementSql()));
        return finding -> statementSql.get(finding.location());
    }

    private static Optional<Baseline> readBaseline(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Baseline.read(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the baseline " + file + ": " + e.getMessage());
        }
    }

    /**
     * Diagnostics made by other packages carry their rule's default severity, or a milder one where the file is
     * still read as Liquibase reads it (a rollback written where Liquibase ignores it); the user's configuration of
     * the rule still applies.
     */
    List<Finding> withConfiguredSeverity(List<Finding> diagnostics) {
        List<Finding> result = new ArrayList<>();
        for (Finding finding : diagnostics) {
            RuleInfo info = withId(ruleInfos, finding.ruleId());
            Optional<Severity> severity = info != null ? settings.severityOf(info, finding.severity())
                    : Optional.of(finding.severity());
            severity.ifPresent(s -> result.add(finding.withSeverity(s)));
        }
        return result;
    }
}
