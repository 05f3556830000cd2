package io.github.sqlguard.rules;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * T-SQL's {@code CROSS APPLY} of a query or function that names the target's rows ({@code CROSS APPLY (SELECT TOP
 * (1) .. WHERE l.order_id = o.id) a}) is an inner join: it keeps only the rows the applied query returns something
 * for, as {@code JOIN .. ON l.order_id = o.id} does, so the backfill it is written for is not reported. One that
 * names none of the target's columns pairs every row with the same rows, and {@code OUTER APPLY} keeps every row,
 * as a LEFT JOIN does. Findings point at the verb (line 2).
 */
class ApplyJoinRowChangesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SQLSERVER | UPDATE o SET status = a.status FROM dbo.orders o CROSS APPLY (SELECT TOP (1) l.status FROM dbo.lines l WHERE l.order_id = o.id ORDER BY l.id) a | -",
        "SQLSERVER | UPDATE o SET status = a.status FROM dbo.orders AS o CROSS APPLY (SELECT TOP 1 l.status FROM dbo.lines AS l WHERE l.order_id = [o].id) AS a | -",
        "SQLSERVER | DELETE o FROM dbo.orders o CROSS APPLY (SELECT TOP (1) l.id FROM dbo.lines l WHERE l.order_id = o.id) a | -",
        "SQLSERVER | UPDATE o SET status = f.s FROM dbo.orders o CROSS APPLY dbo.status_of(o.id) f                   | -",
        "SQLSERVER | UPDATE o SET status = a.status FROM dbo.orders o OUTER APPLY (SELECT TOP (1) l.status FROM dbo.lines l WHERE l.order_id = o.id) a | update-without-where 2:3",
        "SQLSERVER | UPDATE o SET status = a.x FROM dbo.orders o CROSS APPLY (SELECT 1 AS x) a                       | update-without-where 2:3",
        "SQLSERVER | UPDATE o SET status = a.x FROM dbo.orders o CROSS APPLY (SELECT l.x FROM dbo.lines l WHERE l.id = 1) a | update-without-where 2:3",
        "SQLSERVER | UPDATE o SET status = a.x FROM dbo.orders o CROSS APPLY (SELECT lo.x FROM dbo.lines lo) a       | update-without-where 2:3",
        "SQLSERVER | UPDATE o SET status = 0 FROM dbo.orders o CROSS APPLY (SELECT TOP (1) l.id FROM dbo.lines l WHERE l.order_id = o.id) a WHERE 1 = 1 | -",
    })
    void crossApplyOfTheTargetsRowsLimitsThem(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }
}
