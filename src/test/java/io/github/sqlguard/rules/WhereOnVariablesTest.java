package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A WHERE that names no column at all, only T-SQL or MySQL {@code @variables}, literals and functions of them, is a
 * switch: it holds for every row or for none, so the statement touches every row whenever it runs. So does a part on
 * variables alone joined to the rest by OR, whenever that part holds. A column named in every part joined by OR, or a
 * subquery, may tie it to the row. Findings point at the verb (line 2).
 */
class WhereOnVariablesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SQLSERVER | DELETE FROM dbo.orders WHERE @all = 1                                  | delete-without-where 2:3",
        "SQLSERVER | UPDATE dbo.orders SET total = 0 WHERE @reset = 1 AND @@ROWCOUNT >= 0    | update-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE ISNULL(@purge, 0) = 1                     | delete-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE (@mode = 'all' OR @mode = 'full')          | delete-without-where 2:3",
        "MYSQL     | DELETE FROM orders WHERE @purge = 1                                      | delete-without-where 2:3",
        "MYSQL     | UPDATE orders SET note = NULL WHERE @x IS NOT NULL                       | update-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE total > 0 OR @cutoff IS NULL               | delete-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE total > 0 AND (@cutoff IS NULL OR id < @cutoff) | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE id = @id                                   | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE @id IN (SELECT order_id FROM dbo.lines)    | unfiltered-subquery 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE 1 = 0 AND @x = 1                          | -",
        "SQLSERVER | DELETE o FROM dbo.orders o JOIN dbo.customers c ON c.id = o.customer_id WHERE @x = 1 | -",
        "MYSQL     | DELETE FROM orders WHERE id = @last_id                                   | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE @st = @st                                 | always-true-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE @st = @ST                                 | always-true-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE @st = @id                                 | delete-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE st = @st                                  | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE id = ISNULL(@id, id)                      | delete-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE (orders.id = COALESCE(@id, @x, orders.id)) | delete-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE ISNULL(@id, [id]) = id                    | delete-without-where 2:3",
        "SQLSERVER | UPDATE dbo.orders SET total = 0 WHERE id = ISNULL(@id, id) AND day >= COALESCE(@from, day) | update-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE total > 0 OR id = ISNULL(@id, id)         | delete-without-where 2:3",
        "MYSQL     | DELETE FROM orders WHERE id = IFNULL(@id, id)                            | delete-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE id = ISNULL(@id, id) AND total > 0         | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE id = ISNULL(@id, other_id)                | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE id = ISNULL(id, @id)                      | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE id = ISNULL(@id, id) + 1                  | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE id < ISNULL(@id, id)                      | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE id = ISNULL(status, id)                   | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE (@org IS NULL OR org_id = @org) AND (@day IS NULL OR day = @day) | delete-without-where 2:3",
        "SQLSERVER | UPDATE dbo.orders SET total = 0 WHERE (org_id = @org OR @org IS NULL) AND (day >= @from OR @from IS NULL) AND (@to IS NULL OR day < @to) | update-without-where 2:3",
        "SQLSERVER | DELETE FROM dbo.orders WHERE (@org IS NULL OR org_id = @org) AND (day = @day OR day IS NULL) | -",
        "SQLSERVER | DELETE FROM dbo.orders WHERE (@org IS NULL OR org_id = @org) AND day = @day                  | -",
    })
    void whereOfVariablesOnlyTouchesEveryRow(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }

    @Test
    void messageSaysTheWhereReadsOnlyVariables() {
        assertEquals(List.of("DELETE whose WHERE names no column of dbo.orders, only variables, removes every row of"
                + " dbo.orders whenever it holds"), RuleHarness.messages(new DeleteWithoutWhereRule(),
                Dialect.SQLSERVER, "DELETE FROM dbo.orders WHERE @all = 1"));
        assertEquals(List.of("UPDATE whose WHERE names no column of orders, only variables, changes every row of"
                + " orders whenever it holds"), RuleHarness.messages(new UpdateWithoutWhereRule(), Dialect.MYSQL,
                "UPDATE orders SET note = NULL WHERE @x IS NOT NULL"));
        assertEquals(List.of("DELETE whose WHERE has a part on variables alone, joined by OR, removes every row of"
                + " dbo.orders whenever that part holds"), RuleHarness.messages(new DeleteWithoutWhereRule(),
                Dialect.SQLSERVER, "DELETE FROM dbo.orders WHERE total > 0 OR @cutoff IS NULL"));
        assertEquals(List.of("DELETE whose WHERE compares a column with a fallback to itself (column = ISNULL(@v,"
                + " column)), removes every row of dbo.orders whenever the variable is NULL"),
                RuleHarness.messages(new DeleteWithoutWhereRule(), Dialect.SQLSERVER,
                        "DELETE FROM dbo.orders WHERE id = ISNULL(@id, id)"));
    }
}
