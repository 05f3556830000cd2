package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything one run hands to the report writers: the findings and what was scanned to find them.
 *
 * @param findings every finding, acknowledged ones included; kept sorted by location
 * @param rules the documentation of every rule that may appear in {@code findings}
 * @param scannedFiles paths of the scanned files, relative to the project base directory
 * @param statements how many statements were analysed
 * @param elapsed how long the analysis took
 * @param toolVersion the plugin's version
 * @param failOn the least severity that fails the build; {@code null} when nothing fails it
 * @param sourceLine the text of the line {@link Location#line()} of file {@link Location#path()}, for the
 *     console caret; empty when it cannot be had
 * @param notes run-level remarks shown as console information and in the JSON report, e.g. stale
 *     baseline entries or skipped files
 * @param parsedStatements how many statements JSqlParser was asked about (the tokens settled the others)
 */
public record ReportData(
        List<Finding> findings,
        List<RuleDescription> rules,
        List<String> scannedFiles,
        int statements,
        Duration elapsed,
        String toolVersion,
        Severity failOn,
        Function<Location, Optional<String>> sourceLine,
        List<String> notes,
        int parsedStatements) {

    /** The tool's name as every report spells it. */
    public static final String TOOL_NAME = "sqlguard";

    public ReportData {
        findings = inOrder(Objects.requireNonNull(findings, "findings"));
        rules = rules == null ? List.of() : List.copyOf(rules);
        scannedFiles = scannedFiles == null ? List.of() : List.copyOf(scannedFiles);
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        toolVersion = toolVersion == null ? "unknown" : toolVersion;
        sourceLine = sourceLine == null ? location -> Optional.empty() : sourceLine;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The findings sorted; most arrive sorted already, and are then only checked and copied. */
    private static List<Finding> inOrder(List<Finding> findings) {
        for (int i = 1; i < findings.size(); i++) {
            if (findings.get(i - 1).compareTo(findings.get(i)) > 0) {
                List<Finding> sorted = new ArrayList<>(findings);
                Collections.sort(sorted);
                return List.copyOf(sorted);
            }
        }
        return List.copyOf(findings);
    }

    /** Report data without a count of parsed statements. */
    public ReportData(List<Finding> findings, List<RuleDescription> rules, List<String> scannedFiles, int statements,
            Duration elapsed, String toolVersion, Severity failOn, Function<Location, Optional<String>> sourceLine,
            List<String> notes) {
        this(findings, rules, scannedFiles, statements, elapsed, toolVersion, failOn, sourceLine, notes, 0);
    }

    /** True when {@code finding} fails the build: not acknowledged and at least as severe as {@link #failOn}. */
    public boolean fails(Finding finding) {
        return failOn != null && !finding.isAcknowledged() && finding.severity().isAtLeast(failOn);
    }

    /** The findings that fail the build, in location order. */
    public List<Finding> failingFindings() {
        List<Finding> failing = new ArrayList<>();
        for (Finding finding : findings) {
            if (fails(finding)) {
                failing.add(finding);
            }
        }
        return Collections.unmodifiableList(failing);
    }

    /** The findings counted by severity. */
    public FindingCounts counts() {
        return FindingCounts.of(findings);
    }

    /** The rule with this id, if its description was given. */
    public Optional<RuleDescription> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /**
     * The files the per-file reports list: the scanned files plus any file that has a finding without being
     * listed as scanned (so no finding is dropped), sorted.
     */
    public List<String> reportedFiles() {
        TreeSet<String> files = new TreeSet<>(scannedFiles);
        findings.forEach(finding -> files.add(finding.location().path()));
        return new ArrayList<>(files);
    }

    /** The findings grouped by file path. */
    public Map<String, List<Finding>> findingsByFile() {
        return findings.stream().collect(Collectors.groupingBy(finding -> finding.location().path()));
    }

    /** The elapsed time in seconds with millisecond precision, as the JSON and JUnit reports write it. */
    public String elapsedSeconds() {
        return String.format(Locale.ROOT, "%.3f", elapsed.toMillis() / 1000.0);
    }
}
