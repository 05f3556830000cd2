package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A hint shows the acknowledgement in the syntax of the file the finding points into. */
class AcknowledgementHintsTest {

    private static final String HINT = "Add a WHERE clause, or acknowledge it: -- sqlguard:allow delete-without-where"
            + " reason: <why>";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "db/V1__x.sql | Add a WHERE clause, or acknowledge it: -- sqlguard:allow delete-without-where reason: <why>",
        "db/changelog.xml | Add a WHERE clause, or acknowledge it: <!-- sqlguard:allow delete-without-where reason:"
                + " <why> --> before the change, or in the changeset's <comment>",
        "db/changelog.YAML | Add a WHERE clause, or acknowledge it: # sqlguard:allow delete-without-where reason:"
                + " <why> above the change, or in the changeset's comment:",
        "db/changelog.json | Add a WHERE clause, or acknowledge it: \"comment\": \"sqlguard:allow delete-without-where"
                + " reason: <why>\" in the changeset",
    })
    void theAcknowledgementIsWrittenAsTheFileWritesComments(String path, String expected) {
        assertEquals(expected, AcknowledgementHints.inFileSyntax(HINT, path));
    }

    @Test
    void aHintWithoutAnAcknowledgementStaysAsItIs() {
        assertEquals("Fix the XML.", AcknowledgementHints.inFileSyntax("Fix the XML.", "changelog.xml"));
    }

    @Test
    void findingsOfAnXmlChangelogShowTheXmlComment(@TempDir Path project) throws Exception {
        Path changelogs = Files.createDirectories(project.resolve("db"));
        Files.writeString(changelogs.resolve("changelog.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <delete tableName="customers"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<Finding> findings = new Linter().run(LintConfig.defaults(project, List.of(Path.of("db")))).findings()
                .stream().filter(finding -> finding.severity() == Severity.ERROR).toList();
        assertEquals(List.of("delete-without-where"), findings.stream().map(Finding::ruleId).toList());
        assertEquals(true, findings.get(0).hint().endsWith("acknowledge it: <!-- sqlguard:allow delete-without-where"
                + " reason: <why> --> before the change, or in the changeset's <comment>"), findings.get(0).hint());
    }
}
