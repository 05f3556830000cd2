package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports are left alone only when they would be written from the same data into the same untouched files. */
class ReportStampTest {

    private static final Set<ReportFormat> ALL = EnumSet.allOf(ReportFormat.class);

    @TempDir
    Path dir;

    private boolean write(ReportData data, String code) throws IOException {
        return ReportStamp.writeChanged(data, dir.resolve("reports"), ALL, dir.resolve("reports.stamp"), code);
    }

    @Test
    void sameDataLeavesTheFilesAsTheyAre() throws IOException {
        assertTrue(write(SampleRun.data(Severity.ERROR), "v1"));
        Path json = dir.resolve("reports/sqlguard.json");
        FileTime written = FileTime.fromMillis(Files.getLastModifiedTime(json).toMillis() - 60_000);
        Files.setLastModifiedTime(json, written);
        assertTrue(write(SampleRun.data(Severity.ERROR), "v1"), "a touched report is written again");
        written = Files.getLastModifiedTime(json);

        assertFalse(write(SampleRun.data(Severity.ERROR), "v1"));

        assertEquals(written, Files.getLastModifiedTime(json));
    }

    @Test
    void otherDataADeletedReportOrOtherCodeWritesThemAgain() throws IOException {
        assertTrue(write(SampleRun.data(Severity.ERROR), "v1"));

        assertTrue(write(SampleRun.data(Severity.WARNING), "v1"), "failOn changed");
        assertTrue(write(SampleRun.data(List.of(SampleRun.DELETE), Severity.WARNING), "v1"), "findings changed");
        assertTrue(write(SampleRun.data(List.of(SampleRun.DELETE), Severity.WARNING), "v2"), "plugin rebuilt");
        Files.delete(dir.resolve("reports/checkstyle-result.xml"));
        assertTrue(write(SampleRun.data(List.of(SampleRun.DELETE), Severity.WARNING), "v2"), "a report was deleted");
        assertTrue(Files.isRegularFile(dir.resolve("reports/checkstyle-result.xml")));
    }

    @Test
    void aDamagedStampIsNotTrusted() throws IOException {
        assertTrue(write(SampleRun.data(Severity.ERROR), "v1"));
        Files.write(dir.resolve("reports.stamp"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, '\n'});

        assertTrue(write(SampleRun.data(Severity.ERROR), "v1"));
    }

    @Test
    void everyComponentOfAFindingIsPartOfTheStamp() throws Exception {
        Finding base = new Finding("delete-without-where", Severity.ERROR, new Location("V1__a.sql", 3, 7),
                "message", "hint", "DELETE FROM t", null, "fp");
        Acknowledgement because = new Acknowledgement(Acknowledgement.Source.POM_SUPPRESSION, "why", "pom.xml");
        Map<String, Finding> changedOneComponent = new LinkedHashMap<>();
        changedOneComponent.put("ruleId", new Finding("drop-table", base.severity(), base.location(), base.message(),
                base.hint(), base.excerpt(), null, base.fingerprint()));
        changedOneComponent.put("severity", new Finding(base.ruleId(), Severity.WARNING, base.location(),
                base.message(), base.hint(), base.excerpt(), null, base.fingerprint()));
        changedOneComponent.put("location", new Finding(base.ruleId(), base.severity(), new Location("V1__a.sql", 3, 8),
                base.message(), base.hint(), base.excerpt(), null, base.fingerprint()));
        changedOneComponent.put("message", new Finding(base.ruleId(), base.severity(), base.location(), "other",
                base.hint(), base.excerpt(), null, base.fingerprint()));
        changedOneComponent.put("hint", new Finding(base.ruleId(), base.severity(), base.location(), base.message(),
                "other", base.excerpt(), null, base.fingerprint()));
        changedOneComponent.put("excerpt", new Finding(base.ruleId(), base.severity(), base.location(),
                base.message(), base.hint(), "DELETE FROM u", null, base.fingerprint()));
        changedOneComponent.put("acknowledgement", new Finding(base.ruleId(), base.severity(), base.location(),
                base.message(), base.hint(), base.excerpt(), because, base.fingerprint()));
        changedOneComponent.put("fingerprint", new Finding(base.ruleId(), base.severity(), base.location(),
                base.message(), base.hint(), base.excerpt(), null, "other"));
        // A component added to Finding must be added to the stamp, and here, unless no report shows it (the run
        // a finding was made in only decides which acknowledgements cover it).
        assertEquals(Arrays.stream(Finding.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("runScope")).toList(), List.copyOf(changedOneComponent.keySet()));
        assertEquals(stampOf(base), stampOf(base.inRun("changeset a:1")));

        String stamp = stampOf(base);
        for (Map.Entry<String, Finding> changed : changedOneComponent.entrySet()) {
            assertNotEquals(stamp, stampOf(changed.getValue()), changed.getKey());
        }
        Finding acknowledged = changedOneComponent.get("acknowledgement");
        assertNotEquals(stampOf(acknowledged), stampOf(new Finding(base.ruleId(), base.severity(), base.location(),
                base.message(), base.hint(), base.excerpt(),
                new Acknowledgement(Acknowledgement.Source.POM_SUPPRESSION, "another reason", "pom.xml"),
                base.fingerprint())), "the acknowledgement's reason");
        assertEquals(stamp, stampOf(new Finding(base.ruleId(), base.severity(), base.location(), base.message(),
                base.hint(), base.excerpt(), null, base.fingerprint())));
    }

    private static String stampOf(Finding finding) throws Exception {
        ReportStamp.StampDigest digest = new ReportStamp.StampDigest();
        ReportStamp.updateFinding(digest, finding);
        return digest.hex();
    }

    @Test
    void everyComponentOfARuleDescriptionIsPartOfTheStamp() throws Exception {
        RuleDescription base = new RuleDescription("drop-table", Severity.ERROR, "title", "rationale", "hint");
        Map<String, RuleDescription> changedOneComponent = new LinkedHashMap<>();
        changedOneComponent.put("id", new RuleDescription("drop-column", Severity.ERROR, "title", "rationale", "hint"));
        changedOneComponent.put("defaultSeverity",
                new RuleDescription("drop-table", Severity.WARNING, "title", "rationale", "hint"));
        changedOneComponent.put("title", new RuleDescription("drop-table", Severity.ERROR, "other", "rationale", "hint"));
        changedOneComponent.put("rationale", new RuleDescription("drop-table", Severity.ERROR, "title", "other", "hint"));
        changedOneComponent.put("hint", new RuleDescription("drop-table", Severity.ERROR, "title", "rationale", "other"));
        assertEquals(Arrays.stream(RuleDescription.class.getRecordComponents()).map(RecordComponent::getName).toList(),
                List.copyOf(changedOneComponent.keySet()));

        String stamp = stampOf(base);
        for (Map.Entry<String, RuleDescription> changed : changedOneComponent.entrySet()) {
            assertNotEquals(stamp, stampOf(changed.getValue()), changed.getKey());
        }
    }

    private static String stampOf(RuleDescription rule) throws Exception {
        ReportStamp.StampDigest digest = new ReportStamp.StampDigest();
        ReportStamp.updateRule(digest, rule);
        return digest.hex();
    }
}
