package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    @TempDir
    Path dir;

    private JsonNode written(ReportData data) throws IOException {
        Path file = dir.resolve("out/sqlguard.json");
        new JsonReport().write(data, file);
        return new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void summaryCountsOpenFindingsBySeverityAndAcknowledgedApart() throws IOException {
        JsonNode json = written(SampleRun.data(Severity.ERROR));

        assertEquals("sqlguard", json.at("/tool/name").asText());
        assertEquals("0.1.0-SNAPSHOT", json.at("/tool/version").asText());
        JsonNode summary = json.path("summary");
        assertEquals(2, summary.path("errors").asInt());
        assertEquals(1, summary.path("warnings").asInt());
        assertEquals(0, summary.path("infos").asInt());
        assertEquals(2, summary.path("acknowledged").asInt());
        assertEquals(14, summary.path("files").asInt());
        assertEquals(230, summary.path("statements").asInt());
        assertEquals(0.41, summary.path("seconds").asDouble(), 1e-9);
        assertEquals("ERROR", summary.path("failOn").asText());
        assertTrue(summary.path("failed").asBoolean());
        assertEquals(List.of("1 stale baseline entry: db/V0__gone.sql drop-table"),
                List.of(json.at("/notes/0").asText()));
    }

    @Test
    void findingsKeepEveryFieldAndTheAcknowledgement() throws IOException {
        JsonNode findings = written(SampleRun.data(Severity.ERROR)).path("findings");

        assertEquals(5, findings.size());
        JsonNode update = findings.get(1);
        assertEquals("update-without-where", update.path("rule").asText());
        assertEquals("ERROR", update.path("severity").asText());
        assertEquals(SampleRun.ODD_PATH, update.path("file").asText());
        assertEquals(5, update.path("line").asInt());
        assertEquals(5, update.path("column").asInt());
        assertEquals(SampleRun.NASTY_MESSAGE, update.path("message").asText());
        assertEquals("add a WHERE clause", update.path("hint").asText());
        assertEquals("UPDATE prix SET p = 0;", update.path("statement").asText());
        assertTrue(update.path("acknowledged").isNull());

        assertEquals("baseline", findings.get(0).at("/acknowledged/by").asText());
        assertEquals("applied before sqlguard was adopted", findings.get(0).at("/acknowledged/reason").asText());
        assertEquals("inline", findings.get(4).at("/acknowledged/by").asText());
        assertEquals("cache table, rebuilt nightly", findings.get(4).at("/acknowledged/reason").asText());
    }

    @Test
    void aLoneSurrogateDoesNotBreakTheFile() throws IOException {
        Finding broken = Finding.of("r", Severity.ERROR, new Location("a.sql", 1, 1), "half \uD83D pair", "", "");

        JsonNode json = written(SampleRun.data(List.of(broken), Severity.ERROR));

        assertEquals("half ? pair", json.at("/findings/0/message").asText());
    }

    @Test
    void withFailOnNoneNothingFails() throws IOException {
        JsonNode summary = written(SampleRun.data(null)).path("summary");

        assertEquals("NONE", summary.path("failOn").asText());
        assertFalse(summary.path("failed").asBoolean());
    }

    @Test
    void onlyAcknowledgedFindingsDoNotFail() throws IOException {
        JsonNode summary = written(SampleRun.data(
                List.of(SampleRun.ACKNOWLEDGED_INLINE, SampleRun.ACKNOWLEDGED_BY_BASELINE), Severity.WARNING))
                .path("summary");

        assertEquals(0, summary.path("errors").asInt());
        assertEquals(2, summary.path("acknowledged").asInt());
        assertFalse(summary.path("failed").asBoolean());
    }
}
