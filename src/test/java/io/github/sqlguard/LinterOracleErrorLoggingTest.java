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
 * Oracle's error logging clause ({@code LOG ERRORS [INTO t] [(tag)] [REJECT LIMIT n | UNLIMITED]}) ends a DELETE or
 * UPDATE without being part of its WHERE: an always-true WHERE before it is still one, and its REJECT LIMIT caps how
 * many rows may fail, not how many the statement takes. A copy made with it may leave out the rows that failed, so it
 * guards no later drop. Each line: the statement after the table's creation, and the rules of its findings with
 * their severities.
 */
class LinterOracleErrorLoggingTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM customers WHERE 1 = 1 LOG ERRORS INTO err$_customers REJECT LIMIT UNLIMITED          | always-true-where ERROR
            UPDATE customers SET email = 'a' WHERE email = email LOG ERRORS REJECT LIMIT 5                   | always-true-where ERROR
            DELETE FROM customers WHERE id IN (SELECT id FROM customers) LOG ERRORS                          | always-true-where ERROR
            UPDATE customers c SET c.email = 'x' LOG ERRORS INTO err$_customers REJECT LIMIT UNLIMITED       | update-without-where ERROR
            DELETE FROM customers WHERE id = 5 LOG ERRORS INTO err$_customers ('purge') REJECT LIMIT 10      |
            DELETE FROM customers WHERE LOG(10, id) > 2                                                      |
            """)
    void theClauseIsNoPartOfTheWhere(String statement, String findings) throws IOException {
        TestProject.write(project, "db/V1__create.sql",
                "CREATE TABLE customers (id NUMBER(10) PRIMARY KEY, email VARCHAR2(100));\n");
        TestProject.write(project, "db/V2__change.sql", statement + ";\n");

        List<String> found = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .map(f -> f.ruleId() + " " + f.severity()).toList();

        assertEquals(findings == null ? List.of() : List.of(findings), found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE customers SET email_copy = email                                                          | drop-column INFO
            UPDATE customers SET email_copy = email LOG ERRORS INTO err$_customers REJECT LIMIT UNLIMITED    | drop-column ERROR
            """)
    void aCopyThatMayLeaveOutFailedRowsGuardsNoDrop(String copy, String drop) throws IOException {
        TestProject.write(project, "db/V1__create.sql",
                "CREATE TABLE customers (id NUMBER(10) PRIMARY KEY, email VARCHAR2(100));\n");
        TestProject.write(project, "db/V2__move.sql", """
                ALTER TABLE customers ADD email_copy VARCHAR2(100);
                %s;
                ALTER TABLE customers DROP COLUMN email;
                """.formatted(copy));

        List<String> found = TestProject.lint(project, Dialect.ORACLE).findings().stream()
                .filter(f -> f.ruleId().equals("drop-column")).map(f -> f.ruleId() + " " + f.severity()).toList();

        assertEquals(List.of(drop), found);
    }
}
