package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class CheckstyleReportTest {

    @TempDir
    Path dir;

    private Element written(ReportData data) throws IOException {
        Path file = dir.resolve("a/checkstyle-result.xml");
        new CheckstyleReport().write(data, file);
        return XmlReports.parse(file).getDocumentElement();
    }

    @Test
    void everyScannedFileIsListedAndOpenFindingsAreErrors() throws IOException {
        Element root = written(SampleRun.data(Severity.ERROR));

        assertEquals("checkstyle", root.getTagName());
        assertEquals("0.1.0-SNAPSHOT", root.getAttribute("version"));
        List<Element> files = XmlReports.children(root, "file");
        assertEquals(14, files.size());
        Element odd = files.stream().filter(f -> f.getAttribute("name").equals(SampleRun.ODD_PATH))
                .findFirst().orElseThrow();
        Element update = XmlReports.children(odd, "error").get(0);
        assertEquals("5", update.getAttribute("line"));
        assertEquals("5", update.getAttribute("column"));
        assertEquals("error", update.getAttribute("severity"));
        assertEquals("sqlguard.update-without-where", update.getAttribute("source"));
        // The control character cannot exist in XML 1.0 and is written visibly; everything else survives.
        assertEquals(SampleRun.NASTY_MESSAGE.replace("\u0001", "\\u0001"), update.getAttribute("message"));
    }

    @Test
    void acknowledgedFindingsAreLeftOut() throws IOException {
        List<Element> files = XmlReports.children(written(SampleRun.data(Severity.ERROR)), "file");

        Element v1 = files.stream().filter(f -> f.getAttribute("name").equals("db/V1__init.sql")).findFirst().orElseThrow();
        assertEquals(0, XmlReports.children(v1, "error").size(), "only acknowledged findings there");
        Element v2 = files.stream().filter(f -> f.getAttribute("name").equals(SampleRun.V2)).findFirst().orElseThrow();
        List<Element> errors = XmlReports.children(v2, "error");
        assertEquals(List.of("3:error:sqlguard.delete-without-where", "7:warning:sqlguard.unparsed-statement"),
                errors.stream().map(e -> e.getAttribute("line") + ":" + e.getAttribute("severity") + ":"
                        + e.getAttribute("source")).toList());
    }
}
