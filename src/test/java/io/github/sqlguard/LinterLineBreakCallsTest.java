package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dynamic SQL keeps its statements apart with a line break written as a call, T-SQL's {@code CHAR(13) + CHAR(10)}
 * or Oracle's {@code CHR(10)}, often kept in a variable: the text on either side of it is still read, and a
 * statement after it is checked as written.
 */
class LinterLineBreakCallsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SQLSERVER | ~DECLARE @nl NVARCHAR(2) = CHAR(13) + CHAR(10);\\n"
                + "EXEC (N'IF 1 = 1' + @nl + N'TRUNCATE TABLE dbo.audit');~ | 2:29 truncate-table ERROR",
        "SQLSERVER | ~DECLARE @nl NVARCHAR(2), @sql NVARCHAR(MAX);\\nSET @nl = NCHAR(10);\\n"
                + "SET @sql = N'IF 1 = 1 BEGIN' + @nl + N'DELETE FROM dbo.audit' + @nl + N'END';\\n"
                + "EXEC (@sql);~ | 3:40 delete-without-where ERROR",
        // A name built at run time still leaves the statement readable around it.
        "SQLSERVER | ~CREATE PROCEDURE dbo.p @t SYSNAME AS\\nBEGIN\\n  DECLARE @nl NVARCHAR(2) = CHAR(10);\\n"
                + "  DECLARE @sql NVARCHAR(MAX) = N'IF 1 = 1' + @nl + N'TRUNCATE TABLE ' + @t;\\n"
                + "  EXEC (@sql);\\nEND~ | 5:3 runtime-sql INFO / 4:54 truncate-table INFO",
        // Quoted as one name, the run-time part cannot change what the statement does.
        "SQLSERVER | ~CREATE PROCEDURE dbo.p @t SYSNAME AS\\nBEGIN\\n  DECLARE @nl NVARCHAR(2) = CHAR(10);\\n"
                + "  DECLARE @sql NVARCHAR(MAX) = N'IF 1 = 1' + @nl + N'TRUNCATE TABLE ' + QUOTENAME(@t);\\n"
                + "  EXEC (@sql);\\nEND~ | 4:54 truncate-table INFO",
        "ORACLE | ~BEGIN\\n  EXECUTE IMMEDIATE 'BEGIN' || CHR(10) || 'DELETE FROM t1; END;';\\nEND;\\n/~"
                + " | 2:44 delete-without-where ERROR",
        "ORACLE | ~DECLARE\\n  v_nl VARCHAR2(2) := CHR(13) || CHR(10);\\nBEGIN\\n"
                + "  EXECUTE IMMEDIATE 'BEGIN' || v_nl || 'DELETE FROM t1; END;';\\nEND;\\n/~"
                + " | 4:41 delete-without-where ERROR",
        // CHAR(10) as a type is no line break: the number is converted, the text stays one value.
        "SQLSERVER | ~DECLARE @n INT = 3;\\nEXEC (N'ALTER SEQUENCE s RESTART WITH ' + CAST(@n AS CHAR(10)));~ | -",
    })
    void statementsAfterALineBreakCallAreChecked(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }
}
