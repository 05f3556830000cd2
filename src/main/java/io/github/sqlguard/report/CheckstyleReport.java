package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle's XML format ({@code checkstyle-result.xml}), read by Jenkins warnings-ng and many other tools.
 * Every scanned file gets a {@code <file>} element, as checkstyle does, so a clean file shows as checked.
 * Acknowledged findings are left out: readers of this format count every {@code <error>} as an open issue
 * and treat checkstyle's {@code ignore} severity inconsistently; the SARIF and JSON reports keep them.
 */
public final class CheckstyleReport implements TextDocumentReport {


    @Override
    public void document(ReportData data, Writer xml) throws IOException {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<checkstyle version=\"").append(Xml.attribute(data.toolVersion())).append("\">\n");
        Map<String, List<Finding>> byFile = data.findingsByFile();
        for (String path : data.reportedFiles()) {
            List<Finding> open = byFile.getOrDefault(path, List.of()).stream()
                    .filter(finding -> !finding.isAcknowledged()).toList();
            xml.append("  <file name=\"").append(Xml.attribute(path)).append('"');
            if (open.isEmpty()) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            for (Finding finding : open) {
                xml.append("    <error line=\"").append(String.valueOf(finding.location().line()))
                        .append("\" column=\"").append(String.valueOf(finding.location().column()))
                        .append("\" severity=\"").append(severity(finding))
                        .append("\" message=\"").append(Xml.attribute(finding.message()))
                        .append("\" source=\"").append(Xml.attribute(ReportData.TOOL_NAME + "." + finding.ruleId()))
                        .append("\"/>\n");
            }
            xml.append("  </file>\n");
        }
        xml.append("</checkstyle>\n");
    }

    private static String severity(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }
}
