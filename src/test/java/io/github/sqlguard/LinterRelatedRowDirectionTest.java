package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code unfiltered-subquery} looks at which way the related rows point: requiring a parent row
 * ({@code customer_id IN (SELECT id FROM customers)}) holds for every row the foreign key guards, while requiring a
 * child row that points at the target ({@code id IN (SELECT customer_id FROM orders)}: customers that have orders)
 * is a restriction. Without the schema of the earlier migrations the condition is still reported.
 */
class LinterRelatedRowDirectionTest {

    private static final String SCHEMA = """
            CREATE TABLE customers (id BIGINT PRIMARY KEY, status VARCHAR(20));
            CREATE TABLE orders (
              id BIGINT PRIMARY KEY,
              customer_id BIGINT NOT NULL REFERENCES customers (id)
            );
            CREATE TABLE refunds (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL);
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers)                               | 1:1
            DELETE FROM orders WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = orders.customer_id)      | 1:1
            DELETE FROM orders WHERE customer_id IN (SELECT id FROM legacy_customers)                        | 1:1
            DELETE FROM customers WHERE id IN (SELECT customer_id FROM orders)                               | -
            DELETE FROM customers WHERE id IN (SELECT o.customer_id FROM orders o)                           | -
            UPDATE customers SET status = 'active' WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id) | -
            DELETE FROM orders WHERE id IN (SELECT order_id FROM refunds)                                    | -
            DELETE FROM orders WHERE id = ANY (SELECT order_id FROM refunds)                                 | -
            """)
    void onlyAParentRowRequiredIsReported(String sql, String expected) throws IOException {
        List<String> found = lint(sql + ";\n").stream().filter(f -> f.ruleId().equals("unfiltered-subquery"))
                .map(f -> f.location().line() + ":" + f.location().column()).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    private List<Finding> lint(String sql) throws IOException {
        // The tables come from an earlier migration: tables the same script creates are scratch tables.
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.location().path().contains("V2__")).toList();
    }
}
