package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The build log's view of a run: each open finding compiler-style ({@code path:line:column: [rule] message})
 * with its line of SQL, a caret under the start and the hint; acknowledged findings and notes as
 * information; then a one-line summary.
 */
public final class ConsoleReport {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private static final String INDENT = "    ";

    /** The lines to log, in order, every finding included. */
    public List<ConsoleLine> lines(ReportData data) {
        return lines(data, Integer.MAX_VALUE);
    }

    /**
     * The lines to log, in order, with at most {@code maxPerRule} open and as many acknowledged findings of each
     * rule; a line per rule counts the rest. A build log with thousands of findings helps nobody and costs
     * seconds; the report files keep every finding. The open findings shown are a rule's most severe: an error
     * that fails the build is never left out for the guarded ones at INFO that came before it.
     */
    public List<ConsoleLine> lines(ReportData data, int maxPerRule) {
        // Counters and loops rather than merge functions and lambdas: this runs on every build, in a JVM that
        // has not warmed up, where every lambda is a class generated at its first use.
        List<ConsoleLine> lines = new ArrayList<>();
        Map<String, int[]> shown = shownPerSeverity(data.findings(), maxPerRule);
        Map<String, int[]> omitted = new TreeMap<>();
        Map<String, Severity> omittedLevel = new HashMap<>();
        Map<String, int[]> shownAcknowledged = new HashMap<>();
        Set<String> hintsShown = new HashSet<>();
        int omittedAcknowledged = 0;
        for (Finding finding : data.findings()) {
            if (finding.isAcknowledged()) {
                continue;
            }
            if (counter(shown, finding.ruleId())[finding.severity().ordinal()]-- > 0) {
                addOpenFinding(data, finding, lines, hintsShown);
            } else {
                counter(omitted, finding.ruleId())[0]++;
                Severity level = omittedLevel.get(finding.ruleId());
                if (level == null || finding.severity().isAtLeast(level)) {
                    omittedLevel.put(finding.ruleId(), finding.severity());
                }
            }
        }
        for (Map.Entry<String, int[]> rule : omitted.entrySet()) {
            int count = rule.getValue()[0];
            lines.add(at(omittedLevel.get(rule.getKey()), "sqlguard: " + count + " more " + rule.getKey() + " finding"
                    + (count == 1 ? " is" : "s are") + " not shown here; the report files list every finding"
                    + " (maxConsoleFindingsPerRule=" + maxPerRule + ")"));
        }
        for (Finding finding : data.findings()) {
            if (finding.isAcknowledged()) {
                if (++counter(shownAcknowledged, finding.ruleId())[0] <= maxPerRule) {
                    lines.add(ConsoleLine.info(headline(finding)
                            + " (acknowledged: " + singleLine(finding.acknowledgement().reason()) + ")"));
                } else {
                    omittedAcknowledged++;
                }
            }
        }
        if (omittedAcknowledged > 0) {
            lines.add(ConsoleLine.info("sqlguard: " + plural(omittedAcknowledged, "more acknowledged finding")
                    + " not shown here; the report files list them"));
        }
        // Notes say that something the user configured was not checked: worth a warning, never a failure.
        for (String note : data.notes()) {
            lines.add(new ConsoleLine(ConsoleLine.Level.WARNING, "sqlguard: " + singleLine(note)));
        }
        lines.add(summary(data));
        return lines;
    }

    /**
     * For each rule, how many of its open findings of each severity (by ordinal) the log shows: the most severe
     * first, up to {@code maxPerRule} in all.
     */
    private static Map<String, int[]> shownPerSeverity(List<Finding> findings, int maxPerRule) {
        Map<String, int[]> open = new HashMap<>();
        for (Finding finding : findings) {
            if (!finding.isAcknowledged()) {
                counter(open, finding.ruleId())[finding.severity().ordinal()]++;
            }
        }
        for (int[] perSeverity : open.values()) {
            int left = maxPerRule;
            for (int severity = 0; severity < perSeverity.length; severity++) {
                perSeverity[severity] = Math.min(left, perSeverity[severity]);
                left -= perSeverity[severity];
            }
        }
        return open;
    }

