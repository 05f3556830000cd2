package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlChangelogSafetyTest {

    @TempDir
    Path dir;

    @Test
    void externalEntityIsNeverRead() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP_SECRET_TABLE");
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE databaseChangeLog [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<databaseChangeLog>\n"
                + "  <changeSet id=\"1\" author=\"a\"><dropTable tableName=\"&xxe;\"/></changeSet>\n"
                + "</databaseChangeLog>\n";
        Changelog changelog = XmlChangelogTest.read(xml, LiquibaseOptions.defaults());
        assertEquals(1, changelog.problems().size());
        Finding problem = changelog.problems().get(0);
        assertEquals("malformed-changelog", problem.ruleId());
        assertEquals(Severity.ERROR, problem.severity());
        assertTrue(problem.message().contains("DTD") || problem.message().contains("xxe"), problem.message());
        assertEquals(2, problem.location().line(), "at the DOCTYPE, not past it");
        assertEquals(1, problem.location().column());
        assertFalse(changelog.toString().contains("TOP_SECRET_TABLE"));
        assertTrue(changelog.scripts().isEmpty());
    }

    @Test
    void parameterEntityAndExternalDtdAreNotFetched() throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leaked \"LEAKED_NAME\">");
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE databaseChangeLog SYSTEM \"" + dtd.toUri() + "\" [ <!ENTITY % p SYSTEM \""
                + dtd.toUri() + "\"> %p; ]>\n"
                + "<databaseChangeLog><changeSet id=\"1\" author=\"a\"><dropTable tableName=\"&leaked;\"/>"
                + "</changeSet></databaseChangeLog>\n";
        Changelog changelog = XmlChangelogTest.read(xml, LiquibaseOptions.defaults());
        assertEquals("malformed-changelog", changelog.problems().get(0).ruleId());
        assertEquals(2, changelog.problems().get(0).location().line());
        assertEquals(1, changelog.problems().get(0).location().column());
        assertFalse(changelog.toString().contains("LEAKED_NAME"));
        assertTrue(changelog.scripts().isEmpty());
    }

    @Test
    void malformedXmlGivesAFindingAtTheError() {
        String xml = """
                <databaseChangeLog>
                  <changeSet id="1" author="a">
                    <delete tableName="t">
                  </changeSet>
                </databaseChangeLog>
                """;
        Changelog changelog = XmlChangelogTest.read(xml, LiquibaseOptions.defaults());
        assertEquals(1, changelog.problems().size());
        Finding problem = changelog.problems().get(0);
        assertEquals("malformed-changelog", problem.ruleId());
        assertEquals(4, problem.location().line());
        assertTrue(problem.message().contains("delete"), problem.message());
    }

    @Test
    void aChangelogEndingEarlyIsReportedOnItsLastCharacterNotPastIt() {
        String xml = "<databaseChangeLog>\n  <changeSet id=\"1\" author=\"a\">\n    <sql>DELETE FROM t</sql>\n"
                + "  </changeSet>";
        Changelog changelog = XmlChangelogTest.read(xml, LiquibaseOptions.defaults());
        Finding problem = changelog.problems().get(0);
        assertEquals("malformed-changelog", problem.ruleId());
        assertEquals(4, problem.location().line());
        assertEquals("  </changeSet>".length() + 1, problem.location().column(), problem.toString());
    }

    @Test
    void xmlWithAnotherRootIsNotAChangelog() {
        Changelog changelog = XmlChangelogTest.read("<project><delete tableName=\"t\"/></project>",
                LiquibaseOptions.defaults());
        assertTrue(changelog.scripts().isEmpty());
        assertTrue(changelog.problems().isEmpty());
        assertTrue(changelog.processedFiles().isEmpty());
    }

    @Test
    void byteOrderMarkDoesNotShiftPositions() {
        String xml = "\uFEFF<databaseChangeLog><changeSet id=\"1\" author=\"a\">\n  <dropTable tableName=\"t\"/>"
                + "</changeSet></databaseChangeLog>";
        Changelog changelog = XmlChangelogTest.read(xml, LiquibaseOptions.defaults());
        assertEquals("db/changelog.xml:2:3",
                changelog.scripts().get(0).script().statements().get(0).start().toString());
    }
}
