package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * T-SQL's {@code sp_rename 't.c', 'd'} without an object type renames column c of table t when no object is
 * called {@code t.c}: sp_rename itself looks for the column then. Where the replay knows table t with column c,
 * the call is a column rename; a two-part name it does not know that way ({@code 'dbo.orders'}) stays a table
 * rename.
 */
class LinterSpRenameColumnTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EXEC sp_rename 't.a', 'b'          | rename-column",
        "EXEC sp_rename '[t].[a]', 'b'      | rename-column",
        "EXEC sp_rename 'dbo.t.a', 'b'      | rename-column",
        "EXEC sp_rename 't.missing', 'b'    | rename-table",
        "EXEC sp_rename 'dbo.orders', 'po'  | rename-table",
        "EXEC sp_rename 't', 'u'            | rename-table",
    })
    void anUntypedRenameOfAKnownColumnIsAColumnRename(String call, String expected) throws IOException {
        write("V1__create.sql", "CREATE TABLE t (id INT, a INT);\nGO");
        write("V2__rename.sql", call + "\nGO");
        List<Finding> findings = ProjectLint.findings(project, Dialect.SQLSERVER);
        assertEquals(List.of(expected), findings.stream().map(Finding::ruleId).toList());
    }

    /**
     * A table created before the scanned migrations is known only from the statements about it, so the replay cannot
     * look its column up; {@code 't.c'} still names table t, which it knows, and a column of it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EXEC sp_rename 't.time', 'logTime'       | rename-column | sp_rename renames column t.time to logTime",
        "sp_rename 't.time', 'logTime'            | rename-column | sp_rename renames column t.time to logTime",
        "EXEC sp_rename 'dbo.orders', 'po'        | rename-table  | Renames table dbo.orders to po",
        "EXEC sp_rename 'elsewhere.time', 'b'     | rename-table  | Renames table elsewhere.time to b (or column time"
            + " of table elsewhere, which sp_rename renames when no object is called elsewhere.time)",
        "EXEC sp_rename 'dbo.t', 'u', 'OBJECT'    | rename-table  | Renames table dbo.t to u",
        "EXEC sp_rename 't.note', 'n', 'OBJECT'   | rename-table  | Renames table t.note to n",
    })
    void anUntypedRenameOfAColumnOfAPartlyKnownTableIsAColumnRename(String call, String rule, String message)
            throws IOException {
        write("V1__alter.sql", "ALTER TABLE t ADD note NVARCHAR(10);\nGO");
        write("V2__rename.sql", call + "\nGO");
        List<Finding> findings = ProjectLint.findings(project, Dialect.SQLSERVER);
        assertEquals(List.of(rule + ": " + message), findings.stream()
                .map(finding -> finding.ruleId() + ": " + finding.message()).toList());
    }

    /**
     * A two-part name the replay knows as a table is that table: sp_rename finds the object and never looks for a
     * column, so the message offers no column reading; a name it does not know keeps it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EXEC sp_rename 'app.orders', 'po'    | Renames table app.orders to po",
        "EXEC sp_rename 'app.invoices', 'iv'  | Renames table app.invoices to iv (or column invoices of table app,"
            + " which sp_rename renames when no object is called app.invoices)",
    })
    void anUntypedRenameOfAKnownTableOffersNoColumnReading(String call, String message) throws IOException {
        write("V1__create.sql", "CREATE TABLE app.orders (id INT, total INT);\nGO");
        write("V2__rename.sql", call + "\nGO");
        List<Finding> findings = ProjectLint.findings(project, Dialect.SQLSERVER);
        assertEquals(List.of("rename-table: " + message), findings.stream()
                .map(finding -> finding.ruleId() + ": " + finding.message()).toList());
    }

    /**
     * Without a type, {@code 'schema.table.name'} that is no column of a table the replay knows in full names an index
     * of that table (a primary key renamed by its index): sp_rename renames that, and no column changes its name. A
     * typed call, or one on a table the replay does not know in full, stays a column rename.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EXEC sp_rename '[dbo].[t].[dbo.PK_t]', 'PK_t'            | ''",
        "EXEC sp_rename 'dbo.t.ix_t_a', 'ix_t_b'                  | ''",
        "EXEC sp_rename 'dbo.t.a', 'b'                            | rename-column",
        "EXEC sp_rename 'dbo.t.ix_t_a', 'ix_t_b', 'COLUMN'        | rename-column",
        "EXEC sp_rename 'dbo.elsewhere.ix_e', 'ix_f'              | rename-column",
    })
    void anUntypedThreePartNameOfNoKnownColumnRenamesAnIndex(String call, String expected) throws IOException {
        write("V1__create.sql", "CREATE TABLE dbo.t (id INT, a INT, CONSTRAINT [dbo.PK_t] PRIMARY KEY (id));\nGO");
        write("V2__rename.sql", call + "\nGO");
        List<Finding> findings = ProjectLint.findings(project, Dialect.SQLSERVER);
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected),
                findings.stream().map(Finding::ruleId).toList());
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve("db/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
    }
}
