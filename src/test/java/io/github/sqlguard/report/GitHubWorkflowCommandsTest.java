package io.github.sqlguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubWorkflowCommandsTest {

    private final GitHubWorkflowCommands commands = new GitHubWorkflowCommands();

    @Test
    void oneCommandPerOpenFindingWithSeverityMappedAndAcknowledgedLeftOut() {
        Finding info = Finding.of("lock-table", Severity.INFO, new Location("a.sql", 2, 4), "locks", "", "");
        List<Finding> findings = new java.util.ArrayList<>(SampleRun.findings());
        findings.add(info);

        List<String> lines = commands.commands(SampleRun.data(findings, Severity.ERROR));

        assertEquals(List.of(
                "::notice file=a.sql,line=2,col=4,title=sqlguard lock-table::locks",
                "::error file=db/mïgrations 2/V3__prix €.sql,line=5,col=5,title=sqlguard update-without-where::"
                        + "UPDATE \"prix\" <&> 'x'%0Asecond line\u0001 50%25 done: a, b%0Aadd a WHERE clause",
                "::error file=" + SampleRun.V2 + ",line=3,col=1,title=sqlguard delete-without-where::"
                        + "DELETE without WHERE removes every row of customers%0A" + SampleRun.DELETE_HINT,
                "::warning file=" + SampleRun.V2 + ",line=7,col=1,title=sqlguard unparsed-statement::"
                        + "JSqlParser could not parse this statement: Encountered \"PURGE\""),
                lines);
    }

    @Test
    void propertiesEscapeSeparatorsAndDataEscapesLineBreaks() {
        Finding finding = Finding.of("r", Severity.ERROR, new Location("C:/odd,name%.sql", 1, 1),
                "a\r\nb: c, 100%", "", "");

        assertEquals("::error file=C%3A/odd%2Cname%25.sql,line=1,col=1,title=sqlguard r::a%0D%0Ab: c, 100%25",
                commands.commands(SampleRun.data(List.of(finding), Severity.ERROR)).get(0));
    }

    @Test
    void recognisesGitHubActionsFromTheEnvironment() {
        assertTrue(GitHubWorkflowCommands.isGitHubActions(Map.of("GITHUB_ACTIONS", "true")));
        assertFalse(GitHubWorkflowCommands.isGitHubActions(Map.of("GITHUB_ACTIONS", "false")));
        assertFalse(GitHubWorkflowCommands.isGitHubActions(Map.of()));
    }
}
