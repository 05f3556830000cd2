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
 * A T-SQL table hint after the source of a copy ({@code FROM dbo.orders WITH (HOLDLOCK TABLOCKX)}, as SQL Server's
 * table designer writes every rebuild) locks the table and reads the same rows: the copy guards the drop of its source
 * as it does without the hint, and one that leaves columns or rows out says so.
 */
class LinterTableHintCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            every column by a list           | INSERT INTO dbo.Tmp_orders (id, code, note) SELECT id, code, note FROM dbo.orders WITH (HOLDLOCK TABLOCKX)   | INFO drop-table guarded: rows copied to dbo.Tmp_orders at line 3
            every column with an alias       | INSERT INTO dbo.Tmp_orders (id, code, note) SELECT o.id, o.code, o.note FROM dbo.orders AS o WITH (TABLOCK) | INFO drop-table guarded: rows copied to dbo.Tmp_orders at line 3
            every column by a star           | INSERT INTO dbo.Tmp_orders SELECT * FROM dbo.orders WITH (TABLOCKX)                                        | INFO drop-table guarded: rows copied to dbo.Tmp_orders at line 3
            a column left out                | INSERT INTO dbo.Tmp_orders (id, code) SELECT id, code FROM dbo.orders WITH (HOLDLOCK TABLOCKX)               | ERROR drop-table the copy to dbo.Tmp_orders at line 3 leaves out column note, whose values are lost
            rows left out                    | INSERT INTO dbo.Tmp_orders (id, code, note) SELECT id, code, note FROM dbo.orders WITH (NOLOCK) WHERE id > 10 | ERROR drop-table the copy to dbo.Tmp_orders at line 3 keeps only the rows its WHERE selects
            """)
    void aHintedSourceIsCopiedAsItIsWithoutTheHint(String name, String copy, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE dbo.orders (id INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, note NVARCHAR(50));\n");
        TestProject.write(project, "db/V2__rebuild.sql", String.join("\nGO\n",
                "CREATE TABLE dbo.Tmp_orders (id INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, note NVARCHAR(50))",
                copy, "DROP TABLE dbo.orders", "EXECUTE sp_rename N'dbo.Tmp_orders', N'orders', 'OBJECT'") + "\nGO\n");

        List<String> drops = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(finding -> finding.ruleId().equals("drop-table"))
                .map(finding -> finding.severity() + " " + finding.ruleId() + " " + note(finding.message())).toList();

        assertEquals(List.of(expected), drops);
    }

    /** The part of a message in its last parentheses, without "(" and ")". */
    private static String note(String message) {
        int open = message.indexOf(" (");
        return open < 0 ? message : message.substring(open + 2, message.length() - 1);
    }
}
