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
 * A T-SQL {@code IF COL_LENGTH('t', 'c') IS [NOT] NULL} whose table the replay knows in full is decided by the
 * replay: its branch surely runs, or surely does not, and what the table looks like after it stays known. Only a
 * condition that tests something else too, or a table not known in full, leaves the branch undecided.
 */
class LinterColumnTestedBranchTest {

    private static final String TABLE = "CREATE TABLE dbo.orders (id INT NOT NULL PRIMARY KEY, note VARCHAR(10));";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            add, drop again, add another and make it NOT NULL | IF COL_LENGTH('[dbo].[orders]', 'ref') IS NULL BEGIN ALTER TABLE [dbo].[orders] ADD [ref] NVARCHAR(50) NULL; END; GO; IF COL_LENGTH('[dbo].[orders]', 'ref') IS NOT NULL BEGIN ALTER TABLE [dbo].[orders] DROP COLUMN [ref]; END; GO; IF COL_LENGTH('[dbo].[orders]', 'flag') IS NULL BEGIN ALTER TABLE [dbo].[orders] ADD [flag] BIT NULL; END; GO; UPDATE [dbo].[orders] SET [flag] = 0 WHERE [flag] IS NULL; GO; ALTER TABLE [dbo].[orders] ALTER COLUMN [flag] BIT NOT NULL; GO | 
            a drop whose column is not there does not run                  | IF (COL_LENGTH('dbo.orders', 'ref') IS NOT NULL) ALTER TABLE dbo.orders DROP COLUMN ref; GO; IF COL_LENGTH('dbo.orders', 'flag') IS NULL ALTER TABLE dbo.orders ADD flag BIT NULL; GO; ALTER TABLE dbo.orders ALTER COLUMN flag BIT NOT NULL; GO | 
            an add of a column that is there does not run                  | IF COL_LENGTH('orders', 'note') IS NULL ALTER TABLE orders ADD note INT NULL; GO; ALTER TABLE orders ALTER COLUMN note VARCHAR(5); GO | VARCHAR(10) to VARCHAR(5)
            a condition that tests more is not decided                     | IF COL_LENGTH('orders', 'note') IS NOT NULL AND DB_NAME() = 'shop' ALTER TABLE orders DROP COLUMN note; GO; IF COL_LENGTH('orders', 'flag') IS NULL ALTER TABLE orders ADD flag BIT NULL; GO; ALTER TABLE orders ALTER COLUMN flag BIT NOT NULL; GO | its type before is not known
            an ELSE arm is not decided                                      | IF COL_LENGTH('orders', 'note') IS NOT NULL ALTER TABLE orders DROP COLUMN note ELSE PRINT 'none'; GO; IF COL_LENGTH('orders', 'flag') IS NULL ALTER TABLE orders ADD flag BIT NULL; GO; ALTER TABLE orders ALTER COLUMN flag BIT NOT NULL; GO | its type before is not known
            """)
    void aColumnTestOfAWhollyKnownTableDecidesItsBranch(String name, String script, String expected)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", TABLE + "\n");
        TestProject.write(project, "db/V2__change.sql", script.replace("; ", ";\n").replace("GO;\n", "GO\n") + "\n");

        List<String> retypes = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(finding -> finding.ruleId().equals("alter-column-type")).map(finding -> finding.message())
                .toList();

        if (expected == null) {
            assertEquals(List.of(), retypes);
        } else {
            assertEquals(1, retypes.size(), retypes.toString());
            assertEquals(true, retypes.get(0).contains(expected), retypes.get(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a table no migration created | IF COL_LENGTH('dbo.items', 'flag') IS NULL ALTER TABLE dbo.items ADD flag BIT NULL; GO; ALTER TABLE dbo.items ALTER COLUMN flag BIT NOT NULL; GO
            """)
    void aColumnTestOfATableNotKnownInFullStaysUndecided(String name, String script) throws IOException {
        TestProject.write(project, "db/V1__init.sql", TABLE + "\n");
        TestProject.write(project, "db/V2__change.sql", script.replace("; ", ";\n").replace("GO;\n", "GO\n") + "\n");

        List<String> retypes = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(finding -> finding.ruleId().equals("alter-column-type")).map(finding -> finding.message())
                .toList();

        assertEquals(1, retypes.size(), retypes.toString());
        assertEquals(true, retypes.get(0).contains("its type before is not known"), retypes.get(0));
    }
}
