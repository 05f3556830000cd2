package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOfficialSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/report/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private JsonNode written(ReportData data) throws IOException {
        Path file = dir.resolve("nested/dir/sqlguard.sarif");
        new SarifReport().write(data, file);
        return MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void sampleRunIsValidAgainstTheSarif210Schema() throws IOException {
        JsonNode sarif = written(SampleRun.data(Severity.ERROR));

        Set<ValidationMessage> errors = schema.validate(sarif);

        assertTrue(errors.isEmpty(), () -> "schema violations: " + errors);
        assertEquals("2.1.0", sarif.path("version").asText());
    }

    @Test
    void schemaCatchesABrokenDocumentSoTheValidationAboveMeansSomething() throws IOException {
        ObjectNode sarif = (ObjectNode) written(SampleRun.data(Severity.ERROR));
        ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");

        Set<ValidationMessage> errors = schema.validate(sarif);

        assertFalse(errors.isEmpty(), "a result level outside the enum, deep inside $refs, must be caught");
        assertTrue(errors.toString().contains("level"), errors::toString);
    }

    @Test
    void driverDescribesTheRules() throws IOException {
        JsonNode driver = written(SampleRun.data(Severity.ERROR)).at("/runs/0/tool/driver");

        assertEquals("sqlguard", driver.path("name").asText());
        assertEquals("0.1.0-SNAPSHOT", driver.path("version").asText());
        JsonNode delete = driver.path("rules").get(0);
        assertEquals("delete-without-where", delete.path("id").asText());
        assertEquals("DeleteWithoutWhere", delete.path("name").asText());
        assertEquals("DELETE without WHERE", delete.at("/shortDescription/text").asText());
        assertEquals("A DELETE without WHERE removes every row of the table.", delete.at("/fullDescription/text").asText());
        assertEquals(SampleRun.DELETE_HINT, delete.at("/help/text").asText());
        assertEquals("error", delete.at("/defaultConfiguration/level").asText());
        JsonNode undescribed = driver.path("rules").get(3);
        assertEquals("unparsed-statement", undescribed.path("id").asText(), "rules a finding uses are always listed");
        assertEquals("warning", undescribed.at("/defaultConfiguration/level").asText());
    }

    @Test
    void resultsCarryLocationEscapedUriMessageAndSuppressions() throws IOException {
        JsonNode run = written(SampleRun.data(Severity.ERROR)).at("/runs/0");
        JsonNode results = run.path("results");

        assertEquals(5, results.size());
        JsonNode update = results.get(1);
        assertEquals("update-without-where", update.path("ruleId").asText());
        assertEquals(1, update.path("ruleIndex").asInt());
        assertEquals("error", update.path("level").asText());
        assertEquals(SampleRun.NASTY_MESSAGE, update.at("/message/text").asText());
        JsonNode physical = update.at("/locations/0/physicalLocation");
        assertEquals("db/m%C3%AFgrations%202/V3__prix%20%E2%82%AC.sql", physical.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText());
        assertEquals(5, physical.at("/region/startLine").asInt());
        assertEquals(5, physical.at("/region/startColumn").asInt());
        assertEquals("UPDATE prix SET p = 0;", physical.at("/region/snippet/text").asText());
        assertTrue(update.path("suppressions").isMissingNode());
        assertTrue(run.path("originalUriBaseIds").has("%SRCROOT%"));

        JsonNode baseline = results.get(0);
        assertEquals("external", baseline.at("/suppressions/0/kind").asText());
        assertEquals("applied before sqlguard was adopted", baseline.at("/suppressions/0/justification").asText());
        JsonNode inline = results.get(4);
        assertEquals(12, inline.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("inSource", inline.at("/suppressions/0/kind").asText());
        assertEquals("cache table, rebuilt nightly", inline.at("/suppressions/0/justification").asText());
    }

    @Test
    void fingerprintsIgnoreLineNumbersButSeparateRepeatedStatements() throws IOException {
        Finding moved = Finding.of(SampleRun.DELETE.ruleId(), Severity.ERROR, new Location(SampleRun.V2, 30, 5),
                "other words", "", "  delete   FROM customers; ");
        Finding otherFile = Finding.of(SampleRun.DELETE.ruleId(), Severity.ERROR, new Location("other.sql", 3, 1),
                "m", "", "DELETE FROM customers;");

        String first = fingerprint(written(SampleRun.data(List.of(SampleRun.DELETE), Severity.ERROR)), SampleRun.V2, 3);
        String afterMove = fingerprint(written(SampleRun.data(List.of(moved), Severity.ERROR)), SampleRun.V2, 30);
        JsonNode all = written(SampleRun.data(List.of(SampleRun.DELETE, moved, otherFile), Severity.ERROR));

        assertEquals(first, afterMove);
        assertEquals(first, fingerprint(all, SampleRun.V2, 3), "the first occurrence keeps its fingerprint");
        assertNotEquals(first, fingerprint(all, SampleRun.V2, 30), "a repeated statement gets its own");
        assertNotEquals(first, fingerprint(all, "other.sql", 3), "the same statement in another file is new");
    }

    private static String fingerprint(JsonNode sarif, String path, int line) {
        for (JsonNode result : sarif.at("/runs/0/results")) {
            JsonNode region = result.at("/locations/0/physicalLocation/region");
            if (result.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals(path)
                    && region.path("startLine").asInt() == line) {
                return result.at("/partialFingerprints/sqlguard~1v1").asText();
            }
        }
        throw new AssertionError("no result at " + path + ":" + line);
    }

    @Test
    void findingWithoutMessageStillHasTheRequiredMessageText() throws IOException {
        Finding bare = Finding.of("unreadable-file", Severity.ERROR, new Location("bin.sql", 1, 1), "", null, null);

        JsonNode sarif = written(SampleRun.data(List.of(bare), Severity.ERROR));

        assertTrue(schema.validate(sarif).isEmpty(), () -> "schema violations: " + schema.validate(sarif));
        assertEquals("unreadable-file", sarif.at("/runs/0/results/0/message/text").asText());
        assertTrue(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/snippet").isMissingNode());
    }

    @Test
    void emptyRunIsValidToo() throws IOException {
        JsonNode sarif = written(new ReportData(List.of(), List.of(), List.of(), 0, null, null, null, null, null));

        assertTrue(schema.validate(sarif).isEmpty(), () -> "schema violations: " + schema.validate(sarif));
        assertEquals(0, sarif.at("/runs/0/results").size());
    }
}
