package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * T-SQL's {@code UPDATE t SET @v = c} reads each row's value into a variable, which holds one value once the
 * statement ends: it is no copy of the column, so the column's later drop loses its values and stays an error. A
 * chained {@code SET @v = c = expr} rewrites c, which keeps no copy either. A copy into a real column still guards
 * the drop.
 */
class LinterVariableSetTargetTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            UPDATE dbo.orders SET @keep = legacy;                 | ERROR | ALTER TABLE dbo.orders drops column legacy
            UPDATE dbo.orders SET @keep = legacy, note = legacy;  | INFO  | ALTER TABLE dbo.orders drops column legacy (guarded: values of legacy copied to note at line 3)
            UPDATE dbo.orders SET @keep = note = legacy;          | INFO  | ALTER TABLE dbo.orders drops column legacy (guarded: values of legacy copied to note at line 3)
            """)
    void aColumnReadIntoAVariableIsNotCopied(String update, Severity expected, String message) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE dbo.orders (id int PRIMARY KEY, legacy varchar(20), note varchar(20));\n");
        TestProject.write(project, "db/V2__drop.sql", """
                DECLARE @keep varchar(20);
                GO
                %s
                ALTER TABLE dbo.orders DROP COLUMN legacy;
                """.formatted(update));

        List<Finding> drops = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        assertEquals(message, drops.get(0).message());
        assertEquals(4, drops.get(0).location().line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            UPDATE dbo.orders SET @keep = legacy;              | -
            UPDATE dbo.orders SET @n = note = @n + 1;           | update-without-where 3:1
            UPDATE o SET @keep = o.legacy FROM dbo.orders o;    | -
            """)
    void anUpdateThatOnlyAssignsVariablesChangesNoRow(String update, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE dbo.orders (id int PRIMARY KEY, legacy varchar(20), note varchar(20));\n");
        TestProject.write(project, "db/V2__read.sql", """
                DECLARE @keep varchar(20), @n int = 0;
                GO
                %s
                """.formatted(update));

        List<String> found = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(f -> f.location().path().endsWith("V2__read.sql"))
                .map(f -> f.ruleId() + " " + f.location().line() + ":" + f.location().column()).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
