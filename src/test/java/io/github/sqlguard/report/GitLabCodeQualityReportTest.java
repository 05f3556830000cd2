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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitLabCodeQualityReportTest {

    private static final Set<String> GITLAB_SEVERITIES = Set.of("info", "minor", "major", "critical", "blocker");

    @TempDir
    Path dir;

    private JsonNode written(ReportData data) throws IOException {
        Path file = dir.resolve("gl-code-quality-report.json");
        new GitLabCodeQualityReport().write(data, file);
        return new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void everyIssueHasGitLabsRequiredFields() throws IOException {
        JsonNode issues = written(SampleRun.data(Severity.ERROR));

        assertTrue(issues.isArray());
        assertEquals(3, issues.size(), "the two acknowledged findings are left out");
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            assertFalse(issue.path("description").asText().isEmpty(), issue::toString);
            assertFalse(issue.path("check_name").asText().isEmpty(), issue::toString);
            assertTrue(issue.path("fingerprint").asText().matches("[0-9a-f]{64}"), issue::toString);
            assertTrue(GITLAB_SEVERITIES.contains(issue.path("severity").asText()), issue::toString);
            assertFalse(issue.at("/location/path").asText().isEmpty(), issue::toString);
            assertTrue(issue.at("/location/lines/begin").isInt(), issue::toString);
            fingerprints.add(issue.path("fingerprint").asText());
        }
        assertEquals(3, fingerprints.size(), "fingerprints are unique");
    }

    @Test
    void issueCarriesTheFindingAndMapsSeverities() throws IOException {
        JsonNode issues = written(SampleRun.data(Severity.ERROR));

        JsonNode update = issues.get(0);
        assertEquals("update-without-where", update.path("check_name").asText());
        assertEquals(SampleRun.NASTY_MESSAGE, update.path("description").asText());
        assertEquals(SampleRun.ODD_PATH, update.at("/location/path").asText());
        assertEquals(5, update.at("/location/lines/begin").asInt());
        assertEquals("critical", update.path("severity").asText());
        assertEquals("minor", issues.get(2).path("severity").asText(), "the unparsed-statement warning");
        Finding info = Finding.of("r", Severity.INFO, new Location("a.sql", 1, 1), "m", "", "");
        assertEquals("info", written(SampleRun.data(List.of(info), null)).get(0).path("severity").asText());
    }

    @Test
    void fingerprintSurvivesTheStatementMovingDown() throws IOException {
        Finding moved = Finding.of(SampleRun.DELETE.ruleId(), Severity.ERROR, new Location(SampleRun.V2, 9, 1),
                SampleRun.DELETE.message(), "", "DELETE\tFROM  customers;");

        String before = written(SampleRun.data(List.of(SampleRun.DELETE), Severity.ERROR)).get(0).path("fingerprint").asText();
        String after = written(SampleRun.data(List.of(moved), Severity.ERROR)).get(0).path("fingerprint").asText();

        assertEquals(before, after);
    }
}
