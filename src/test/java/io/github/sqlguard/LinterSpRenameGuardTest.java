package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * T-SQL renames columns with sp_rename where other databases write ALTER TABLE .. RENAME COLUMN: a column the script
 * added is guarded the same way (no code uses it yet), and what the script knows of the column follows the new name.
 */
class LinterSpRenameGuardTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE orders ADD total_tmp INT;\\nUPDATE orders SET total_tmp = total;\\n\
            ALTER TABLE orders DROP COLUMN total;\\nEXEC sp_rename 'orders.total_tmp', 'total', 'COLUMN'; \
            | 3 drop-column INFO, 4 rename-column INFO
            ALTER TABLE orders ADD total_tmp INT;\\nEXEC sp_rename 'dbo.orders.total_tmp', 'total2', 'COLUMN';\\n\
            ALTER TABLE orders DROP COLUMN total2; | 2 rename-column INFO, 3 drop-column INFO
            EXEC sp_rename 'orders.note', 'remark', 'COLUMN'; | 1 rename-column WARNING
            ALTER TABLE orders ADD note2 VARCHAR(20);\\nEXEC sp_rename 'orders.note', 'note3', 'COLUMN'; \
            | 2 rename-column WARNING
            """)
    void aColumnTheScriptAddedIsGuardedWhenSpRenameRenamesIt(String script, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note VARCHAR(20));\n");
        TestProject.write(project, "db/V2__rename.sql", script.replace("\\n", "\n") + "\n");

        List<String> found = ProjectLint.findings(project, Dialect.SQLSERVER).stream()
                .filter(f -> f.location().path().endsWith("V2__rename.sql") && !f.ruleId().equals("update-without-where"))
                .map(f -> f.location().line() + " " + f.ruleId() + " " + f.severity()).toList();

        assertEquals(List.of(expected.split(", ")), found);
    }
}
