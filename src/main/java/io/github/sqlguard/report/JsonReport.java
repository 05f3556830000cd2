package io.github.sqlguard.report;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;

/**
 * sqlguard's own JSON format ({@code sqlguard.json}), meant for scripts:
 *
 * <pre>{@code
 * {
 *   "tool": {"name": "sqlguard", "version": "0.1.0"},
 *   "summary": {"errors": 1, "warnings": 0, "infos": 0, "acknowledged": 1, "files": 14,
 *               "statements": 230, "parsedStatements": 12, "seconds": 0.410, "failOn": "ERROR", "failed": true},
 *   "findings": [
 *     {"rule": "delete-without-where", "severity": "ERROR", "file": "db/V2__close.sql",
 *      "line": 3, "column": 1, "message": "...", "hint": "...", "statement": "DELETE FROM customers;",
 *      "acknowledged": null}
 *   ],
 *   "notes": ["..."]
 * }
 * }</pre>
 *
 * Counts by severity leave acknowledged findings out; those are counted in {@code acknowledged} and carry
 * {@code "acknowledged": {"by": "inline" | "pom" | "baseline", "reason": "..."}}. {@code failOn} is
 * {@code "NONE"}, as the setting is written, when nothing fails the build. Findings are sorted by file, line and
 * column.
 */
public final class JsonReport implements JsonDocumentReport {


    @Override
    public JsonWriter document(ReportData data, JsonWriter json) {
        FindingCounts counts = data.counts();
        json.beginObject();
        json.name("tool").beginObject()
                .field("name", ReportData.TOOL_NAME).field("version", data.toolVersion()).endObject();
        json.name("summary").beginObject()
                .field("errors", counts.errors())
                .field("warnings", counts.warnings())
                .field("infos", counts.infos())
                .field("acknowledged", counts.acknowledged())
                .field("files", data.scannedFiles().size())
                .field("statements", data.statements())
                .field("parsedStatements", data.parsedStatements())
                .name("seconds").number(data.elapsedSeconds())
                .field("failOn", data.failOn() == null ? "NONE" : data.failOn().name())
                .field("failed", !data.failingFindings().isEmpty())
                .endObject();
        json.name("findings").beginArray();
        for (Finding finding : data.findings()) {
            json.beginObject()
                    .field("rule", finding.ruleId())
                    .field("severity", finding.severity().name())
                    .field("file", finding.location().path())
                    .field("line", finding.location().line())
                    .field("column", finding.location().column())
                    .field("message", finding.message())
                    .field("hint", finding.hint())
                    .field("statement", finding.excerpt())
                    .name("acknowledged");
            Acknowledgement acknowledgement = finding.acknowledgement();
            if (acknowledgement == null) {
                json.nullValue();
            } else {
                json.beginObject()
                        .field("by", acknowledgedBy(acknowledgement.source()))
                        .field("reason", acknowledgement.reason())
                        .endObject();
            }
            json.endObject();
        }
        json.endArray();
        json.name("notes").beginArray();
        data.notes().forEach(json::value);
        return json.endArray().endObject();
    }

    /** The short name of an acknowledgement's source as the reports spell it. */
    static String acknowledgedBy(Acknowledgement.Source source) {
        return switch (source) {
            case INLINE_COMMENT -> "inline";
            case POM_SUPPRESSION -> "pom";
            case BASELINE -> "baseline";
        };
    }
}
