package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML ({@code TEST-sqlguard.xml}) so that CI test tabs show the verdict: one test case per finding,
 * named by its rule and position with the file as its class, failing when the finding fails the build;
 * and one passing test case per scanned file without findings. A finding below {@code failOn} or
 * acknowledged is a passing test case that says so in its {@code <system-out>}. Jenkins and GitLab show
 * one failure per test case, so one finding per test case shows every one; {@code tests} and
 * {@code failures} count test cases, that is findings (and clean files).
 */
public final class JUnitReport implements TextDocumentReport {

    /** The name of the passing test case of a file without findings. */
    static final String CLEAN_FILE = "no findings";


    @Override
    public void document(ReportData data, Writer xml) throws IOException {
        Map<String, List<Finding>> byFile = data.findingsByFile();
        List<String> files = data.reportedFiles();
        long cleanFiles = files.stream().filter(path -> !byFile.containsKey(path)).count();
        long failures = data.findings().stream().filter(data::fails).count();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(ReportData.TOOL_NAME)
                .append("\" tests=\"").append(Long.toString(data.findings().size() + cleanFiles))
                .append("\" failures=\"").append(Long.toString(failures))
                .append("\" errors=\"0\" skipped=\"0\" time=\"").append(data.elapsedSeconds()).append("\">\n");
        for (String path : files) {
            List<Finding> findings = byFile.getOrDefault(path, List.of());
            if (findings.isEmpty()) {
                openTestCase(xml, path, CLEAN_FILE).append("/>\n");
                continue;
            }
            for (Finding finding : findings) {
                openTestCase(xml, path, testName(finding)).append(">\n");
                if (data.fails(finding)) {
                    xml.append("    <failure message=\"").append(Xml.attribute(finding.message()))
                            .append("\" type=\"").append(Xml.attribute(finding.ruleId())).append("\">");
                    describe(xml, finding);
                    xml.append("</failure>\n");
                } else {
                    xml.append("    <system-out>");
                    describe(xml, finding);
                    if (finding.isAcknowledged()) {
                        xml.append(" (acknowledged: ").append(Xml.text(finding.acknowledgement().reason())).append(')');
                    } else {
                        xml.append(data.failOn() == null ? " (failOn NONE: reported, never failing)"
                                : " (below failOn " + data.failOn() + ")");
                    }
                    xml.append("\n</system-out>\n");
                }
                xml.append("  </testcase>\n");
            }
        }
        xml.append("</testsuite>\n");
    }

    /** A finding's test name, e.g. {@code delete-without-where at 3:1}. */
    static String testName(Finding finding) {
        return finding.ruleId() + " at " + finding.location().line() + ":" + finding.location().column();
    }

    private static Writer openTestCase(Writer xml, String path, String name) throws IOException {
        return xml.append("  <testcase classname=\"").append(Xml.attribute(path))
                .append("\" name=\"").append(Xml.attribute(name)).append("\" time=\"0\"");
    }

    /** Writes a finding as its element text, part by part: a large report builds no string per finding. */
    private static void describe(Writer xml, Finding finding) throws IOException {
        xml.append(Xml.text(finding.location().path())).append(':').append(Integer.toString(finding.location().line()))
                .append(':').append(Integer.toString(finding.location().column())).append(": ")
                .append(finding.severity().name()).append(" [").append(Xml.text(finding.ruleId())).append("] ")
                .append(Xml.text(finding.message()));
        if (!finding.hint().isBlank()) {
            xml.append("\n  hint: ").append(Xml.text(finding.hint()));
        }
    }
}
