package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class JUnitReportTest {

    @TempDir
    Path dir;

    private Element written(ReportData data) throws IOException {
        Path file = dir.resolve("TEST-sqlguard.xml");
        new JUnitReport().write(data, file);
        return XmlReports.parse(file).getDocumentElement();
    }

    private static Element testcase(Element suite, String path, String name) {
        return XmlReports.children(suite, "testcase").stream()
                .filter(t -> t.getAttribute("classname").equals(path) && t.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no test case " + path + " " + name));
    }

    @Test
    void oneTestCasePerFindingAndOnePassingTestCasePerCleanFile() throws IOException {
        Element suite = written(SampleRun.data(Severity.ERROR));

        assertEquals("testsuite", suite.getTagName());
        assertEquals("sqlguard", suite.getAttribute("name"));
        // 5 findings, and 11 scanned files without any.
        assertEquals("16", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("0.410", suite.getAttribute("time"));
        assertEquals(16, XmlReports.children(suite, "testcase").size());

        Element delete = testcase(suite, SampleRun.V2, "delete-without-where at 3:1");
        List<Element> failures = XmlReports.children(delete, "failure");
        assertEquals(1, failures.size());
        assertEquals("delete-without-where", failures.get(0).getAttribute("type"));
        assertEquals(SampleRun.DELETE.message(), failures.get(0).getAttribute("message"));
        assertTrue(failures.get(0).getTextContent().startsWith(SampleRun.V2
                + ":3:1: ERROR [delete-without-where] DELETE without WHERE removes every row of customers"));

        Element unparsed = testcase(suite, SampleRun.V2, "unparsed-statement at 7:1");
        assertTrue(XmlReports.children(unparsed, "failure").isEmpty(), "the warning is below failOn ERROR");
        String out = XmlReports.children(unparsed, "system-out").get(0).getTextContent();
        assertTrue(out.contains(":7:1: WARNING [unparsed-statement]") && out.contains("(below failOn ERROR)"), out);

        Element cache = testcase(suite, SampleRun.V2, "delete-without-where at 12:1");
        assertTrue(XmlReports.children(cache, "failure").isEmpty());
        String acknowledged = XmlReports.children(cache, "system-out").get(0).getTextContent();
        assertTrue(acknowledged.contains("(acknowledged: cache table, rebuilt nightly)"), acknowledged);

        Element odd = testcase(suite, SampleRun.ODD_PATH, "update-without-where at 5:5");
        assertEquals(SampleRun.NASTY_MESSAGE.replace("\u0001", "\\u0001"),
                XmlReports.children(odd, "failure").get(0).getAttribute("message"));

        Element clean = testcase(suite, "db/V4__clean.sql", JUnitReport.CLEAN_FILE);
        assertTrue(XmlReports.children(clean, "failure").isEmpty());
        assertTrue(XmlReports.children(suite, "testcase").stream()
                .noneMatch(t -> t.getAttribute("classname").equals(SampleRun.V2)
                        && t.getAttribute("name").equals(JUnitReport.CLEAN_FILE)), "V2 has findings");
    }

    @Test
    void threeFindingsInOneFileAreThreeTestCasesAndThreeFailures() throws IOException {
        Finding first = Finding.of("drop-table", Severity.ERROR, new Location("db/V9__x.sql", 1, 1), "a", "", "");
        Finding second = Finding.of("drop-table", Severity.ERROR, new Location("db/V9__x.sql", 2, 1), "b", "", "");
        Finding third = Finding.of("truncate-table", Severity.ERROR, new Location("db/V9__x.sql", 3, 1), "c", "", "");
        Element suite = written(SampleRun.data(List.of(first, second, third), Severity.ERROR));

        assertEquals("3", suite.getAttribute("failures"));
        for (String name : List.of("drop-table at 1:1", "drop-table at 2:1", "truncate-table at 3:1")) {
            assertEquals(1, XmlReports.children(testcase(suite, "db/V9__x.sql", name), "failure").size(), name);
        }
    }

    @Test
    void failOnWarningAlsoFailsOnTheWarning() throws IOException {
        Element suite = written(SampleRun.data(Severity.WARNING));

        assertEquals(1, XmlReports.children(testcase(suite, SampleRun.V2, "unparsed-statement at 7:1"), "failure")
                .size());
        assertEquals("3", suite.getAttribute("failures"), "one per failing finding");
    }

    @Test
    void failOnNoneHasNoFailures() throws IOException {
        Element suite = written(SampleRun.data(null));

        assertEquals("0", suite.getAttribute("failures"));
        assertTrue(XmlReports.children(testcase(suite, SampleRun.ODD_PATH, "update-without-where at 5:5"), "failure")
                .isEmpty());
    }
}
