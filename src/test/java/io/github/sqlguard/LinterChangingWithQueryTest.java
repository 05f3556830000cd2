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
 * A PostgreSQL query of the WITH list that deletes or updates rows runs once, whatever the statement after the list
 * does with what it returns: its WHERE is judged against the schema as the same DELETE or UPDATE written alone would
 * be, and the finding points at its verb inside the list.
 */
class LinterChangingWithQueryTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            WITH gone AS (DELETE FROM orders WHERE id IN (SELECT id FROM orders) RETURNING id) \
            INSERT INTO archive SELECT id FROM gone | always-true-where 2:15
            WITH gone AS (UPDATE orders SET note = NULL WHERE note IS NOT NULL RETURNING id) SELECT count(*) FROM gone \
            | always-true-where 2:15
            WITH gone AS (DELETE FROM orders WHERE EXISTS (SELECT 1 FROM archive) RETURNING id) SELECT 1 \
            | unfiltered-subquery 2:15
            WITH old AS (SELECT id FROM archive), gone AS (DELETE FROM orders WHERE id IN (SELECT id FROM orders) \
            RETURNING id) SELECT 1 | always-true-where 2:48
            WITH gone AS (DELETE FROM orders WHERE id IN (SELECT id FROM orders WHERE total > 5) RETURNING id) \
            SELECT 1 |
            WITH gone AS (UPDATE orders SET note = NULL WHERE total > 5 RETURNING id) SELECT 1 |
            WITH a AS (DELETE FROM orders WHERE id IN (SELECT id FROM orders WHERE total > 5) RETURNING id), \
            b AS (DELETE FROM archive WHERE id = 3 RETURNING id) SELECT 1 |
            """)
    void theChangingQueryOfAWithListIsJudgedWithTheSchema(String statement, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE orders (id INT PRIMARY KEY, total INT,"
                + " note VARCHAR(20));\nCREATE TABLE archive (id INT);\n");
        TestProject.write(project, "db/V2__purge.sql", "-- moves the rows\n" + statement + ";\n");

        List<String> found = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.location().path().endsWith("V2__purge.sql"))
                .map(f -> f.ruleId() + " " + f.location().line() + ":" + f.location().column()).toList();

        assertEquals(expected == null ? List.of() : List.of(expected), found);
    }
}
