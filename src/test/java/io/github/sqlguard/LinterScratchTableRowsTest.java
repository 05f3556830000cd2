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
 * A table the script created and filled only from queries that filter (or from VALUES) holds the rows the script
 * chose, as a T-SQL {@code @ids} table does: requiring a related row in it restricts. Filled from a query that reads
 * every row of a table (or by a MERGE), it restricts nothing, and unfiltered-subquery stays; when that query reads the
 * target itself on the columns the condition pairs, and nothing deleted or changed the table's rows since, the
 * condition holds for every row, as its IN form on the target does.
 */
class LinterScratchTableRowsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x';\\n"
                + "UPDATE obs SET voided = 1 WHERE obs_id IN (SELECT id FROM s); | -",
        "POSTGRESQL | CREATE TABLE s AS SELECT o.obs_id AS id FROM obs o JOIN obs p ON o.obs_group_id = p.obs_id"
                + " GROUP BY o.obs_id HAVING count(*) = 1;\\nDELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | -",
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s VALUES (1), (2);\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | -",
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s SELECT obs_id FROM obs;\\n"
                + "UPDATE obs SET voided = 1 WHERE obs_id IN (SELECT id FROM s); | 3:1 unfiltered-subquery WARNING",
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x';\\n"
                + "INSERT INTO s (id) (SELECT obs_id FROM obs);\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | 4:1 always-true-where ERROR",
        "SQLSERVER | DECLARE @ids TABLE (id INT);\\nINSERT INTO @ids SELECT id FROM customers;\\n"
                + "DELETE FROM customers WHERE id IN (SELECT id FROM @ids); | 3:1 always-true-where ERROR",
        "SQLSERVER | SELECT id INTO #purge FROM customers;\\nDELETE FROM customers WHERE EXISTS"
                + " (SELECT 1 FROM #purge p WHERE p.id = customers.id); | 2:1 always-true-where ERROR",
        "SQLSERVER | CREATE TABLE #c (cid INT);\\nINSERT INTO #c (cid) SELECT id FROM customers;\\n"
                + "UPDATE customers SET active = 0 WHERE id IN (SELECT cid FROM #c); | 3:1 always-true-where ERROR",
        "POSTGRESQL | CREATE TEMP TABLE doomed AS SELECT id FROM customers;\\n"
                + "DELETE FROM customers WHERE EXISTS (SELECT 1 FROM doomed); | 2:1 always-true-where ERROR",
        "SQLSERVER | DECLARE @few TABLE (id INT);\\nINSERT INTO @few SELECT id FROM customers WHERE active = 0;\\n"
                + "DELETE FROM customers WHERE id IN (SELECT id FROM @few); | -",
        // Once the script deletes rows of the table, or empties and refills it, the fill no longer says what it holds.
        "SQLSERVER | DECLARE @ids TABLE (id INT);\\nINSERT INTO @ids SELECT id FROM customers;\\n"
                + "DELETE FROM @ids WHERE id > 10;\\nDELETE FROM customers WHERE id IN (SELECT id FROM @ids); | -",
        "POSTGRESQL | CREATE TABLE s AS SELECT id FROM customers;\\nTRUNCATE s;\\nINSERT INTO s VALUES (1);\\n"
                + "DELETE FROM customers WHERE id IN (SELECT id FROM s); | -",
        // Filled from another table, the names do not say which of its columns the condition reads.
        "SQLSERVER | DECLARE @ids TABLE (id INT);\\nINSERT INTO @ids SELECT customer_id FROM orders;\\n"
                + "DELETE FROM customers WHERE id IN (SELECT id FROM @ids); | -",
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x'"
                + " UNION SELECT obs_id FROM obs;\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | 3:1 unfiltered-subquery WARNING",
        "MYSQL | INSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x';\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | 2:1 unfiltered-subquery WARNING",
        // Rows joined to those the table already holds extend the choice; a comma or RIGHT join brings in any row.
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x';\\n"
                + "INSERT INTO s SELECT o.obs_id FROM s JOIN obs o ON o.obs_group_id = s.id;\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | -",
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x';\\n"
                + "INSERT INTO s SELECT o.obs_id FROM s, obs o;\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | 4:1 unfiltered-subquery WARNING",
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x';\\n"
                + "INSERT INTO s SELECT o.obs_id FROM s RIGHT JOIN obs o ON o.obs_group_id = s.id;\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | 4:1 unfiltered-subquery WARNING",
        // Deleting rows of a table it was filled from leaves it the only copy of them, but still the rows chosen.
        "MYSQL | CREATE TABLE s (id INT PRIMARY KEY);\\nINSERT INTO s SELECT o.obs_id FROM obs o"
                + " JOIN notes n ON n.obs_id = o.obs_id WHERE n.kind = 'x';\\n"
                + "DELETE FROM n USING notes n JOIN s ON s.id = n.obs_id;\\n"
                + "DELETE FROM a USING alerts a JOIN s ON s.id = a.obs_id;\\n"
                + "DELETE FROM alerts WHERE obs_id IN (SELECT id FROM s); | -",
    })
    void aTableTheScriptFilledWithChosenRowsRestricts(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }

    @TempDir
    Path project;

    /**
     * The join forms of the same DELETE read the table the script filled as their IN form does: filled with every row
     * of the target on the joined column, it pairs each row with itself.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "MYSQL | CREATE TABLE s (id INT PRIMARY KEY); INSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x'; "
                + "DELETE o FROM obs o JOIN s ON s.id = o.obs_id; | -",
        "MYSQL | CREATE TABLE s (id INT PRIMARY KEY); INSERT INTO s (id) VALUES (1), (2); "
                + "DELETE FROM o USING obs o JOIN s ON o.obs_id = s.id; | -",
        "MARIADB | CREATE TABLE s (id INT PRIMARY KEY); INSERT INTO s SELECT obs_id FROM obs; "
                + "DELETE FROM o USING obs o JOIN s ON s.id = o.obs_id; | 3:1 always-true-where ERROR",
        "MYSQL | CREATE TABLE s (id INT PRIMARY KEY); INSERT INTO s SELECT obs_id FROM obs; "
                + "DELETE FROM obs USING obs INNER JOIN s ON obs.obs_id = s.id; | 3:1 always-true-where ERROR",
        "POSTGRESQL | CREATE TEMPORARY TABLE s (id INT PRIMARY KEY); "
                + "INSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x'; "
                + "DELETE FROM obs o USING s WHERE s.id = o.obs_id; | -",
        "MYSQL | CREATE TABLE s (id INT PRIMARY KEY); INSERT INTO s SELECT obs_id FROM obs; "
                + "DELETE o FROM obs o JOIN s ON s.id = o.obs_id; | 3:1 always-true-where ERROR",
        "POSTGRESQL | CREATE TABLE s (id INT PRIMARY KEY); INSERT INTO s SELECT obs_id FROM obs; "
                + "DELETE FROM obs o USING s WHERE s.id = o.obs_id; | 3:1 always-true-where ERROR",
        "SQLSERVER | SELECT id INTO #purge FROM customers; DELETE c FROM customers c JOIN #purge p ON p.id = c.id;"
                + " | 2:1 always-true-where ERROR",
        "POSTGRESQL | CREATE TABLE s (id INT); INSERT INTO s (id) SELECT obs_id FROM obs; "
                + "DELETE FROM obs o USING s WHERE s.id = o.obs_id; | 3:1 always-true-where ERROR",
        "SQLSERVER | SELECT id INTO #purge FROM customers WHERE active = 0; "
                + "DELETE c FROM customers c JOIN #purge p ON p.id = c.id; | -",
        // A query of the WITH list that names its outputs is read by those names, as a filled table is.
        "POSTGRESQL | WITH s (id) AS (SELECT obs_id FROM obs) DELETE FROM obs o USING s WHERE s.id = o.obs_id;"
                + " | 1:41 always-true-where ERROR",
        // SELECT * keeps the column names: each column of the filled table is the one of that name.
        "POSTGRESQL | CREATE TEMP TABLE doomed AS SELECT * FROM obs; "
                + "DELETE FROM obs WHERE obs_id IN (SELECT obs_id FROM doomed); | 2:1 always-true-where ERROR",
        "POSTGRESQL | CREATE VIEW every_obs AS SELECT * FROM obs; "
                + "DELETE FROM obs WHERE obs_id IN (SELECT obs_id FROM every_obs); | 2:1 always-true-where ERROR",
        // Renamed, which column of * each name is stays unknown: only the unfiltered read of obs is said.
        "POSTGRESQL | CREATE VIEW obs_ids (id) AS SELECT * FROM obs; "
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM obs_ids); | 2:1 unfiltered-subquery WARNING",
        // The replayed table says which column the INSERT without a column list fills.
        "MYSQL | CREATE TABLE s (id INT); INSERT INTO s SELECT obs_id FROM obs; "
                + "UPDATE obs SET voided = 1 WHERE obs_id IN (SELECT id FROM s); | 3:1 always-true-where ERROR",
    })
    void aJoinToATableTheScriptFilledWithChosenRowsRestricts(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> found = ProjectLint.placesAndGuardsOfOneScript(project, dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }
}
