package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A helper routine that builds {@code ALTER TABLE <its argument> MODIFY ..} is judged at each call with the literal
 * the call passes: the type change is judged against the type the column has where the call runs, so a widening
 * is not reported and a narrowing names the old type.
 */
class LinterCalledBodyRetypeTest {

    private static final String HELPER = """
            DROP PROCEDURE IF EXISTS retype_column;
            DELIMITER $$
            CREATE PROCEDURE retype_column(IN tableName VARCHAR(64))
            BEGIN
              SET @query = CONCAT('ALTER TABLE `', tableName, '` MODIFY COLUMN `%s`');
              PREPARE stmt FROM @query;
              EXECUTE stmt;
              DEALLOCATE PREPARE stmt;
            END $$
            DELIMITER ;
            CALL retype_column('orders');
            DROP PROCEDURE IF EXISTS retype_column;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sort_order` INT DEFAULT 0                    | ''
            note` VARCHAR(10)                            | ALTER TABLE `orders` changes the type of column `note` from VARCHAR(100) to VARCHAR(10) (shorter: 100 to 10 characters)
            """)
    void theChangeIsJudgedAgainstTheColumnWhereTheCallRuns(String change, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE orders (id INT PRIMARY KEY, sort_order TINYINT, note VARCHAR(100));\n");
        TestProject.write(project, "db/V2__retype.sql", HELPER.replace("%s`", change));

        List<String> messages = ProjectLint.findings(project, Dialect.MYSQL).stream()
                .filter(finding -> finding.ruleId().equals("alter-column-type")
                        && finding.location().line() == 11)
                .map(Finding::message).map(message -> message.substring(0, message.indexOf(" (at ") < 0
                        ? message.length() : message.indexOf(" (at ")))
                .toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), messages);
    }

    /**
     * The helper's body as written names its table at run time: the type one call's table had is not the body's,
     * whose note says so, while each call is judged with its own table.
     */
    @Test
    void theBodyAsWrittenDoesNotBorrowTheTypeOfOneCallsTable() throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE orders (id INT PRIMARY KEY, sort_order TINYINT, note VARCHAR(100));\n");
        TestProject.write(project, "db/V2__retype.sql", HELPER.replace("%s`", "note` VARCHAR(10)"));

        List<String> messages = ProjectLint.findings(project, Dialect.MYSQL).stream()
                .filter(finding -> finding.ruleId().equals("alter-column-type")
                        && finding.location().line() == 5)
                .map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE `<run-time value>` changes the type of column `note` to VARCHAR(10) (its type"
                + " before is not known: the table is named at run time, and each call is judged with the table it"
                + " names) (inside procedure retype_column body, which runs only when called)"), messages);
    }

    /** A table the migrations before the call never create: the finding at the call says so, not just "unknown". */
    @Test
    void aTableNotCreatedBeforeTheCallIsNamedAsTheReason() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE customers (id INT PRIMARY KEY);\n");
        TestProject.write(project, "db/V2__retype.sql", HELPER.replace("%s`", "sort_order` INT DEFAULT 0"));

        List<String> messages = ProjectLint.findings(project, Dialect.MYSQL).stream()
                .filter(finding -> finding.ruleId().equals("alter-column-type")
                        && finding.location().line() == 11)
                .map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE `orders` changes the type of column `sort_order` to INT (its type before is"
                + " not known: table orders is not created by the migrations that run before the call) (at"
                + " db/V2__retype.sql:5:54, in retype_column, which this script created and this statement calls)"),
                messages);
    }
}