    private static int[] counter(Map<String, int[]> counters, String ruleId) {
        int[] counter = counters.get(ruleId);
        if (counter == null) {
            counter = new int[Severity.values().length];
            counters.put(ruleId, counter);
        }
        return counter;
    }

    /** The summary line alone, e.g. {@code sqlguard: 2 errors, 1 warning, 0 info, 2 acknowledged in 14 files ...}. */
    public ConsoleLine summary(ReportData data) {
        FindingCounts counts = data.counts();
        String text = "sqlguard: " + plural(counts.errors(), "error") + ", " + plural(counts.warnings(), "warning")
                + ", " + counts.infos() + " info, " + counts.acknowledged() + " acknowledged in "
                + plural(data.scannedFiles().size(), "file") + " (" + plural(data.statements(), "statement") + ") in "
                + seconds(data.elapsed().toMillis()) + " s";
        if (!data.failingFindings().isEmpty()) {
            return ConsoleLine.error(text);
        }
        // INFO findings are information: only errors and warnings make the summary a warning.
        return counts.errors() + counts.warnings() > 0 ? ConsoleLine.warning(text) : ConsoleLine.info(text);
    }

    /**
     * A finding's headline, its line of SQL with a caret, and its hint unless an earlier finding printed the same:
     * twenty findings of one rule need its advice once, and the report files keep it on every finding.
     */
    private static void addOpenFinding(ReportData data, Finding finding, List<ConsoleLine> lines,
            Set<String> hintsShown) {
        Severity level = finding.severity();
        lines.add(at(level, headline(finding)));
        Optional<String> sourceLine = data.sourceLine().apply(finding.location());
        if (sourceLine.isPresent()) {
            ClippedSourceLine shown = ClippedSourceLine.of(withoutControlCharacters(withoutLineBreak(sourceLine.get())),
                    finding.location().column());
            lines.add(at(level, INDENT + shown.text()));
            lines.add(at(level, INDENT + shown.caret()));
        } else if (!finding.excerpt().isBlank()) {
            // The excerpt starts at the finding's column, so the caret goes under its first character.
            lines.add(at(level, INDENT + withoutControlCharacters(singleLine(finding.excerpt()))));
            lines.add(at(level, INDENT + "^"));
        }
        if (!finding.hint().isBlank() && hintsShown.add(finding.hint())) {
            lines.add(at(level, INDENT + "hint: " + singleLine(finding.hint())));
        }
    }

    private static String headline(Finding finding) {
        return finding.location() + ": [" + finding.ruleId() + "] " + singleLine(finding.message());
    }

    private static ConsoleLine at(Severity severity, String text) {
        return switch (severity) {
            case ERROR -> ConsoleLine.error(text);
            case WARNING -> ConsoleLine.warning(text);
            case INFO -> ConsoleLine.info(text);
        };
    }

    private static String withoutLineBreak(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    /**
     * Log lines must stay lines: a line break would tear the compiler-style format apart, and other control
     * characters (an ESC from a hostile file) would drive the terminal, so those are shown as {@code \\uXXXX}.
     */
    static String singleLine(String text) {
        if (text == null) {
            return "";
        }
        if (hasNoControlCharacter(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        LINE_BREAK.matcher(text).replaceAll(" ").chars().forEach(c -> {
            if (isControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    /** A line of SQL with control characters other than tab replaced one for one, so the caret stays aligned. */
    private static String withoutControlCharacters(String line) {
        if (hasNoControlCharacter(line)) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        line.chars().forEach(c -> out.append(isControl(c) ? '?' : (char) c));
        return out.toString();
    }

    /** True for the usual text: nothing to replace, so it is shown as it is. Line breaks are control characters. */
    private static boolean hasNoControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(int c) {
        return c != '\t' && (c < 0x20 || c >= 0x7F && c < 0xA0);
    }

    /** Milliseconds as seconds with two decimals, rounded half up: {@code 1234} is {@code 1.23}. */
    static String seconds(long millis) {
        long hundredths = (millis + 5) / 10;
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
