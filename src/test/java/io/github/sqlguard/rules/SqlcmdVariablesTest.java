package io.github.sqlguard.rules;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sqlcmd variable ({@code $(Schema)}) in a SQL Server script stands for a name or a value that sqlcmd fills in:
 * the finding names it as written, instead of the part before it or no table at all; after {@code :setvar} gave it a
 * value in the script, the finding names that value.
 */
class SqlcmdVariablesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER | :setvar TableName Customer\\nDROP TABLE dbo.$(TableName)\\nGO | 2:1 drop-table DROP TABLE removes table dbo.Customer and all its rows",
        "SQLSERVER | DELETE FROM $(SchemaName).Customer\\nGO | 1:1 delete-without-where DELETE without WHERE removes every row of $(SchemaName).Customer",
        "AUTO | TRUNCATE TABLE [$(Db)].dbo.Staging | 1:1 truncate-table TRUNCATE removes every row of table [$(Db)].dbo.Staging",
        "SQLSERVER | DELETE FROM dbo.Log WHERE CreatedAt < DATEADD(DAY, -$(Days), GETDATE())\\nGO | -",
        "SQLSERVER | UPDATE dbo.Price SET Amount = $(NewAmount) WHERE Sku = 'x' | -",
    })
    void sqlcmdVariableIsReadAsOneName(Dialect dialect, String sql, String expected) {
        RulePipeline.assertHits(dialect, sql, expected);
    }
}
