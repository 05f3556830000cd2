package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** T-SQL bracket names that auto must read as names too, or the rest of the script is lost or misread. */
class AutoDialectBracketNamesTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void anApostropheInABracketNameDoesNotStartAString(Dialect dialect) {
        String sql = "CREATE PROCEDURE Tests.[test it doesn't purge] AS SELECT 1;\nGO\nDELETE FROM orders;\n";
        assertEquals(List.of("3:1 delete-without-where ERROR"), OneScript.placesAndSeverities(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void anyTextInBracketsAfterADotIsANamePart(Dialect dialect) {
        String sql = "CREATE PROCEDURE Tests.[test names that need quoting ( .')] AS SELECT 1;\nGO\n"
                + "EXEC('CREATE PROCEDURE [Inner''Tests].[test''1] AS RETURN;');\nDELETE FROM orders;\n";
        assertEquals(List.of("4:1 delete-without-where ERROR"), OneScript.placesAndSeverities(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void aBracketedTemporaryTableIsScratch(Dialect dialect) {
        String sql = "CREATE PROCEDURE dbo.report AS\nBEGIN\n"
                + "  IF(OBJECT_ID('tempdb..[#report.Work.Rows]')IS NOT NULL) DROP TABLE [#report.Work.Rows];\nEND;\n";
        assertEquals(List.of(), OneScript.placesAndSeverities(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void aBareDropOfABracketedNameDropsAConstraint(Dialect dialect) {
        String sql = "ALTER TABLE [dbo].[Orders] DROP [FK_Orders_Customers];\nGO\n"
                + "ALTER TABLE [dbo].[Orders] DROP PK_Orders;\nGO\n"
                + "ALTER TABLE [dbo].[Orders] DROP COLUMN [CustomerId];\nGO\n";
        assertEquals(List.of("5:28 drop-column ERROR"), OneScript.placesAndSeverities(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "SQLSERVER"})
    void aBracketNameInTheTextAGoScriptRunsIsReadTheTSqlWay(Dialect dialect) {
        String sql = "DECLARE @cmd NVARCHAR(MAX);\nSET @cmd = 'CREATE TABLE #t([' + CHAR(9) + ''']]] INT);\n"
                + "  EXEC dbo.report ''#t'', '''', NULL;';\nEXEC sp_executesql @cmd, N'@r INT OUT', @r OUT;\nGO\n"
                + "EXEC('DELETE FROM [dbo].[orders '']]]; TRUNCATE TABLE audit');\nGO\n";
        assertEquals(List.of("6:7 delete-without-where ERROR", "6:40 truncate-table ERROR"),
                OneScript.placesAndSeverities(dialect, sql));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "POSTGRESQL", "MYSQL"})
    void aBareDropWithoutBracketsStaysAColumnDrop(Dialect dialect) {
        String sql = "ALTER TABLE orders DROP customer_id;\n";
        assertEquals(List.of("1:20 drop-column ERROR"), OneScript.placesAndSeverities(dialect, sql));
    }
}
