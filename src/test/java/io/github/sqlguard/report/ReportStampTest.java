package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
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
}
