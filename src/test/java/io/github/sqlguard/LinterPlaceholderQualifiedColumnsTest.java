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
 * A changelog whose table names carry a property nothing defines ({@code ${prefix}orders}, filled in by the
 * application at run time) qualifies its columns the same way ({@code ${prefix}orders.customer_id}): such a column
 * is the column of the table of that whole name, so a join or WHERE on it limits that table's rows.
 */
class LinterPlaceholderQualifiedColumnsTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "update ${p}orders inner join ${p}customers on ${p}customers.id = ${p}orders.customer_id"
            + " set ${p}orders.note = 'x' | ''",
        "update ${p}orders inner join ${p}customers on ${p}customers.id = ${p}orders.customer_id"
            + " set note = 'x' where ${p}orders.customer_id is not null | ''",
        "update ${p}orders inner join ${p}customers on ${p}customers.active = 1 set ${p}orders.note = 'x'"
            + " | db/changelog.yaml:22:18 update-without-where UPDATE joined on conditions that name no column of"
            + " ${p}orders, which its rows meet alike, and without WHERE changes every row of ${p}orders (changeset a:2)",
        "delete from ${p}orders using ${p}customers where ${p}customers.id = ${p}orders.customer_id | ''",
        "delete from ${p}orders using ${p}customers where ${p}customers.active = 0"
            + " | db/changelog.yaml:22:18 delete-without-where DELETE whose WHERE names no column of ${p}orders removes"
            + " every row of ${p}orders as soon as a row of the other tables matches (changeset a:2)",
        "delete from ${s}.orders using ${s}.customers where ${s}.customers.id = ${s}.orders.customer_id | ''",
        "delete from ${s}.orders using ${s}.customers where ${s}.customers.active = 0"
            + " | db/changelog.yaml:22:18 delete-without-where DELETE whose WHERE names no column of ${s}.orders removes"
            + " every row of ${s}.orders as soon as a row of the other tables matches (changeset a:2)",
    })
    void aColumnQualifiedByTheWholeNameIsThatTablesColumn(String sql, String expected) throws IOException {
        TestProject.write(project, "db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: ${p}customers
                            columns:
                              - column: {name: id, type: bigint}
                              - column: {name: active, type: int}
                        - createTable:
                            tableName: ${p}orders
                            columns:
                              - column: {name: id, type: bigint}
                              - column: {name: customer_id, type: bigint, constraints: {nullable: false}}
                              - column: {name: note, type: varchar(20)}
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - sql:
                            sql: %s
                """.formatted(sql));

        List<String> found = TestProject.lint(project, Dialect.AUTO).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }
}
