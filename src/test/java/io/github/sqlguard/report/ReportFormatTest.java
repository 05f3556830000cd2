package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportFormatTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"sarif, SARIF", "JSON, JSON", " checkstyle , CHECKSTYLE", "junit, JUNIT", "GitLab, GITLAB", "HTML, HTML"})
    void readsConfiguredNamesIgnoringCaseAndBlanks(String configured, ReportFormat expected) {
        assertEquals(expected, ReportFormat.fromConfig(configured));
    }

    @Test
    void unknownNameListsTheValidValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.fromConfig("pdf"));

        assertEquals("Unknown report format 'pdf'; valid values are: sarif, json, checkstyle, junit, gitlab, html "
                + "(or all)",
                e.getMessage());
    }

    @Test
    void aFileKindNamesTheFormatsThatWriteIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.fromConfig("XML"));

        assertEquals("Unknown report format 'XML'; valid values are: sarif, json, checkstyle, junit, gitlab, html "
                + "(or all); the formats that write XML files are checkstyle (checkstyle-result.xml), junit "
                + "(TEST-sqlguard.xml)", e.getMessage());
    }

    @Test
    void readsListsWithCommasAndAll() {
        assertEquals(EnumSet.of(ReportFormat.SARIF, ReportFormat.GITLAB),
                ReportFormat.fromConfig(List.of("gitlab,sarif", " ")));
        assertEquals(EnumSet.allOf(ReportFormat.class), ReportFormat.fromConfig(List.of("ALL")));
        assertEquals(EnumSet.allOf(ReportFormat.class), ReportFormat.fromConfig((List<String>) null));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.fromConfig(List.of("sarif,pdf")));
    }

    @Test
    void anEmptyListIsRefusedWithTheValidValues() {
        for (List<String> empty : List.of(List.<String>of(), List.of(""), List.of(" , "))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ReportFormat.fromConfig(empty));
            assertTrue(e.getMessage().contains("valid values are: sarif, json"), e.getMessage());
        }
    }

    @Test
    void writesTheChosenFormatsIntoAMissingDirectory() throws IOException {
        Path target = dir.resolve("target/sqlguard");

        List<Path> written = ReportFiles.writeAll(SampleRun.data(Severity.ERROR), target,
                Set.of(ReportFormat.JUNIT, ReportFormat.SARIF));

        assertEquals(List.of(target.resolve("sqlguard.sarif"), target.resolve("TEST-sqlguard.xml")), written);
        assertTrue(Files.readString(written.get(1), StandardCharsets.UTF_8).contains("mïgrations 2/V3__prix €"), "UTF-8");
        assertEquals(2, Files.list(target).count());
    }

    @Test
    void writesEveryFormatUnderItsFixedName() throws IOException {
        List<Path> written = ReportFiles.writeAll(SampleRun.data(Severity.ERROR), dir, EnumSet.allOf(ReportFormat.class));

        assertEquals(List.of("sqlguard.sarif", "sqlguard.json", "checkstyle-result.xml", "TEST-sqlguard.xml",
                "gl-code-quality-report.json", "sqlguard.html"), written.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : written) {
            assertTrue(Files.size(file) > 0, file::toString);
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedInTheError() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");

        IOException e = assertThrows(IOException.class, () -> ReportFiles.writeAll(SampleRun.data(Severity.ERROR),
                blocker, Set.of(ReportFormat.JSON)));

        assertTrue(e.getMessage().startsWith("Cannot write the json report " + blocker.resolve("sqlguard.json")),
                e.getMessage());
    }
}
