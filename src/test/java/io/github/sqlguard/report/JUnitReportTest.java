package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static Element testcase(Element suite, String path) {
        return XmlReports.children(suite, "testcase").stream()
                .filter(t -> t.getAttribute("name").equals(path)).findFirst().orElseThrow();
    }

    @Test
    void oneTestCasePerFileAndOneFailurePerFailingFinding() throws IOException {
        Element suite = written(SampleRun.data(Severity.ERROR));

        assertEquals("testsuite", suite.getTagName());
        assertEquals("sqlguard", suite.getAttribute("name"));
        assertEquals("14", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("0.410", suite.getAttribute("time"));
        assertEquals(14, XmlReports.children(suite, "testcase").size());

        Element v2 = testcase(suite, SampleRun.V2);
        assertEquals("sqlguard", v2.getAttribute("classname"));
        List<Element> failures = XmlReports.children(v2, "failure");
        assertEquals(1, failures.size(), "the warning is below failOn ERROR, the cache DELETE is acknowledged");
        assertEquals("delete-without-where", failures.get(0).getAttribute("type"));
        assertEquals(SampleRun.DELETE.message(), failures.get(0).getAttribute("message"));
        assertTrue(failures.get(0).getTextContent().startsWith(SampleRun.V2
                + ":3:1: ERROR [delete-without-where] DELETE without WHERE removes every row of customers"));
        String out = XmlReports.children(v2, "system-out").get(0).getTextContent();
        assertTrue(out.contains(":7:1: WARNING [unparsed-statement]"), out);
        assertTrue(out.contains(":12:1: ERROR [delete-without-where] DELETE without WHERE removes every row of cache"
                + "\n  hint: " + SampleRun.DELETE_HINT + " (acknowledged: cache table, rebuilt nightly)"), out);

        Element odd = testcase(suite, SampleRun.ODD_PATH);
        assertEquals(SampleRun.NASTY_MESSAGE.replace("\u0001", "\\u0001"),
                XmlReports.children(odd, "failure").get(0).getAttribute("message"));
        assertTrue(XmlReports.children(testcase(suite, "db/V4__clean.sql"), "failure").isEmpty());
    }

    @Test
    void failOnWarningAlsoFailsOnTheWarning() throws IOException {
        Element suite = written(SampleRun.data(Severity.WARNING));

        assertEquals(2, XmlReports.children(testcase(suite, SampleRun.V2), "failure").size());
        assertEquals("2", suite.getAttribute("failures"), "failing test cases, not failure elements");
    }

    @Test
    void failOnNoneHasNoFailures() throws IOException {
        Element suite = written(SampleRun.data(null));

        assertEquals("0", suite.getAttribute("failures"));
        assertTrue(XmlReports.children(testcase(suite, SampleRun.ODD_PATH), "failure").isEmpty());
    }
}
