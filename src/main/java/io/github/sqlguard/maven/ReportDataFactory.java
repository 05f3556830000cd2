package io.github.sqlguard.maven;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.report.ReportData;
import io.github.sqlguard.report.RuleDescription;
import java.util.List;
import java.util.Optional;

/**
 * Turns a lint result into what the report writers need, including the lines findings point at, which the
 * analysis kept from the files it read (reports never read a migration again).
 */
final class ReportDataFactory {

    private ReportDataFactory() {
    }

    static ReportData of(LintResult result, LintConfig config, Severity failOn, String version) {
        List<RuleDescription> rules = result.rules().stream()
                .map(i -> new RuleDescription(i.id(), i.defaultSeverity(), i.title(), i.rationale(), i.hint()))
                .toList();
        return new ReportData(result.findings(), rules, result.scannedFiles(), result.statements(),
                result.elapsed(), version, failOn,
                location -> Optional.ofNullable(result.sourceLines().get(location)), result.notes());
    }
}
