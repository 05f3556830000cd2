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
 * A table copied out by a query ({@code SELECT .. INTO}, {@code CREATE TABLE .. AS SELECT}) from one table the
 * replay knows has the types of the columns it copies, so a rebuild that drops the table and renames the copy back
 * keeps them: a later type change is judged against them, a widening passes and a narrowing names the old type.
 * Each line: the dialect, the script after {@code V0} (one statement a line) and its alter-column-type findings as
 * {@code line:column message}, or {@code -}.
 */
class LinterSelectedColumnTypesTest {

    private static final String INIT = "CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, customer_id INT,"
            + " note VARCHAR(200), total DECIMAL(10,2));";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER  | SELECT id, customer_id, note, total INTO orders_tmp FROM orders; DROP TABLE orders; EXEC sp_rename 'orders_tmp', 'orders'; ALTER TABLE orders ALTER COLUMN note VARCHAR(50) NULL; | 4:20 ALTER TABLE orders changes the type of column note from VARCHAR(200) to VARCHAR(50) (shorter: 200 to 50 characters)
            SQLSERVER  | SELECT id, customer_id, note, total INTO orders_tmp FROM orders; DROP TABLE orders; EXEC sp_rename 'orders_tmp', 'orders'; ALTER TABLE orders ALTER COLUMN note VARCHAR(400) NULL; | -
            SQLSERVER  | SELECT o.id, o.note AS memo, o.customer_id, o.total INTO dbo.orders_tmp FROM dbo.orders AS o WHERE o.total > 0; DROP TABLE orders; EXEC sp_rename 'orders_tmp', 'orders'; ALTER TABLE orders ALTER COLUMN memo VARCHAR(20); | 4:20 ALTER TABLE orders changes the type of column memo from VARCHAR(200) to VARCHAR(20) (shorter: 200 to 20 characters)
            SQLSERVER  | SELECT * INTO orders_tmp FROM orders; DROP TABLE orders; EXEC sp_rename 'orders_tmp', 'orders'; ALTER TABLE orders ALTER COLUMN total DECIMAL(6,2); | 4:20 ALTER TABLE orders changes the type of column total from DECIMAL(10, 2) to DECIMAL(6, 2) (fewer integer digits: 8 to 4)
            SQLSERVER  | SELECT o.id, c.note INTO orders_tmp FROM orders o JOIN notes c ON c.id = o.id; DROP TABLE orders; EXEC sp_rename 'orders_tmp', 'orders'; ALTER TABLE orders ALTER COLUMN note VARCHAR(400) NULL; | 4:20 ALTER TABLE orders changes the type of column note to VARCHAR(400) (its type before is not known: an earlier statement changed column note in a way sqlguard does not read)
            POSTGRESQL | CREATE TABLE orders_new AS SELECT id, customer_id, note, total FROM orders; DROP TABLE orders; ALTER TABLE orders_new RENAME TO orders; ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC(8,2); | 4:20 ALTER TABLE orders changes the type of column total from DECIMAL(10, 2) to NUMERIC(8, 2) (fewer integer digits: 8 to 6)
            POSTGRESQL | CREATE TABLE orders_new AS SELECT id, customer_id, note, total FROM orders; DROP TABLE orders; ALTER TABLE orders_new RENAME TO orders; ALTER TABLE orders ALTER COLUMN total TYPE NUMERIC(12,2); | -
            """)
    void aCopyByQueryKeepsTheTypesOfItsSource(Dialect dialect, String sql, String expected) throws IOException {
        TestProject.write(project, "db/V0__init.sql", INIT + "\n");

        List<String> findings = ProjectLint.findingsOfScript(project, dialect, sql.strip().replace("; ", ";\n"))
                .stream().filter(finding -> finding.ruleId().equals("alter-column-type"))
                .map(ProjectLint::placeAndMessage).map(found -> found.replace(" alter-column-type ", " ")).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings);
    }
}
