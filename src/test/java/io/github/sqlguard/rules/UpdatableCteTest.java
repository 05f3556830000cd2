package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQL Server deletes and updates through a CTE as through a view: {@code WITH d AS (SELECT .. FROM t WHERE ..)
 * DELETE FROM d} removes only the rows of {@code t} the CTE's WHERE selects, and one without a WHERE anywhere
 * removes every row of {@code t}, which the finding names.
 */
class UpdatableCteTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WITH x AS (SELECT * FROM dbo.Log WHERE Level = 'DEBUG')\\nDELETE FROM x | -",
        "WITH x AS (SELECT Id, Level FROM dbo.Log WHERE CreatedAt < '2020-01-01')\\nUPDATE x SET Level = 'OLD' | -",
        ";WITH dups AS (SELECT Id, ROW_NUMBER() OVER (PARTITION BY Email ORDER BY Id) AS rn FROM dbo.Customer)\\nDELETE FROM dups WHERE rn > 1 | -",
        ";WITH dups AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY Sku ORDER BY Id DESC) rn FROM dbo.Product)\\nDELETE FROM dups | 2:1 delete-without-where DELETE without WHERE removes every row of dbo.Product",
        "WITH x AS (SELECT * FROM dbo.Log)\\nUPDATE x SET Level = 'INFO' | 2:1 update-without-where UPDATE without WHERE changes every row of dbo.Log",
        "WITH x AS (SELECT * FROM dbo.Log WHERE 1 = 1)\\nDELETE FROM x | 2:1 always-true-where DELETE with an always-true WHERE removes every row of dbo.Log",
        "WITH batch AS (SELECT TOP (1000) * FROM dbo.Log ORDER BY Id)\\nDELETE FROM batch | 2:1 delete-without-where DELETE without WHERE (its TOP, LIMIT or FETCH FIRST only caps how many rows it takes) removes arbitrary rows of dbo.Log, and every row when it runs in a loop until none is left",
        "WITH batch AS (SELECT TOP 500 Id FROM dbo.Log WHERE Level = 'DEBUG' ORDER BY Id)\\nDELETE FROM batch | -",
    })
    void deleteThroughACteIsLimitedByItsWhere(String sql, String expected) {
        // The parser's reading: the tokens alone cannot see into the CTE and stay with every row of it.
        assertEquals(expected.equals("-") ? List.of() : List.of(expected),
                violations(RuleHarness.models(Dialect.SQLSERVER, sql.replace("\\n", "\n"))));
    }

    /** Under auto, a statement that changes rows through a CTE's name can only be T-SQL and is read so. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WITH x AS (SELECT Id, Level FROM #Log WHERE Level = 'DEBUG')\\nUPDATE x SET Level = 'OLD'\\nGO | -",
        "WITH x AS (SELECT Id, Level FROM dbo.Log WHERE Level = 'DEBUG')\\nDELETE FROM x | -",
        "WITH x AS (SELECT * FROM dbo.Log)\\nDELETE FROM x\\nGO | 2:1 delete-without-where DELETE without WHERE removes every row of dbo.Log",
    })
    void autoReadsAChangeThroughACteAsSqlServerDoes(String sql, String expected) {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected),
                violations(RuleHarness.models(Dialect.AUTO, sql.replace("\\n", "\n"))));
    }

    /**
     * Read from its tokens only (JSqlParser rejects a table variable in FROM, {@code FROM @work w}), a change through
     * a CTE's name is still limited by the CTE body's WHERE and acts on the body's table, as through an inline view.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WITH x AS (SELECT Id, Level FROM dbo.Log WHERE CreatedAt < '2020-01-01')\\nUPDATE x SET Level = 'OLD' | -",
        "WITH x AS (SELECT Id, rn = ROW_NUMBER() OVER (ORDER BY Id) FROM dbo.Log l WHERE Kept = 1)\\n"
                + "UPDATE x SET Pos = rn | -",
        "WITH x AS (SELECT * FROM dbo.Log WHERE Level = 'DEBUG')\\nDELETE FROM x | -",
        "WITH x AS (SELECT * FROM dbo.Log WHERE Level = 'DEBUG')\\nDELETE x | -",
        "WITH x AS (SELECT * FROM dbo.Log)\\nUPDATE x SET Level = 'INFO' | 2:1 update-without-where UPDATE without WHERE"
                + " changes every row of dbo.Log",
        "WITH x AS (SELECT * FROM dbo.Log)\\nDELETE FROM x | 2:1 delete-without-where DELETE without WHERE removes every"
                + " row of dbo.Log",
        "WITH x AS (SELECT * FROM dbo.Log WHERE 1 = 1)\\nDELETE FROM x | 2:1 always-true-where DELETE with an"
                + " always-true WHERE removes every row of dbo.Log",
        "WITH x AS (SELECT Id FROM dbo.Log WHERE Level = 'DEBUG')\\nDELETE FROM dbo.Log | 2:1 delete-without-where"
                + " DELETE without WHERE removes every row of dbo.Log",
        "WITH w AS (SELECT Id, [Order], ROW_NUMBER() OVER (ORDER BY Id) AS rn FROM @Work w WHERE Selected = 1)\\n"
                + "UPDATE w SET [Order] = rn | -",
        "WITH batch AS (SELECT TOP (1000) * FROM dbo.Log ORDER BY Id)\\nDELETE FROM batch | 2:1 delete-without-where"
                + " DELETE without WHERE (its TOP, LIMIT or FETCH FIRST only caps how many rows it takes) removes"
                + " arbitrary rows of dbo.Log, and every row when it runs in a loop until none is left",
        // T-SQL changes the rows of a derived table of its FROM list when the target is that table's alias.
        "UPDATE q SET Started = 1\\nFROM (SELECT TOP 1 Started FROM dbo.Queue WHERE QueueId = @id ORDER BY Id) q | -",
        "UPDATE q SET Started = 1\\nFROM (SELECT Started FROM dbo.Queue) AS q | 1:1 update-without-where UPDATE"
                + " without WHERE changes every row of dbo.Queue",
        "UPDATE q SET Started = 1\\nFROM (SELECT Started, QueueId FROM dbo.Queue) q WHERE q.QueueId = @id | -",
    })
    void aChangeThroughACteReadFromTokensIsLimitedByItsWhere(String sql, String expected) {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected),
                violations(RuleHarness.tokenModels(Dialect.SQLSERVER, sql.replace("\\n", "\n"))));
    }

    /**
     * A FETCH FIRST n ROWS ONLY or LIMIT n of the view's own query caps the rows a change through it takes, as its
     * TOP does: Db2's and Oracle's {@code DELETE FROM (SELECT .. FETCH FIRST 1000 ROWS ONLY)}, run in a loop, removes
     * a batch at a time.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO      | DELETE FROM (SELECT * FROM app.queue FETCH FIRST 1000 ROWS ONLY) | app.queue",
        "ORACLE    | DELETE FROM (SELECT * FROM queue ORDER BY id FETCH FIRST 10 ROWS ONLY) | queue",
        "SQLSERVER | WITH batch AS (SELECT * FROM dbo.Log ORDER BY Id OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY)"
                + " DELETE FROM batch | dbo.Log",
    })
    void aViewWhoseQueryFetchesOnlyFirstRowsCapsTheChange(Dialect dialect, String sql, String table) {
        assertEquals(List.of("1:" + (sql.indexOf("DELETE") + 1) + " delete-without-where DELETE without WHERE (its TOP,"
                + " LIMIT or FETCH FIRST only caps how many rows it takes) removes arbitrary rows of " + table
                + ", and every row when it runs in a loop until none is left"),
                violations(RuleHarness.tokenModels(dialect, sql)));
    }

    /** Every rule's violations in {@code models}, each as {@code line:column rule message}. */
    private static List<String> violations(List<StatementModel> models) {
        List<String> found = new ArrayList<>();
        for (StatementModel model : models) {
            for (Rule rule : RuleRegistry.all()) {
                rule.check(model).forEach(v -> found.add(v.at().line() + ":" + v.at().column() + " "
                        + rule.info().id() + " " + v.message()));
            }
        }
        return found;
    }
}
