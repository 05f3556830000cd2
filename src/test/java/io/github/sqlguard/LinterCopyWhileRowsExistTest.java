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
 * A copy that runs only while its source holds rows ({@code IF EXISTS (SELECT * FROM dbo.orders) EXEC('INSERT INTO
 * dbo.Tmp_orders .. SELECT .. FROM dbo.orders ..')}, as SQL Server's table designer writes every rebuild) has either
 * copied the rows or found none: the later drop of its source loses nothing either way. A condition on other rows, on
 * another table or on anything else leaves the copy to a branch that may not have run.
 */
class LinterCopyWhileRowsExistTest {

    private static final String COLUMNS = "(id, code, note) SELECT id, code, note FROM dbo.orders";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            designer rebuild          | IF EXISTS(SELECT * FROM dbo.orders) EXEC('INSERT INTO dbo.Tmp_orders %s WITH (HOLDLOCK TABLOCKX)') | INFO
            block of one copy         | IF EXISTS (SELECT 1 FROM [dbo].[orders]) BEGIN INSERT INTO dbo.Tmp_orders %s; END                  | INFO
            top 1                     | IF EXISTS (SELECT TOP 1 id FROM dbo.orders) INSERT INTO dbo.Tmp_orders %s                          | INFO
            some rows only            | IF EXISTS (SELECT 1 FROM dbo.orders WHERE id > 5) INSERT INTO dbo.Tmp_orders %s                    | ERROR
            rows of another table     | IF EXISTS (SELECT 1 FROM dbo.other) INSERT INTO dbo.Tmp_orders %s                                  | ERROR
            a condition that says more| IF EXISTS (SELECT 1 FROM dbo.orders) AND @go = 1 INSERT INTO dbo.Tmp_orders %s                     | ERROR
            an inner branch           | IF EXISTS (SELECT 1 FROM dbo.orders) BEGIN IF @go = 1 INSERT INTO dbo.Tmp_orders %s; END          | ERROR
            a variable                | IF @go = 1 INSERT INTO dbo.Tmp_orders %s                                                          | ERROR
            """)
    void aCopyGuardedByRowsOfItsSourceGuardsTheDrop(String name, String copy, String severity) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE dbo.orders (id INT NOT NULL PRIMARY KEY,"
                + " code VARCHAR(10) NOT NULL, note NVARCHAR(50));\nCREATE TABLE dbo.other (id INT);\n");
        TestProject.write(project, "db/V2__rebuild.sql", String.join("\nGO\n",
                "CREATE TABLE dbo.Tmp_orders (id INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, note NVARCHAR(50))",
                copy.formatted(COLUMNS), "DROP TABLE dbo.orders",
                "EXECUTE sp_rename N'dbo.Tmp_orders', N'orders', 'OBJECT'") + "\nGO\n");

        List<String> drops = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(finding -> finding.ruleId().equals("drop-table"))
                .map(finding -> finding.severity().toString()).toList();

        assertEquals(List.of(severity), drops);
    }
}
