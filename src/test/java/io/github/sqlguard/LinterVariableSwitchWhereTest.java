package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A WHERE with a part on variables alone joined by OR ({@code WHERE @org IS NULL OR org_id = @org}, the optional
 * filter of T-SQL scripts and procedures) changes every row whenever that part holds: as a WHERE on variables alone,
 * it is a switch, not a choice of rows. A part that names a column, or an AND that goes on, still picks rows.
 */
class LinterVariableSwitchWhereTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            optional filter first     | DECLARE @org INT = NULL; UPDATE dbo.events SET note = NULL WHERE @org IS NULL OR org_id = @org; GO | 2 ERROR update-without-where
            optional filter last      | DELETE FROM dbo.events WHERE (org_id = @org OR @org IS NULL); GO                                 | 1 ERROR delete-without-where
            a flag                    | DELETE FROM dbo.events WHERE @all = 1 OR id = @id; GO                                            | 1 ERROR delete-without-where
            in a procedure            | CREATE PROCEDURE dbo.events_clear @org INT AS BEGIN UPDATE dbo.events SET note = NULL WHERE @org IS NULL OR org_id = @org; END; GO | 1 INFO update-without-where
            and more                  | DELETE FROM dbo.events WHERE (@org IS NULL OR org_id = @org) AND id > 5; GO                      |
            columns on both sides     | DELETE FROM dbo.events WHERE org_id = @org OR org_id IS NULL; GO                                 |
            """)
    void aPartOnVariablesAloneJoinedByOrIsASwitch(String name, String script, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE dbo.events (id INT NOT NULL PRIMARY KEY, org_id INT, note NVARCHAR(50));\n");
        TestProject.write(project, "db/V2__fix.sql", script.replace("; ", ";\n").replace(";\nGO", "\nGO") + "\n");

        List<String> findings = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(finding -> finding.location().path().endsWith("V2__fix.sql"))
                .map(finding -> (finding.ruleId().equals("delete-without-where") || finding.ruleId()
                        .equals("update-without-where")) && finding.message().contains("whenever that part holds")
                        ? finding.location().line() + " " + finding.severity() + " " + finding.ruleId()
                        : finding.toString())
                .toList();

        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }
}
