package io.github.sqlguard.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaselineTest {

    @TempDir
    Path dir;

    /** Findings with the statement text each stands on, as the lead's statementTextOf would look them up. */
    final Map<Finding, String> statements = new HashMap<>();

    Finding finding(String rule, String path, int line, String sql) {
        Finding finding = Finding.of(rule, Severity.ERROR, new Location(path, line, 1), "m", "h",
                sql.lines().findFirst().orElse(""));
        statements.put(finding, sql);
        return finding;
    }

    String textOf(Finding finding) {
        return statements.get(finding);
    }

    @Test
    void writtenFileIsSortedOneEntryPerLineAndReadsBack() throws IOException {
        List<Finding> findings = List.of(
                finding("delete-without-where", "db/V2__b.sql", 3, "DELETE FROM b"),
                finding("drop-table", "db/V1__a.sql", 9, "DROP TABLE \"quoted\"\n  CASCADE"),
                finding("delete-without-where", "db/V1__a.sql", 4, "DELETE FROM a"),
                finding("delete-without-where", "db/V1__a.sql", 7, "delete  from A"));
        Path file = dir.resolve("sub/sqlguard-baseline.json");
        Baseline.of(findings, this::textOf).write(file);
        List<String> lines = Files.readAllLines(file);
        String a = Fingerprint.of("delete-without-where", "db/V1__a.sql", "DELETE FROM a");
        String drop = Fingerprint.of("drop-table", "db/V1__a.sql", "DROP TABLE \"quoted\"\n  CASCADE");
        String b = Fingerprint.of("delete-without-where", "db/V2__b.sql", "DELETE FROM b");
        assertEquals(List.of(
                "{",
                "  \"version\": 1,",
                "  \"entries\": [",
                "    {\"file\": \"db/V1__a.sql\", \"rule\": \"delete-without-where\", \"fingerprint\": \"" + a
                        + "\", \"count\": 2, \"statement\": \"DELETE FROM a\"},",
                "    {\"file\": \"db/V1__a.sql\", \"rule\": \"drop-table\", \"fingerprint\": \"" + drop
                        + "\", \"count\": 1, \"statement\": \"DROP TABLE \\\"quoted\\\"\"},",
                "    {\"file\": \"db/V2__b.sql\", \"rule\": \"delete-without-where\", \"fingerprint\": \"" + b
                        + "\", \"count\": 1, \"statement\": \"DELETE FROM b\"}",
                "  ]",
                "}"), lines);
        Baseline read = Baseline.read(file);
        assertEquals(Baseline.of(findings, this::textOf).entries(), read.entries());
        assertEquals("sqlguard-baseline.json", read.name());
    }

    @Test
    void emptyBaselineRoundTrips() throws IOException {
        Path file = dir.resolve("sqlguard-baseline.json");
        Baseline.write(file, List.of());
        assertEquals("{\n  \"version\": 1,\n  \"entries\": []\n}\n", Files.readString(file));
        assertTrue(Baseline.read(file).entries().isEmpty());
    }

    @Test
    void matchingFindingsAreAcknowledgedEvenAfterReformattingAndMovingLines() {
        Baseline baseline = Baseline.of(List.of(finding("delete-without-where", "db/V1__a.sql", 3, "DELETE FROM a")),
                this::textOf);
        Finding moved = finding("delete-without-where", "db/V1__a.sql", 40, "delete\n  from   A;");
        BaselineMatch match = baseline.apply(List.of(moved), this::textOf);
        assertEquals(new Acknowledgement(Acknowledgement.Source.BASELINE, "in baseline sqlguard-baseline.json",
                "sqlguard-baseline.json"), match.findings().get(0).acknowledgement());
        assertTrue(match.stale().isEmpty());
    }

    @Test
    void newFindingAndTheSameStatementInAnotherFileStay() {
        Baseline baseline = Baseline.of(List.of(finding("delete-without-where", "db/V1__a.sql", 3, "DELETE FROM a")),
                this::textOf);
        List<Finding> now = List.of(
                finding("delete-without-where", "db/V1__a.sql", 3, "DELETE FROM a"),
                finding("delete-without-where", "db/V1__a.sql", 5, "DELETE FROM b"),
                finding("delete-without-where", "db/V9__copy.sql", 3, "DELETE FROM a"));
        List<Finding> result = baseline.apply(now, this::textOf).findings();
        assertTrue(result.get(0).isAcknowledged());
        assertFalse(result.get(1).isAcknowledged(), "a new statement");
        assertFalse(result.get(2).isAcknowledged(), "the same statement in another file");
    }

    @Test
    void aStaleEntryNamesWhereItsStatementMovedButStillDoesNotAcceptIt() {
        Baseline baseline = Baseline.of(List.of(
                finding("delete-without-where", "src/main/resources/db/migration/V2__old.sql", 1, "DELETE FROM audit"),
                finding("drop-column", "src/main/resources/db/migration/V2__old.sql", 2,
                        "ALTER TABLE orders DROP COLUMN legacy")), this::textOf);
        List<Finding> now = List.of(
                finding("delete-without-where", "src/main/resources/db/migration/old/V2__old.sql", 1,
                        "delete from audit ;"),
                finding("drop-column", "src/main/resources/db/migration/old/V2__old.sql", 2,
                        "ALTER TABLE orders DROP COLUMN legacy_code"));

        BaselineMatch match = baseline.apply(now, this::textOf);

        assertFalse(match.findings().get(0).isAcknowledged(), "a moved script is new to the baseline");
        List<String> messages = match.staleFindings("sqlguard-baseline.json").stream().map(Finding::message).toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).endsWith("matches no current finding; the same statement now stands at"
                + " src/main/resources/db/migration/old/V2__old.sql:1:1, where the baseline does not cover it (it"
                + " records the file): if the script only moved, run the baseline goal again"), messages.get(0));
        assertTrue(messages.get(1).endsWith("matches no current finding"), "a changed statement did not move: "
                + messages.get(1));
    }

    @Test
    void anEntryAcceptsAsManyIdenticalStatementsAsItCounts() {
        Finding first = finding("delete-without-where", "db/V1__a.sql", 3, "DELETE FROM a");
        Baseline baseline = Baseline.of(List.of(first), this::textOf);
        Finding second = finding("delete-without-where", "db/V1__a.sql", 8, "DELETE FROM a");
        List<Finding> result = baseline.apply(List.of(second, first), this::textOf).findings();
        assertEquals(second, result.get(0), "the later copy is the new one and stays");
        assertTrue(result.get(1).isAcknowledged());
    }

    @Test
    void entriesNoLongerMatchedAreStaleWithTheUnmatchedCount() {
        Baseline baseline = new Baseline(List.of(
                new BaselineEntry("db/V1__a.sql", "delete-without-where",
                        Fingerprint.of("delete-without-where", "db/V1__a.sql", "DELETE FROM a"), 3, "DELETE FROM a"),
                new BaselineEntry("db/V1__a.sql", "drop-table", "0000000000000000", 1, "DROP TABLE gone")),
                "sqlguard-baseline.json");
        BaselineMatch match = baseline.apply(List.of(finding("delete-without-where", "db/V1__a.sql", 3,
                "DELETE FROM a")), this::textOf);
        assertTrue(match.findings().get(0).isAcknowledged());
        assertEquals(List.of(2, 1), match.stale().stream().map(BaselineEntry::count).toList());
        List<Finding> info = match.staleFindings("sqlguard-baseline.json");
        assertEquals("stale-baseline-entry", info.get(1).ruleId());
        assertEquals(Severity.INFO, info.get(1).severity());
        assertEquals("Baseline entry for drop-table in db/V1__a.sql (0000000000000000) matches no current finding",
                info.get(1).message());
        assertTrue(info.get(0).message().contains(", 2 statements)"), info.get(0).message());
    }

    @Test
    void staleEntriesReadFromAFileAreLocatedAtTheirLine() throws IOException {
        Path file = dir.resolve("sqlguard-baseline.json");
        Baseline.write(file, List.of(new BaselineEntry("a.sql", "drop-table", "01", 1, ""),
                new BaselineEntry("b.sql", "drop-table", "02", 1, "")));
        List<Finding> stale = Baseline.read(file).apply(List.of(), this::textOf)
                .staleFindings("sqlguard-baseline.json");
        assertEquals(List.of(new Location("sqlguard-baseline.json", 4, 1),
                new Location("sqlguard-baseline.json", 5, 1)),
                stale.stream().map(Finding::location).toList());
    }

    @Test
    void acknowledgedFindingsNeitherEnterTheBaselineNorUseIt() {
        Acknowledgement inline = new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT, "r", "db/V1__a.sql:2");
        Finding acknowledged = finding("delete-without-where", "db/V1__a.sql", 3, "DELETE FROM a").acknowledged(inline);
        statements.put(acknowledged, "DELETE FROM a");
        assertTrue(Baseline.of(List.of(acknowledged), this::textOf).entries().isEmpty());
        Baseline baseline = Baseline.of(List.of(finding("delete-without-where", "db/V1__a.sql", 3, "DELETE FROM a")),
                this::textOf);
        BaselineMatch match = baseline.apply(List.of(acknowledged), this::textOf);
        assertEquals(inline, match.findings().get(0).acknowledgement());
        assertEquals(1, match.stale().size());
    }

    @Test
    void findingWithoutStatementIsFingerprintedByRuleAndFile() {
        Finding unreadable = Finding.of("unreadable-file", Severity.ERROR, new Location("db/blob.sql", 1, 1), "m", "h",
                "");
        Baseline baseline = Baseline.of(List.of(unreadable), finding -> null);
        assertEquals(1, baseline.entries().size());
        assertTrue(baseline.apply(List.of(unreadable), finding -> null).findings().get(0).isAcknowledged());
    }

    @Test
    void duplicateEntriesInAHandMergedFileAddUp() throws IOException {
        Path file = dir.resolve("sqlguard-baseline.json");
        Files.writeString(file, """
                {"version": 1, "entries": [
                  {"file": "a.sql", "rule": "drop-table", "fingerprint": "ab", "count": 1},
                  {"file": "a.sql", "rule": "drop-table", "fingerprint": "ab", "count": 1},
                  {"file": "a.sql", "rule": "drop-table", "fingerprint": "ab", "count": 2, "statement": "x",
                   "future": {"field": [true, null, 1.5]}}
                ]}
                """);
        List<BaselineEntry> entries = Baseline.read(file).entries();
        assertEquals(1, entries.size());
        assertEquals(4, entries.get(0).count());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"version\": 1, \"entries\": [\\n  {\"file\": \"a\" \"rule\": \"r\"}]}|:2:16: expected ',' or '}'",
        "{\"version\": 1,\\n \"entries\": [\\n  {\"file\": \"a\", \"rule\": \"r\"}]}|:3: baseline entry 1 has no \"fingerprint\" text",
        "{\"version\": 2, \"entries\": []}|:1: baseline version 2 is not supported",
        "{\"entries\": []}|:1: the baseline has no \"version\"",
        "{\"version\": 1}|:1: the baseline has no \"entries\" array",
        "[]|:1: the baseline must be a JSON object",
        "{\"version\": 1, \"entries\": [\\n\\n{\"file\": \"a\", \"rule\": \"r\", \"fingerprint\": \"f\", \"count\": 0}]}|:3: baseline entry 1 has \"count\": 0",
        "{\"version\": 1, \"entries\": [\\n{\"file\": \"a\", \"rule\": \"r\", \"fingerprint\": \"f\", \"count\": \"2\"}]}|:2: baseline entry 1 has \"count\": 2",
        "{\"version\": 1, \"entries\": [] } trailing|:1:32: unexpected text after the end",
        "{\"version\": 1, \"entries\": [\"unterminated]}|:1:28: unterminated string",
        "|:1:1: unexpected end of file",
    })
    void malformedFileIsRejectedNamingFileAndLine(String content, String expected) throws IOException {
        Path file = dir.resolve("sqlguard-baseline.json");
        Files.writeString(file, content == null ? "" : content.replace("\\n", "\n"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Baseline.read(file));
        assertTrue(error.getMessage().startsWith("Malformed baseline " + file + expected), error.getMessage());
    }

    @Test
    void missingFileSaysHowToCreateIt() {
        NoSuchFileException error = assertThrows(NoSuchFileException.class,
                () -> Baseline.read(dir.resolve("nope.json")));
        assertTrue(error.getMessage().contains("create it with the baseline goal"), error.getMessage());
    }
}
