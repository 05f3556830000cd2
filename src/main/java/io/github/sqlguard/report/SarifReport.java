package io.github.sqlguard.report;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SARIF 2.1.0 ({@code sqlguard.sarif}), the format GitHub code scanning and many IDEs read: one run with
 * the rule documentation, one result per finding, acknowledged findings as results with
 * {@code suppressions[]} that carry the recorded reason.
 */
public final class SarifReport implements JsonDocumentReport {

    private static final String HEX_DIGITS = "0123456789ABCDEF";

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/sqlguard/sqlguard-maven-plugin";
    static final String SOURCE_ROOT = "%SRCROOT%";
    static final String FINGERPRINT_KEY = "sqlguard/v1";


    @Override
    public JsonWriter document(ReportData data, JsonWriter json) {
        List<RuleDescription> rules = rulesIncludingUndescribed(data);
        Map<Finding, String> fingerprints = FindingFingerprint.of(data.findings());
        json.beginObject()
                .field("$schema", SCHEMA)
                .field("version", "2.1.0")
                .name("runs").beginArray().beginObject();
        json.name("tool").beginObject().name("driver").beginObject()
                .field("name", ReportData.TOOL_NAME)
                .field("version", data.toolVersion())
                .field("informationUri", INFORMATION_URI)
                .name("rules").beginArray();
        rules.forEach(rule -> writeRule(json, rule));
        json.endArray().endObject().endObject();
        writeInvocation(json, data);
        json.name("originalUriBaseIds").beginObject().name(SOURCE_ROOT).beginObject()
                .name("description").beginObject().field("text", "The top of the build: the project, or the root of a multi-module build.").endObject()
                .endObject().endObject();
        json.field("columnKind", "utf16CodeUnits");
        json.name("results").beginArray();
        for (Finding finding : data.findings()) {
            writeResult(json, finding, indexOf(rules, finding.ruleId()), fingerprints.get(finding));
        }
        return json.endArray().endObject().endArray().endObject();
    }

    private static void writeRule(JsonWriter json, RuleDescription rule) {
        json.beginObject().field("id", rule.id()).field("name", pascalCase(rule.id()));
        textObject(json, "shortDescription", rule.title());
        textObject(json, "fullDescription", rule.rationale());
        textObject(json, "help", rule.hint());
        json.name("defaultConfiguration").beginObject().field("level", level(rule.defaultSeverity())).endObject();
        json.endObject();
    }

    private static void writeInvocation(JsonWriter json, ReportData data) {
        json.name("invocations").beginArray().beginObject().field("executionSuccessful", true);
        if (!data.notes().isEmpty()) {
            json.name("toolExecutionNotifications").beginArray();
            for (String note : data.notes()) {
                json.beginObject().field("level", "note");
                textObject(json, "message", note);
                json.endObject();
            }
            json.endArray();
        }
        json.endObject().endArray();
    }

    private static void writeResult(JsonWriter json, Finding finding, int ruleIndex, String fingerprint) {
        json.beginObject().field("ruleId", finding.ruleId()).field("ruleIndex", ruleIndex)
                .field("level", level(finding.severity()));
        // message.text is required even when a finding has nothing to say beyond its rule.
        String message = finding.message() == null || finding.message().isBlank() ? finding.ruleId() : finding.message();
        json.name("message").beginObject().field("text", message).endObject();
        json.name("locations").beginArray().beginObject().name("physicalLocation").beginObject()
                .name("artifactLocation").beginObject()
                .field("uri", uriOf(finding.location().path()))
                .field("uriBaseId", SOURCE_ROOT)
                .endObject()
                .name("region").beginObject()
                .field("startLine", finding.location().line())
                .field("startColumn", finding.location().column());
        if (!finding.excerpt().isEmpty()) {
            textObject(json, "snippet", finding.excerpt());
        }
        json.endObject().endObject().endObject().endArray();
        json.name("partialFingerprints").beginObject().field(FINGERPRINT_KEY, fingerprint).endObject();
        Acknowledgement acknowledgement = finding.acknowledgement();
        if (acknowledgement != null) {
            // SARIF knows two kinds: in the analysed source itself, or anywhere else (pom, baseline file).
            String kind = acknowledgement.source() == Acknowledgement.Source.INLINE_COMMENT ? "inSource" : "external";
            json.name("suppressions").beginArray().beginObject()
                    .field("kind", kind)
                    .field("status", "accepted")
                    .field("justification", acknowledgement.reason())
                    .name("properties").beginObject()
                    .field("acknowledgedBy", JsonReport.acknowledgedBy(acknowledgement.source()));
            if (acknowledgement.where() != null) {
                json.field("where", acknowledgement.where());
            }
            json.endObject().endObject().endArray();
        }
        json.endObject();
    }

    /** Described rules first, then a bare entry for any rule id a finding uses without a description. */
    private static List<RuleDescription> rulesIncludingUndescribed(ReportData data) {
        List<RuleDescription> rules = new ArrayList<>(data.rules());
        TreeSet<String> missing = new TreeSet<>();
        for (Finding finding : data.findings()) {
            if (indexOf(rules, finding.ruleId()) < 0) {
                missing.add(finding.ruleId());
            }
        }
        for (String id : missing) {
            Severity severity = data.findings().stream().filter(f -> f.ruleId().equals(id))
                    .map(Finding::severity).findFirst().orElse(Severity.ERROR);
            rules.add(new RuleDescription(id, severity, "", "", ""));
        }
        return rules;
    }

    private static int indexOf(List<RuleDescription> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static void textObject(JsonWriter json, String name, String text) {
        if (text != null && !text.isBlank()) {
            json.name(name).beginObject().field("text", text).endObject();
        }
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** {@code delete-without-where} becomes {@code DeleteWithoutWhere}, the identifier style SARIF suggests. */
    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    /**
     * A relative path as a URI reference: forward slashes, and every byte outside RFC 3986's unreserved set
     * percent-encoded from UTF-8, so spaces and non-ASCII names survive.
     */
    static String uriOf(String path) {
        String slashed = path.replace('\\', '/');
        int plain = 0;
        while (plain < slashed.length() && isUnreserved(slashed.charAt(plain))) {
            plain++;
        }
        if (plain == slashed.length()) {
            return slashed;
        }
        StringBuilder uri = new StringBuilder(slashed.length() + 16);
        for (byte b : slashed.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                uri.append((char) c);
            } else {
                uri.append('%').append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0xF));
            }
        }
        return uri.toString();
    }

    /** RFC 3986's unreserved characters and the path separator. */
    private static boolean isUnreserved(int c) {
        return c == '/' || c == '-' || c == '.' || c == '_' || c == '~'
                || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
