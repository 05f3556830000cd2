package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML ({@code TEST-sqlguard.xml}) so that CI test tabs show the verdict: one test case per scanned
 * file, failing with one {@code <failure>} per finding that fails the build. Findings below
 * {@code failOn} and acknowledged ones are listed in the test case's {@code <system-out>}. The suite's
 * {@code failures} counts failing test cases, like {@code tests} counts test cases.
 */
public final class JUnitReport implements ReportWriter {

    @Override
    public void write(ReportData data, Path file) throws IOException {
        ReportWriter.writeUtf8(file, toXml(data));
    }

    /** The report as text. */
    public String toXml(ReportData data) {
        Map<String, List<Finding>> byFile = data.findingsByFile();
        List<String> files = data.reportedFiles();
        long failingFiles = files.stream()
                .filter(path -> byFile.getOrDefault(path, List.of()).stream().anyMatch(data::fails))
                .count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(ReportData.TOOL_NAME)
                .append("\" tests=\"").append(files.size())
                .append("\" failures=\"").append(failingFiles)
                .append("\" errors=\"0\" skipped=\"0\" time=\"").append(data.elapsedSeconds()).append("\">\n");
        for (String path : files) {
            List<Finding> findings = byFile.getOrDefault(path, List.of());
            xml.append("  <testcase classname=\"").append(ReportData.TOOL_NAME)
                    .append("\" name=\"").append(Xml.attribute(path)).append("\" time=\"0\"");
            if (findings.isEmpty()) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            StringBuilder passing = new StringBuilder();
            for (Finding finding : findings) {
                if (data.fails(finding)) {
                    xml.append("    <failure message=\"").append(Xml.attribute(finding.message()))
                            .append("\" type=\"").append(Xml.attribute(finding.ruleId())).append("\">")
                            .append(Xml.text(describe(finding))).append("</failure>\n");
                } else {
                    passing.append(describe(finding));
                    if (finding.isAcknowledged()) {
                        passing.append(" (acknowledged: ").append(finding.acknowledgement().reason()).append(')');
                    }
                    passing.append('\n');
                }
            }
            if (!passing.isEmpty()) {
                xml.append("    <system-out>").append(Xml.text(passing.toString())).append("</system-out>\n");
            }
            xml.append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String describe(Finding finding) {
        String text = finding.location() + ": " + finding.severity() + " [" + finding.ruleId() + "] "
                + finding.message();
        return finding.hint().isBlank() ? text : text + "\n  hint: " + finding.hint();
    }
}
