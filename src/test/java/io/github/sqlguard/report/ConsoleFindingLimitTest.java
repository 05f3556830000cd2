package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.report.ConsoleLine.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build log shows a limited number of findings per rule and counts the rest; the counts stay complete. */
class ConsoleFindingLimitTest {

    private static List<Finding> findings(String rule, Severity severity, int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            findings.add(Finding.of(rule, severity, new Location("db/V" + i + "__x.sql", 1, 1), rule + " " + i, "",
                    ""));
        }
        return findings;
    }

    @Test
    void atMostTheLimitOfEachRuleIsShownAndTheRestIsCounted() {
        List<Finding> all = new ArrayList<>(findings("delete-without-where", Severity.ERROR, 5));
        all.addAll(findings("drop-column", Severity.WARNING, 2));
        all.add(Finding.of("drop-table", Severity.ERROR, new Location("db/V9__x.sql", 1, 1), "acknowledged", "", "")
                .acknowledged(new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT, "why", "db/V9__x.sql:1")));
        ReportData data = SampleRun.data(all, Severity.ERROR);

        List<ConsoleLine> lines = new ConsoleReport().lines(data, 2);

        List<String> headlines = lines.stream().map(ConsoleLine::text).filter(t -> t.startsWith("db/")).toList();
        assertEquals(List.of("db/V1__x.sql:1:1: [delete-without-where] delete-without-where 1",
                "db/V1__x.sql:1:1: [drop-column] drop-column 1",
                "db/V2__x.sql:1:1: [delete-without-where] delete-without-where 2",
                "db/V2__x.sql:1:1: [drop-column] drop-column 2",
                "db/V9__x.sql:1:1: [drop-table] acknowledged (acknowledged: why)"), headlines);
        assertEquals(List.of(new ConsoleLine(Level.ERROR, "sqlguard: 3 more delete-without-where findings are not"
                + " shown here; the report files list every finding (maxConsoleFindingsPerRule=2)")),
                lines.stream().filter(l -> l.text().contains(" more ")).toList());
        assertEquals(lines.get(lines.size() - 1), new ConsoleReport().summary(data),
                "the summary still counts every finding");
        assertEquals(5, data.counts().errors());
    }

    @Test
    void theMostSevereFindingsOfARuleAreShownWhenSomeAreLeftOut() {
        List<Finding> all = new ArrayList<>(findings("update-without-where", Severity.INFO, 3));
        all.add(Finding.of("update-without-where", Severity.ERROR, new Location("db/V8__x.sql", 34, 1), "unguarded",
                "", ""));
        ReportData data = SampleRun.data(all, Severity.ERROR);

        List<ConsoleLine> lines = new ConsoleReport().lines(data, 2);

        List<String> headlines = lines.stream().map(ConsoleLine::text).filter(t -> t.startsWith("db/")).toList();
        assertEquals(List.of("db/V1__x.sql:1:1: [update-without-where] update-without-where 1",
                "db/V8__x.sql:34:1: [update-without-where] unguarded"), headlines,
                "the error that fails the build is shown, in file order, before any further INFO finding");
        assertEquals(List.of(new ConsoleLine(Level.INFO, "sqlguard: 2 more update-without-where findings are not"
                + " shown here; the report files list every finding (maxConsoleFindingsPerRule=2)")),
                lines.stream().filter(l -> l.text().contains(" more ")).toList());
    }

    @Test
    void zeroShowsNoFindingButCountsThemAll() {
        ReportData data = SampleRun.data(findings("drop-column", Severity.WARNING, 1), Severity.ERROR);

        List<ConsoleLine> lines = new ConsoleReport().lines(data, 0);

        assertEquals(new ConsoleLine(Level.WARNING, "sqlguard: 1 more drop-column finding is not shown here;"
                + " the report files list every finding (maxConsoleFindingsPerRule=0)"), lines.get(0));
        assertEquals(3, lines.size(), "the count, the sample run's note and the summary: " + lines);
    }
}
