package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table the script created and filled only from queries that filter (or from VALUES) holds the rows the script
 * chose, as a T-SQL {@code @ids} table does: requiring a related row in it restricts. Filled from a query that reads
 * every row of a table (or by a MERGE), it restricts nothing, and unfiltered-subquery stays.
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
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | 4:1 unfiltered-subquery WARNING",
        "MYSQL | CREATE TABLE s (id INT);\\nINSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x'"
                + " UNION SELECT obs_id FROM obs;\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | 3:1 unfiltered-subquery WARNING",
        "MYSQL | INSERT INTO s SELECT obs_id FROM obs WHERE value_text = 'x';\\n"
                + "DELETE FROM obs WHERE obs_id IN (SELECT id FROM s); | 2:1 unfiltered-subquery WARNING",
    })
    void aTableTheScriptFilledWithChosenRowsRestricts(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }
}
