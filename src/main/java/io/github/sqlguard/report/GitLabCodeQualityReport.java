package io.github.sqlguard.report;

import io.github.sqlguard.model.Finding;
import java.util.Map;

/**
 * GitLab Code Quality ({@code gl-code-quality-report.json}), shown in merge request widgets: an array of
 * issues with GitLab's required fields {@code description}, {@code check_name}, {@code fingerprint},
 * {@code severity} and {@code location.path}/{@code location.lines.begin}. The fingerprint ignores line
 * numbers (see {@link FindingFingerprint}) so a moved statement is not reported as new. Acknowledged
 * findings are left out: the widget has no notion of an accepted issue. Severities: ERROR is
 * {@code critical} (an error is what fails the build), WARNING {@code minor}, INFO {@code info}.
 */
public final class GitLabCodeQualityReport implements JsonDocumentReport {


    @Override
    public JsonWriter document(ReportData data, JsonWriter json) {
        Map<Finding, String> fingerprints = FindingFingerprint.of(data.findings());
        json.beginArray();
        for (Finding finding : data.findings()) {
            if (finding.isAcknowledged()) {
                continue;
            }
            json.beginObject()
                    .field("type", "issue")
                    .field("engine_name", ReportData.TOOL_NAME)
                    .field("check_name", finding.ruleId())
                    .field("description", finding.message() == null || finding.message().isBlank()
                            ? finding.ruleId() : finding.message())
                    .name("categories").beginArray().value("Bug Risk").endArray()
                    .field("fingerprint", fingerprints.get(finding))
                    .field("severity", severity(finding))
                    .name("location").beginObject()
                    .field("path", finding.location().path())
                    .name("lines").beginObject().field("begin", finding.location().line()).endObject()
                    .endObject()
                    .endObject();
        }
        return json.endArray();
    }

    static String severity(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "critical";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }
}
