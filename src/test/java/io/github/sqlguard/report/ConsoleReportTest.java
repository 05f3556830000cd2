package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.report.ConsoleLine.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleReportTest {

    private final ConsoleReport report = new ConsoleReport();

    @Test
    void openFindingIsCompilerStyleWithSourceLineCaretAndHint() {
        List<ConsoleLine> lines = report.lines(SampleRun.data(List.of(SampleRun.DELETE), Severity.ERROR));

        assertEquals(List.of(
                new ConsoleLine(Level.ERROR, "src/main/resources/db/migration/V2__close_acme.sql:3:1: "
                        + "[delete-without-where] DELETE without WHERE removes every row of customers"),
                new ConsoleLine(Level.ERROR, "    DELETE FROM customers;"),
                new ConsoleLine(Level.ERROR, "    ^"),
                new ConsoleLine(Level.ERROR, "    hint: " + SampleRun.DELETE_HINT)),
                lines.subList(0, 4));
    }

    @Test
    void aHintIsPrintedOnceForFindingsThatShareIt() {
        Finding second = Finding.of("delete-without-where", Severity.ERROR, new Location(SampleRun.V2, 9, 1),
                "DELETE without WHERE removes every row of orders", SampleRun.DELETE_HINT, "DELETE FROM orders;");
        List<ConsoleLine> lines = report.lines(SampleRun.data(List.of(SampleRun.DELETE, second, SampleRun.UPDATE),
                Severity.ERROR));

        List<String> texts = lines.stream().map(ConsoleLine::text).toList();
        List<String> hints = texts.stream().filter(text -> text.startsWith("    hint: ")).sorted().toList();
        assertEquals(List.of("    hint: add a WHERE clause", "    hint: " + SampleRun.DELETE_HINT), hints);
        int secondAt = texts.indexOf(SampleRun.V2 + ":9:1: [delete-without-where] DELETE without WHERE removes every"
                + " row of orders");
        assertEquals(List.of("    DELETE FROM orders;", "    ^"), texts.subList(secondAt + 1, secondAt + 3));
    }

    @Test
    void caretAfterTabsKeepsTheTabsAndMessageStaysOnOneLine() {
        List<ConsoleLine> lines = report.lines(SampleRun.data(List.of(SampleRun.UPDATE), Severity.ERROR));

        assertEquals(new ConsoleLine(Level.ERROR, "db/mïgrations 2/V3__prix €.sql:5:5: [update-without-where] "
                + "UPDATE \"prix\" <&> 'x' second line\\u0001 50% done: a, b"), lines.get(0));
        assertEquals("    \t\t  UPDATE prix SET p = 0;", lines.get(1).text());
        assertEquals("    \t\t  ^", lines.get(2).text());
    }

    @Test
    void warningWithoutHintEndsAtCaretAndDropsTheLineBreakOfTheSource() {
        List<ConsoleLine> lines = report.lines(SampleRun.data(List.of(SampleRun.UNPARSED), Severity.ERROR));

        assertEquals(List.of(
                new ConsoleLine(Level.WARNING, SampleRun.V2 + ":7:1: [unparsed-statement] "
                        + "JSqlParser could not parse this statement: Encountered \"PURGE\""),
                new ConsoleLine(Level.WARNING, "    DROP TABLE t PURGE;"),
                new ConsoleLine(Level.WARNING, "    ^"),
                new ConsoleLine(Level.WARNING, "sqlguard: 1 stale baseline entry: db/V0__gone.sql drop-table"),
                new ConsoleLine(Level.WARNING,
                        "sqlguard: 0 errors, 1 warning, 0 info, 0 acknowledged in 14 files (230 statements) in 0.41 s")),
                lines);
    }

    @Test
    void controlCharactersCannotDriveTheTerminalNorShiftTheCaret() {
        Finding finding = Finding.of("r", Severity.ERROR, new Location("a.sql", 1, 13), "name \u001B[31mred", "", "");
        ReportData data = new ReportData(List.of(finding), List.of(), List.of("a.sql"), 1, Duration.ZERO, "1",
                Severity.ERROR, location -> Optional.of("\u001B[2J\tx = 1; DELETE FROM t;"), List.of());

        List<ConsoleLine> lines = report.lines(data);

        assertEquals("a.sql:1:13: [r] name \\u001B[31mred", lines.get(0).text());
        assertEquals("    ?[2J\tx = 1; DELETE FROM t;", lines.get(1).text());
        assertEquals("    " + " ".repeat(4) + "\t" + " ".repeat(7) + "^", lines.get(2).text());
    }

    @Test
    void aDumpedLineIsCutAroundTheFindingWithTheCaretUnderIt() {
        String line = "INSERT INTO menu VALUES ('" + "名".repeat(4000) + "'); DELETE FROM menu;";
        int column = line.indexOf("DELETE") + 1;
        Finding finding = Finding.of("delete-without-where", Severity.ERROR, new Location("V3.sql", 1, column),
                "DELETE without WHERE", "", "");
        ReportData data = new ReportData(List.of(finding), List.of(), List.of("V3.sql"), 1, Duration.ZERO, "1",
                Severity.ERROR, location -> Optional.of(line + "\n"), List.of());

        List<ConsoleLine> lines = report.lines(data);

        String shown = lines.get(1).text();
        assertTrue(shown.startsWith("    ...名名") && shown.endsWith("'); DELETE FROM menu;"), shown);
        // 56 wide characters and "'); " kept before DELETE: two cells each for the characters.
        assertEquals("    " + " ".repeat(3 + 2 * 56 + 4) + "^", lines.get(2).text());
    }

    @Test
    void withoutSourceLineTheExcerptCarriesTheCaret() {
        Finding finding = Finding.of("drop-table", Severity.INFO, new Location("a.sql", 9, 17), "DROP TABLE t",
                "", "DROP TABLE t;");

        List<ConsoleLine> lines = report.lines(SampleRun.data(List.of(finding), null));

        assertEquals(new ConsoleLine(Level.INFO, "    DROP TABLE t;"), lines.get(1));
        assertEquals(new ConsoleLine(Level.INFO, "    ^"), lines.get(2));
    }

    @Test
    void fullRunListsOpenFindingsThenAcknowledgedThenNotesThenSummary() {
        List<ConsoleLine> lines = report.lines(SampleRun.data(Severity.ERROR));

        assertEquals(List.of(
                new ConsoleLine(Level.INFO, "db/V1__init.sql:40:3: [drop-table] DROP TABLE removes the table legacy "
                        + "and its data (acknowledged: applied before sqlguard was adopted)"),
                new ConsoleLine(Level.INFO, SampleRun.V2 + ":12:1: [delete-without-where] DELETE without WHERE "
                        + "removes every row of cache (acknowledged: cache table, rebuilt nightly)"),
                new ConsoleLine(Level.WARNING, "sqlguard: 1 stale baseline entry: db/V0__gone.sql drop-table"),
                new ConsoleLine(Level.ERROR,
                        "sqlguard: 2 errors, 1 warning, 0 info, 2 acknowledged in 14 files (230 statements) in 0.41 s")),
                lines.subList(lines.size() - 4, lines.size()));
        assertEquals(4 + 3 + 4 + 4, lines.size(), "delete 4 + unparsed 3 + update 4 lines, then 4 closing lines");
        assertTrue(lines.get(0).text().startsWith("db/mïgrations 2/"), "sorted by path: " + lines.get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | 1 | 1 | 1 | sqlguard: 1 error, 1 warning, 0 info, 0 acknowledged in 1 file (1 statement) in 1.50 s",
        "0 | 0 | 0 | 0 | sqlguard: 0 errors, 0 warnings, 0 info, 0 acknowledged in 0 files (0 statements) in 1.50 s",
        "3 | 2 | 5 | 7 | sqlguard: 3 errors, 2 warnings, 0 info, 0 acknowledged in 5 files (7 statements) in 1.50 s",
    })
    void summaryPluralisesEveryCount(int errors, int warnings, int files, int statements, String expected) {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < errors; i++) {
            findings.add(Finding.of("r", Severity.ERROR, new Location("f.sql", i + 1, 1), "m", "", ""));
        }
        for (int i = 0; i < warnings; i++) {
            findings.add(Finding.of("w", Severity.WARNING, new Location("f.sql", i + 1, 1), "m", "", ""));
        }
        ReportData data = new ReportData(findings, List.of(), java.util.Collections.nCopies(files, "f.sql"),
                statements, Duration.ofMillis(1504), "1", Severity.ERROR, l -> Optional.empty(), List.of());

        ConsoleLine summary = report.summary(data);

        assertEquals(expected, summary.text());
        assertEquals(errors > 0 ? Level.ERROR : warnings > 0 ? Level.WARNING : Level.INFO, summary.level());
    }

    @Test
    void summaryIsOnlyAWarningWhenNothingFailsTheBuild() {
        assertEquals(Level.WARNING, report.summary(SampleRun.data(null)).level());
    }

    @Test
    void summaryOfOnlyInfoFindingsIsInformation() {
        Finding info = Finding.of("drop-table", Severity.INFO, new Location("f.sql", 1, 1), "m", "", "");
        ReportData data = new ReportData(List.of(info), List.of(), List.of("f.sql"), 1, Duration.ZERO, "1",
                Severity.ERROR, l -> Optional.empty(), List.of());

        ConsoleLine summary = report.summary(data);

        assertEquals(Level.INFO, summary.level(), summary.text());
        assertTrue(summary.text().contains("1 info"), summary.text());
    }

    @ParameterizedTest(name = "{0} ms is {1} s")
    @CsvSource({"0, 0.00", "4, 0.00", "5, 0.01", "100, 0.10", "1234, 1.23", "1995, 2.00", "61005, 61.01"})
    void secondsHaveTwoDecimalsRoundedHalfUp(long millis, String shown) {
        assertEquals(shown, ConsoleReport.seconds(millis));
    }
}
