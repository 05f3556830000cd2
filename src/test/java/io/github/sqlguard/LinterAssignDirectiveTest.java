package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema-upgrade runner's {@code --ASSIGN:name=column} line sets {@code ${name}}, for the rest of the script, to a
 * value of the result of the statement after it: the placeholder has a value only when the script runs, and a message
 * about it names the directive instead of sending the reader to define a placeholder that no setting can fill.
 */
class LinterAssignDirectiveTest {

    @TempDir
    Path project;

    @Test
    void aConditionSetByTheDirectiveNamesIt() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE node (id bigint PRIMARY KEY, kind int);\n");
        TestProject.write(project, "db/V2__clean.sql", """
                --ASSIGN:stale=cond
                SELECT 'kind = 0' AS cond;
                DELETE FROM node WHERE ${stale};
                """);

        Finding finding = single("unresolved-where");
        assertEquals(3, finding.location().line());
        assertTrue(finding.message().startsWith("${stale} is set only when the script runs, by the --ASSIGN:stale"
                + " at line 1 from the result of the statement after it"), finding.message());
        assertFalse(finding.message().contains("flyway"), finding.message());
    }

    /** The runner takes the latest directive of a name before the statement; one after it sets nothing there. */
    @Test
    void theLatestDirectiveBeforeTheStatementCounts() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE node (id bigint PRIMARY KEY, kind int);\n");
        TestProject.write(project, "db/V2__clean.sql", """
                --ASSIGN:stale=cond
                SELECT 'kind = 0' AS cond;
                --ASSIGN:stale=cond!kind = 1
                SELECT 'kind = 2' AS cond;
                DELETE FROM node WHERE ${stale};
                DELETE FROM node WHERE ${later};
                --ASSIGN:later=cond
                SELECT 'kind = 3' AS cond;
                """);

        List<Finding> findings = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("unresolved-where")).toList();
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("--ASSIGN:stale at line 3 "), findings.get(0).message());
        assertTrue(findings.get(1).message().startsWith("${later} is not among the placeholders"),
                findings.get(1).message());
    }

    /** {@code -- ASSIGN:} with a blank after the dashes, or after code on its line, is a comment to the runner. */
    @Test
    void aDirectiveOnlyCountsAtTheStartOfItsLine() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE node (id bigint PRIMARY KEY, kind int);\n");
        TestProject.write(project, "db/V2__clean.sql", """
                -- ASSIGN:stale=cond
                SELECT 'kind = 0' AS cond; --ASSIGN:stale=cond
                DELETE FROM node WHERE ${stale};
                """);

        assertTrue(single("unresolved-where").message().startsWith("${stale} is not among the placeholders"));
    }

    private Finding single(String rule) {
        List<Finding> findings = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }
}
