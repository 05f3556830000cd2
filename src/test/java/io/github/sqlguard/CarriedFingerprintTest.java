package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.report.FindingFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each finding carries one fingerprint, and the baseline and the reports identify it by that one. */
class CarriedFingerprintTest {

    /** Written by the release before fingerprints were carried on findings: it must keep matching. */
    private static final String EARLIER_BASELINE = """
            {
              "version": 1,
              "entries": [
                {"file": "db/V1__legacy.sql", "rule": "drop-table", "fingerprint": "0dc2868055971f3c", "count": 1, \
            "statement": "DROP TABLE \\"Old\\" CASCADE"}
              ]
            }
            """;

    @TempDir
    Path project;

    @Test
    void aBaselineWrittenEarlierStillMatchesAndReportsUseTheSameFingerprint() throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__legacy.sql"), "-- moved down\n\ndrop   table \"Old\"\n  cascade;\n");
        Path baseline = Files.writeString(project.resolve("sqlguard-baseline.json"), EARLIER_BASELINE);

        LintResult result = lint(baseline);

        Finding drop = only(result, "drop-table");
        assertTrue(drop.isAcknowledged(), drop.toString());
        assertEquals(Acknowledgement.Source.BASELINE, drop.acknowledgement().source());
        assertEquals("0dc2868055971f3c", drop.fingerprint());
        Finding cascade = only(result, "cascade");
        assertFalse(cascade.isAcknowledged(), "the baseline names drop-table only");
        assertEquals(16, cascade.fingerprint().length(), cascade.toString());
        for (Finding finding : result.findings()) {
            assertEquals(finding.fingerprint(), FindingFingerprint.hash(finding), "SARIF and GitLab use it too");
        }
    }

    private static Finding only(LintResult result, String rule) {
        List<Finding> found = result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, found.size(), result.findings().toString());
        return found.get(0);
    }

    private LintResult lint(Path baseline) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), baseline, defaults.maxFileBytes(), 1));
    }
}
