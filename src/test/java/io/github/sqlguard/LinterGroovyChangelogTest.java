package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groovy DSL changelogs (the Grails database-migration plugin's {@code changelog.groovy}): sqlguard cannot read
 * them, so each is one {@code unchecked-change}, at the include that reaches it or, for one nothing includes, at
 * its own {@code databaseChangeLog} line.
 */
class LinterGroovyChangelogTest {

    private static final String MASTER = """
            import org.apache.log4j.Logger

            /*
             * databaseChangeLog = { is only mentioned here
             */
            databaseChangeLog = {
                include(file: 'release/changelog.xml')
                changeSet(author: "a", id: "1") {
                    sql("DELETE FROM audit")
                }
            }
            """;

    private static final String RELEASE = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
              <include file="release/step.groovy"/>
              <changeSet id="2" author="a"><dropTable tableName="legacy"/></changeSet>
            </databaseChangeLog>
            """;

    @TempDir
    Path project;

    @Test
    void aGroovyChangelogNothingIncludesIsUncheckedAtItsDatabaseChangeLogLine() throws IOException {
        TestProject.write(project, "db/changelog.groovy", MASTER);
        TestProject.write(project, "db/release/changelog.xml", RELEASE);
        TestProject.write(project, "db/release/step.groovy", "databaseChangeLog {\n}\n");

        assertEquals(List.of(
                "db/changelog.groovy:6:1 unchecked-change db/changelog.groovy is a Groovy changelog, which sqlguard"
                        + " does not read: none of its changes were checked, and the XML, YAML, JSON and SQL"
                        + " changelogs it includes were checked on their own, in path order rather than in the order"
                        + " it runs them",
                "db/release/changelog.xml:2:3 unchecked-change db/release/step.groovy is a Groovy changelog, which"
                        + " sqlguard does not read: none of its changes were checked",
                "db/release/changelog.xml:3:32 drop-table DROP TABLE removes table legacy and all its rows"
                        + " (changeset a:2)"),
                findings());
    }

    @Test
    void aGroovyChangelogThatIncludesNothingSaysOnlyThatItsChangesWereNotChecked() throws IOException {
        TestProject.write(project, "db/changelog.groovy", """
                databaseChangeLog {
                    changeSet(author: "a", id: "1") {
                        dropTable(tableName: "audit")
                    }
                }
                """);

        assertEquals(List.of("db/changelog.groovy:1:1 unchecked-change db/changelog.groovy is a Groovy changelog,"
                + " which sqlguard does not read: none of its changes were checked"), findings());
    }

    @Test
    void groovyCodeThatIsNoChangelogIsLeftAlone() throws IOException {
        TestProject.write(project, "db/LiquibaseUtil.groovy", """
                class LiquibaseUtil {
                    // databaseChangeLog = { is what the changelogs assign
                    static String name = "databaseChangeLog"
                }
                """);

        assertEquals(List.of(), findings());
    }

    @Test
    void theUncheckedGroovyChangelogsFingerprintFollowsItsText() throws IOException {
        TestProject.write(project, "db/changelog.groovy", MASTER);
        String before = onlyFinding().fingerprint();
        TestProject.write(project, "db/changelog.groovy", MASTER.replace("DELETE FROM audit", "DROP TABLE audit"));

        assertNotEquals(before, onlyFinding().fingerprint());
    }

    private Finding onlyFinding() {
        List<Finding> findings = TestProject.lint(project, Dialect.AUTO).findings();
        assertEquals(1, findings.size(), findings::toString);
        return findings.get(0);
    }

    private List<String> findings() {
        return TestProject.lint(project, Dialect.AUTO).findings().stream()
                .map(finding -> finding.location() + " " + finding.ruleId() + " " + finding.message()).toList();
    }
}
