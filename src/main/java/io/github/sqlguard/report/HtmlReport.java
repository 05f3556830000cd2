package io.github.sqlguard.report;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A page a person opens from a CI artifact or the project site ({@code sqlguard.html}): the verdict and
 * summary, the open findings grouped by file with their line of SQL, the acknowledged findings with their
 * reasons, and the documentation of the rules involved. The page is XHTML with its style inline and no
 * script, so it renders the same from a zip, a file share or a site; everything taken from scripts is
 * escaped.
 */
public final class HtmlReport implements TextDocumentReport {

    /** How much of the page is built up before it is written out. */
    private static final int SPILL_CHARS = 64 * 1024;

    private static final Pattern TRAILING_LINE_BREAKS = Pattern.compile("[\\r\\n]+$");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;\
            padding:0 1em;color:#1f2328;line-height:1.45}
            h1{margin-bottom:.2em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.8em}
            h3{font-family:ui-monospace,monospace;font-size:1em;background:#f6f8fa;padding:.4em .6em;margin-bottom:0}
            .verdict{font-size:1.15em;font-weight:600;padding:.5em .8em;border-radius:6px}
            .fails{background:#ffebe9;color:#82071e}.passes{background:#dafbe1;color:#116329}
            table{border-collapse:collapse;width:100%;margin:.6em 0}
            th,td{text-align:left;vertical-align:top;padding:.35em .6em;border-bottom:1px solid #d0d7de;\
            overflow-wrap:anywhere}
            a code,.sev{white-space:nowrap}
            table.summary{width:auto}table.summary th{font-weight:normal;color:#59636e}
            .finding{border:1px solid #d0d7de;border-top:none;padding:.5em .8em}
            .sev{font-size:.8em;font-weight:700;padding:.1em .45em;border-radius:4px;color:#fff}
            .ERROR{background:#cf222e}.WARNING{background:#9a6700}.INFO{background:#0969da}
            pre{background:#f6f8fa;padding:.5em .8em;overflow-x:auto;margin:.4em 0}
            .caret{color:#cf222e;font-weight:700}.hint,.muted{color:#59636e}
            code{font-family:ui-monospace,monospace}dt{font-weight:600;margin-top:.8em}dd{margin-left:1.2em}
            """;


    /**
     * Writes the page to {@code out}, a part at a time: the findings of a large project make a page of many
     * megabytes, which is never held whole in memory.
     */
    @Override
    public void document(ReportData data, Writer out) throws IOException {
        StringBuilder html = new StringBuilder(SPILL_CHARS + 8192);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>sqlguard report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>sqlguard report</h1>\n");
        appendSummary(html, data);
        appendOpenFindings(html, data, out);
        appendAcknowledged(html, data, out);
        appendNotes(html, data);
        appendRules(html, data);
        html.append("<p class=\"muted\">Written by ").append(Xml.text(ReportData.TOOL_NAME)).append(' ')
                .append(Xml.text(data.toolVersion())).append(".</p>\n</body>\n</html>\n");
        out.append(html);
    }

    /** Moves what {@code html} holds to {@code out} once it has grown past {@link #SPILL_CHARS}. */
    private static void spill(StringBuilder html, Writer out) throws IOException {
        if (html.length() >= SPILL_CHARS) {
            out.append(html);
            html.setLength(0);
        }
    }

    private static void appendSummary(StringBuilder html, ReportData data) {
        int failing = data.failingFindings().size();
        String verdict = failing > 0
                ? "The build fails: " + ConsoleReport.plural(failing, "finding") + " at or above " + data.failOn()
                : PassReason.of(data).map(reason -> reason.replaceFirst("^sqlguard: t", "T")).orElse("The build passes.");
        html.append("<p class=\"verdict ").append(failing > 0 ? "fails" : "passes").append("\">")
                .append(Xml.text(verdict)).append("</p>\n");
        FindingCounts counts = data.counts();
        html.append("<table class=\"summary\">\n");
        row(html, "Errors", String.valueOf(counts.errors()));
        row(html, "Warnings", String.valueOf(counts.warnings()));
        row(html, "Infos", String.valueOf(counts.infos()));
        row(html, "Acknowledged", String.valueOf(counts.acknowledged()));
        row(html, "Files scanned", String.valueOf(data.scannedFiles().size()));
        row(html, "Statements analysed", String.valueOf(data.statements()));
        row(html, "Time", data.elapsedSeconds() + " s");
        row(html, "failOn", data.failOn() == null ? "NONE (report only)" : data.failOn().name());
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(Xml.text(name)).append("</th><td>").append(Xml.text(value))
                .append("</td></tr>\n");
    }

    private static void appendOpenFindings(StringBuilder html, ReportData data, Writer out) throws IOException {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        data.findings().stream().filter(finding -> !finding.isAcknowledged())
                .forEach(finding -> byFile.computeIfAbsent(finding.location().path(), path -> new ArrayList<>())
                        .add(finding));
        html.append("<h2>Findings</h2>\n");
        if (byFile.isEmpty()) {
            html.append("<p>No open findings.</p>\n");
            return;
        }
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            html.append("<h3>").append(Xml.text(file.getKey())).append(" <span class=\"muted\">(")
                    .append(Xml.text(ConsoleReport.plural(file.getValue().size(), "finding"))).append(")</span></h3>\n");
            for (Finding finding : file.getValue()) {
                appendFinding(html, data, finding);
                spill(html, out);
            }
        }
    }

    private static void appendFinding(StringBuilder html, ReportData data, Finding finding) {
        html.append("<div class=\"finding\"><p>").append(severityBadge(finding.severity())).append(' ')
                .append("<code>").append(finding.location().line()).append(':').append(finding.location().column())
                .append("</code> ").append(ruleLink(finding.ruleId())).append(' ')
                .append(Xml.text(finding.message()));
        if (data.fails(finding)) {
            html.append(" <strong>(fails the build)</strong>");
        }
        html.append("</p>\n");
        appendSourceLine(html, data, finding);
        if (!finding.hint().isBlank()) {
            html.append("<p class=\"hint\">Hint: ").append(Xml.text(finding.hint())).append("</p>\n");
        }
        html.append("</div>\n");
    }

    /**
     * The finding's line of SQL with a caret under its column, as the console shows it; the statement's first
     * line when the source line cannot be had.
     */
    private static void appendSourceLine(StringBuilder html, ReportData data, Finding finding) {
        Optional<String> line = data.sourceLine().apply(finding.location()).map(HtmlReport::visible);
        String number = String.valueOf(finding.location().line());
        if (line.isPresent()) {
            ClippedSourceLine shown = ClippedSourceLine.of(line.get(), finding.location().column());
            html.append("<pre>").append(number).append(" | ").append(Xml.text(shown.text())).append('\n')
                    .append(" ".repeat(number.length())).append(" | <span class=\"caret\">")
                    .append(shown.caret())
                    .append("</span></pre>\n");
        } else if (!finding.excerpt().isBlank()) {
            html.append("<pre>").append(number).append(" | ").append(Xml.text(visible(finding.excerpt())))
                    .append("</pre>\n");
        }
    }

    private static void appendAcknowledged(StringBuilder html, ReportData data, Writer out) throws IOException {
        List<Finding> acknowledged = data.findings().stream().filter(Finding::isAcknowledged).toList();
        html.append("<h2>Acknowledged findings</h2>\n");
        if (acknowledged.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        html.append("<p class=\"muted\">These do not fail the build; each carries the reason somebody recorded.</p>\n")
                .append("<table>\n<tr><th>Where</th><th>Rule</th><th>Finding</th><th>Acknowledged by</th>")
                .append("<th>Reason</th></tr>\n");
        for (Finding finding : acknowledged) {
            Acknowledgement by = finding.acknowledgement();
            html.append("<tr><td><code>").append(Xml.text(finding.location().toString())).append("</code></td><td>")
                    .append(ruleLink(finding.ruleId())).append("</td><td>").append(severityBadge(finding.severity()))
                    .append(' ').append(Xml.text(finding.message())).append("</td><td>")
                    .append(Xml.text(sourceName(by.source())));
            if (by.where() != null && !by.where().isBlank()) {
                html.append("<br/><code>").append(Xml.text(by.where())).append("</code>");
            }
            html.append("</td><td>").append(Xml.text(by.reason())).append("</td></tr>\n");
            spill(html, out);
        }
        html.append("</table>\n");
    }

    private static void appendNotes(StringBuilder html, ReportData data) {
        if (data.notes().isEmpty()) {
            return;
        }
        html.append("<h2>Notes</h2>\n<ul>\n");
        data.notes().forEach(note -> html.append("<li>").append(Xml.text(note)).append("</li>\n"));
        html.append("</ul>\n");
    }

    /** The rules that found something, documented in full; the rest of the catalogue folded away below. */
    private static void appendRules(StringBuilder html, ReportData data) {
        Set<String> found = new LinkedHashSet<>();
        data.findings().forEach(finding -> found.add(finding.ruleId()));
        html.append("<h2>Rules</h2>\n<dl>\n");
        for (String id : found) {
            Optional<RuleDescription> rule = data.rule(id);
            html.append("<dt id=\"rule-").append(Xml.attribute(id)).append("\"><code>").append(Xml.text(id))
                    .append("</code>");
            if (rule.isPresent()) {
                html.append(' ').append(severityBadge(rule.get().defaultSeverity())).append(' ')
                        .append(Xml.text(rule.get().title())).append("</dt>\n<dd>")
                        .append(Xml.text(rule.get().rationale()));
                if (!rule.get().hint().isBlank()) {
                    html.append("<br/><span class=\"hint\">Fix: ").append(Xml.text(rule.get().hint())).append("</span>");
                }
                html.append("</dd>\n");
            } else {
                html.append("</dt>\n<dd class=\"muted\">No documentation for this id.</dd>\n");
            }
        }
        html.append("</dl>\n");
        List<RuleDescription> others = data.rules().stream().filter(rule -> !found.contains(rule.id())).toList();
        if (!others.isEmpty()) {
            html.append("<details><summary>").append(Xml.text(ConsoleReport.plural(others.size(), "other rule")))
                    .append("</summary>\n<table>\n<tr><th>Rule</th><th>Default</th><th>What it catches</th></tr>\n");
            for (RuleDescription rule : others) {
                html.append("<tr><td><code>").append(Xml.text(rule.id())).append("</code></td><td>")
                        .append(severityBadge(rule.defaultSeverity())).append("</td><td>")
                        .append(Xml.text(rule.title())).append("</td></tr>\n");
            }
            html.append("</table>\n</details>\n");
        }
    }

    private static String ruleLink(String id) {
        return "<a href=\"#rule-" + Xml.attribute(id) + "\"><code>" + Xml.text(id) + "</code></a>";
    }

    private static String severityBadge(Severity severity) {
        return "<span class=\"sev " + severity.name() + "\">" + severity.name() + "</span>";
    }

    private static String sourceName(Acknowledgement.Source source) {
        return switch (source) {
            case INLINE_COMMENT -> "sqlguard:allow comment";
            case POM_SUPPRESSION -> "pom suppression";
            case BASELINE -> "baseline";
        };
    }

    /**
     * A line as it can be shown: line breaks dropped and other control characters (an ESC from a hostile
     * file) shown as {@code ?}, one for one, so the caret below stays aligned.
     */
    private static String visible(String line) {
        StringBuilder out = new StringBuilder(line.length());
        LINE_BREAK.matcher(TRAILING_LINE_BREAKS.matcher(line).replaceAll("")).replaceAll(" ").chars()
                .forEach(c -> out.append(c != '\t' && (c < 0x20 || c >= 0x7F && c < 0xA0) ? '?' : (char) c));
        return out.toString();
    }
}
