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
 * A WHERE that requires a row of the target table itself, read without a filter and tied on the same columns (or on
 * none), holds for every row: the DELETE or UPDATE is as unrestricted as one without WHERE, and so is a join to a
 * query of the WITH list or a derived table that reads the target so. MySQL users write it through a derived
 * table, since MySQL refuses a subquery of the target in a DELETE's WHERE otherwise.
 */
class LinterSubqueryOfItselfTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DELETE FROM orders WHERE id IN (SELECT id FROM orders) | always-true-where
            POSTGRESQL | DELETE FROM orders o WHERE EXISTS (SELECT 1 FROM orders o2 WHERE o2.id = o.id) \
            | always-true-where
            POSTGRESQL | DELETE FROM orders WHERE EXISTS (SELECT 1 FROM orders) | always-true-where
            SQLSERVER  | UPDATE orders SET note = 'x' WHERE id IN (SELECT id FROM orders) | always-true-where
            POSTGRESQL | DELETE FROM orders WHERE (id, total) IN (SELECT id, total FROM orders) | always-true-where
            MYSQL      | DELETE FROM orders WHERE id IN (SELECT id FROM (SELECT id FROM orders) x) | always-true-where
            MYSQL      | DELETE FROM orders WHERE id IN (SELECT id FROM (SELECT * FROM orders) x) | always-true-where
            MARIADB    | DELETE FROM orders WHERE id IN (SELECT x.id FROM (SELECT id FROM orders) AS x) \
            | always-true-where
            POSTGRESQL | WITH x AS (SELECT id FROM orders) DELETE FROM orders o USING x WHERE o.id = x.id \
            | always-true-where
            MYSQL      | DELETE o FROM orders o JOIN (SELECT id FROM orders) x ON x.id = o.id | always-true-where
            POSTGRESQL | WITH x AS (SELECT id FROM orders WHERE total > 3) DELETE FROM orders o USING x WHERE o.id = x.id |
            POSTGRESQL | WITH x AS (SELECT id FROM orders ORDER BY id FOR UPDATE) DELETE FROM orders o USING x \
            WHERE o.id = x.id | always-true-where
            POSTGRESQL | DELETE FROM orders WHERE id IN (SELECT id FROM orders FOR UPDATE) | always-true-where
            POSTGRESQL | WITH x AS (SELECT id FROM orders ORDER BY id) DELETE FROM orders o USING x WHERE o.id = x.id \
            | always-true-where
            MYSQL      | DELETE FROM orders WHERE id IN (SELECT id FROM (SELECT id FROM orders ORDER BY id) x) | always-true-where
            POSTGRESQL | WITH x AS (SELECT DISTINCT ON (total) id FROM orders ORDER BY total, id) DELETE FROM orders o \
            USING x WHERE o.id = x.id |
            POSTGRESQL | DELETE FROM orders WHERE id IN (SELECT o.id FROM orders o FOR NO KEY UPDATE OF o NOWAIT) \
            | always-true-where
            POSTGRESQL | DELETE FROM orders WHERE id IN (SELECT id FROM orders FOR UPDATE SKIP LOCKED) | always-true-where
            MYSQL      | DELETE FROM orders WHERE id IN (SELECT id FROM (SELECT id FROM orders FOR SHARE) x) | always-true-where
            POSTGRESQL | WITH x AS (SELECT id FROM orders WHERE total > 3 ORDER BY id FOR UPDATE) DELETE FROM orders o \
            USING x WHERE o.id = x.id |
            POSTGRESQL | DELETE FROM orders WHERE id IN (SELECT id FROM orders ORDER BY id LIMIT 9 FOR UPDATE) \
            | delete-without-where
            POSTGRESQL | UPDATE orders SET total = (SELECT SUM(o2.total) FROM orders o2 WHERE o2.id = orders.id) \
            WHERE id IN (SELECT id FROM orders) | always-true-where
            POSTGRESQL | DELETE FROM orders WHERE total IN (SELECT id FROM orders) | unfiltered-subquery
            POSTGRESQL | DELETE FROM orders WHERE id IN (SELECT id FROM archive.orders) | unfiltered-subquery
            POSTGRESQL | DELETE FROM orders WHERE EXISTS (SELECT 1 FROM (SELECT total AS id FROM orders) x \
            WHERE x.id = orders.id) |
            POSTGRESQL | DELETE FROM orders WHERE id IN (SELECT id FROM orders WHERE total > 5) |
            POSTGRESQL | DELETE FROM orders WHERE id NOT IN (SELECT id FROM orders) |
            MYSQL      | DELETE FROM orders WHERE id IN (SELECT id FROM (SELECT id FROM orders WHERE total > 5) x) |
            MYSQL      | DELETE FROM orders WHERE id IN (SELECT id FROM (SELECT id FROM orders ORDER BY id LIMIT 9) x) |
            MYSQL      | DELETE FROM orders WHERE id IN (SELECT id FROM (SELECT id FROM orders) x WHERE x.id > 9) |
            SQLSERVER  | DELETE o FROM orders o WHERE o.id IN (SELECT id FROM orders) | always-true-where
            SQLSERVER  | DELETE FROM o FROM dbo.orders AS o WHERE o.id IN (SELECT x.id FROM dbo.orders x)             | always-true-where
            SQLSERVER  | DELETE orders FROM orders WHERE EXISTS (SELECT 1 FROM orders o2 WHERE o2.id = orders.id)             | always-true-where
            SQLSERVER  | UPDATE o SET note = 'x' FROM orders o WHERE o.id IN (SELECT id FROM orders) | always-true-where
            SQLSERVER  | DELETE o FROM orders o WHERE o.id IN (SELECT id FROM orders WHERE total > 5) |
            SQLSERVER  | DELETE o FROM orders o WHERE o.total IN (SELECT id FROM orders) | unfiltered-subquery
            SQLSERVER  | DELETE o FROM orders o JOIN archive a ON a.id = o.id WHERE o.id IN (SELECT id FROM orders) |
            """)
    void aSubqueryOfTheTargetItself(Dialect dialect, String statement, String rule) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE orders (id INT PRIMARY KEY, total INT, note VARCHAR(20));\n");
        TestProject.write(project, "db/V2__purge.sql", statement + ";\n");

        List<String> found = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.location().path().endsWith("V2__purge.sql")).map(Finding::ruleId).toList();

        assertEquals(rule == null ? List.of() : List.of(rule), found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM orders WHERE id IN (SELECT id FROM orders) | DELETE with an always-true WHERE (its subquery \
            reads every row of orders and pairs each row with itself on id, so it holds for every row where that is \
            not NULL) removes every row of orders
            DELETE FROM orders WHERE EXISTS (SELECT 1 FROM orders) | DELETE with an always-true WHERE (its subquery \
            reads orders without a filter and names no column of the row, so it holds whenever orders has a row) \
            removes every row of orders
            """)
    void theMessageSaysWhyEveryRowQualifies(String statement, String message) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE orders (id INT PRIMARY KEY, total INT);\n");
        TestProject.write(project, "db/V2__purge.sql", statement + ";\n");

        List<Finding> found = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.location().path().endsWith("V2__purge.sql")).toList();

        assertEquals(1, found.size(), found.toString());
        assertEquals("ERROR", found.get(0).severity().name());
        assertEquals(message, found.get(0).message());
    }
}
