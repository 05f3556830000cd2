package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** {@code sqlguard.html}: well-formed XHTML, every finding on it, nothing from a script interpreted as markup. */
class HtmlReportTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /** Parses the page as XML with the JDK parser: anything not well-formed throws. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document page, String name) {
        NodeList nodes = page.getElementsByTagNameNS(XHTML, name);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static String texts(Document page, String name) {
        return elements(page, name).stream().map(Node::getTextContent).collect(Collectors.joining("\n"));
    }

    @Test
    void isWellFormedXhtmlWithTheVerdictAndSummary() throws Exception {
        Document page = parse(new HtmlReport().text(SampleRun.data(Severity.ERROR)));

        assertEquals("html", page.getDocumentElement().getLocalName());
        assertEquals(XHTML, page.getDocumentElement().getNamespaceURI());
        assertTrue(texts(page, "p").contains("The build fails: 2 findings at or above ERROR"), texts(page, "p"));
        String summary = texts(page, "table");
        assertTrue(summary.contains("Errors2"), summary);
        assertTrue(summary.contains("Acknowledged2"), summary);
        assertTrue(summary.contains("Files scanned14"), summary);
        assertTrue(summary.contains("Statements analysed230"), summary);
        assertEquals(0, elements(page, "script").size());
    }

    @Test
    void groupsOpenFindingsByFileWithTheirSourceLineAndCaret() throws Exception {
        Document page = parse(new HtmlReport().text(SampleRun.data(Severity.ERROR)));

        List<String> files = elements(page, "h3").stream().map(Node::getTextContent).toList();
        assertEquals(List.of(SampleRun.ODD_PATH + " (1 finding)", SampleRun.V2 + " (2 findings)"), files);
        String code = texts(page, "pre");
        assertTrue(code.contains("3 | DELETE FROM customers;\n  | ^"), code);
        assertTrue(code.contains("5 | \t\t  UPDATE prix SET p = 0;\n  | \t\t  ^"), code);
        assertTrue(code.contains("7 | DROP TABLE t PURGE;\n"), "the CRLF is dropped: " + code);
        assertTrue(texts(page, "div").contains("(fails the build)"));
    }

    @Test
    void listsAcknowledgedFindingsWithTheirReasonsAndDocumentsTheRulesFound() throws Exception {
        Document page = parse(new HtmlReport().text(SampleRun.data(Severity.ERROR)));

        String tables = texts(page, "td");
        assertTrue(tables.contains("cache table, rebuilt nightly"), tables);
        assertTrue(tables.contains("applied before sqlguard was adopted"), tables);
        assertTrue(tables.contains("sqlguard:allow comment"), tables);
        List<String> documented = elements(page, "dt").stream().map(dt -> dt.getAttribute("id")).toList();
        assertTrue(documented.containsAll(List.of("rule-delete-without-where", "rule-update-without-where",
                "rule-drop-table", "rule-unparsed-statement")), documented.toString());
        assertTrue(texts(page, "dd").contains("A DELETE without WHERE removes every row of the table."));
        assertTrue(texts(page, "li").contains("1 stale baseline entry"));
    }

    @Test
    void escapesEverythingTakenFromScripts() throws Exception {
        String hostile = "</pre><script>alert('x')</script><img src=x onerror=alert(1)> & \"q\"";
        Finding finding = Finding.of("delete-without-where", Severity.ERROR,
                new Location("db/<b>V1</b>__\"x\".sql", 1, 1), hostile, hostile, hostile);
        Finding acknowledged = Finding.of("drop-table", Severity.ERROR, new Location("db/V2.sql", 2, 1),
                "drop", "", "DROP TABLE t;").acknowledged(new Acknowledgement(Acknowledgement.Source.INLINE_COMMENT,
                        hostile + "\u0001\u001b[31m", "db/V2.sql:1"));
        ReportData data = new ReportData(List.of(finding, acknowledged), SampleRun.RULES, List.of(), 2, null, "1",
                Severity.ERROR, location -> java.util.Optional.of(hostile + "\u001b"), List.of(hostile));

        String html = new HtmlReport().text(data);
        Document page = parse(html);

        assertEquals(0, elements(page, "script").size());
        assertEquals(0, elements(page, "img").size());
        assertEquals(0, elements(page, "b").size());
        assertFalse(html.contains("<script>"));
        assertTrue(texts(page, "pre").contains(hostile + "?"), "shown as text, ESC made visible");
        assertTrue(texts(page, "h3").contains("db/<b>V1</b>__\"x\".sql"));
        assertTrue(texts(page, "td").contains(hostile + "\\u0001\\u001B[31m"), "control characters are shown as "
                + "escapes in the reason: " + texts(page, "td"));
    }

    @Test
    void aCleanRunSaysItPasses() throws Exception {
        Document page = parse(new HtmlReport().text(SampleRun.data(List.of(), Severity.ERROR)));

        assertTrue(texts(page, "p").contains("The build passes."));
        assertTrue(texts(page, "p").contains("No open findings."));
        assertEquals(1, elements(page, "details").size(), "the catalogue is folded away");
    }
}
