package io.github.sqlguard.maven;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.report.ReportData;
import io.github.sqlguard.report.RuleDescription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns a lint result into what the report writers need, including the lines findings point at, which the
 * analysis kept from the files it read (reports never read a migration again).
 */
final class ReportDataFactory {

    private ReportDataFactory() {
    }

    /**
     * @param reactorRoot the directory report paths are relative to (the top of the multi-module build); the
     *     lint result's paths are relative to the project, {@code config.baseDir()}
     */
    static ReportData of(LintResult result, LintConfig config, Severity failOn, String version, Path reactorRoot) {
        List<RuleDescription> rules = new ArrayList<>(result.rules().size());
        for (RuleInfo info : result.rules()) {
            rules.add(new RuleDescription(info.id(), info.defaultSeverity(), info.title(), info.rationale(),
                    info.hint()));
        }
        UnaryOperator<String> rebased = ReactorRoot.rebasing(config.baseDir(), reactorRoot);
        MessagePaths messagePaths = new MessagePaths(new HashSet<>(result.scannedFiles()), rebased);
        List<Finding> findings = new ArrayList<>(result.findings().size());
        Map<Location, String> linesAtFindings = new HashMap<>();
        for (Finding finding : result.findings()) {
            Finding moved = rebased(finding, rebased, messagePaths);
            findings.add(moved);
            String line = result.sourceLines().get(finding.location());
            if (line != null) {
                linesAtFindings.put(moved.location(), line);
            }
        }
        List<String> scannedFiles = new ArrayList<>(result.scannedFiles().size());
        for (String path : result.scannedFiles()) {
            scannedFiles.add(rebased.apply(path));
        }
        return new ReportData(findings, rules, scannedFiles, result.statements(), result.elapsed(), version, failOn,
                location -> Optional.ofNullable(linesAtFindings.get(location)), result.notes(),
                result.parsedStatements());
    }

    private static Finding rebased(Finding finding, UnaryOperator<String> rebased, MessagePaths messagePaths) {
        Location location = finding.location();
        Finding moved = finding.at(new Location(rebased.apply(location.path()), location.line(), location.column()));
        String message = messagePaths.rebasedIn(finding.message());
        if (message != null && !message.equals(finding.message())) {
            moved = moved.withMessage(message);
        }
        Acknowledgement by = finding.acknowledgement();
        if (by == null || by.where() == null || by.source() != Acknowledgement.Source.POM_SUPPRESSION) {
            return moved;
        }
        return moved.acknowledged(new Acknowledgement(by.source(), by.reason(),
                rebased.apply(by.where())));
    }
}
