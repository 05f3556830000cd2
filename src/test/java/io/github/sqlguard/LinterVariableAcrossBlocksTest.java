package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A variable joined into dynamic SQL holds the text of its last assignment before the join when blocks, branches
 * and calls that begin and end between the two assign nothing to it: long T-SQL procedures set a line break once
 * at the top and join it into statements deep inside later IF blocks. A T-SQL variable is local to its batch or
 * procedure, so no EXEC between can set it. An assignment whose own block or arm ends before the join, or one
 * in another arm, still leaves the text unknown.
 */
class LinterVariableAcrossBlocksTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SQLSERVER | ~DECLARE @x INT = 1, @nl NVARCHAR(2) = N' ';\\nIF @x = 1\\nBEGIN\\n  PRINT 1\\nEND\\n"
                + "EXEC (N'IF 1 = 1' + @nl + N'TRUNCATE TABLE dbo.a');~ | 6:29 truncate-table ERROR",
        "SQLSERVER | ~DECLARE @x INT = 1, @nl NVARCHAR(2) = N' ';\\nIF @x = 1\\nBEGIN\\n  PRINT 1\\nEND\\n"
                + "ELSE\\nBEGIN\\n  PRINT 2\\nEND\\nEXEC dbo.other;\\n"
                + "EXEC (N'IF 1 = 1' + @nl + N'TRUNCATE TABLE dbo.a');~ | 11:29 truncate-table ERROR",
        "SQLSERVER | ~CREATE PROCEDURE dbo.p @x INT AS\\nBEGIN\\n  DECLARE @nl NVARCHAR(2), @s NVARCHAR(MAX);\\n"
                + "  SELECT @x = @x + 1, @nl = CHAR(13) + CHAR(10);\\n  EXEC (N'SELECT 1');\\n"
                + "  IF @x > 1\\n  BEGIN\\n    SET @s = N'IF 1 = 1' + @nl + N'DELETE FROM dbo.a';\\n    EXEC (@s);\\n"
                + "  END\\nEND~ | 8:36 delete-without-where INFO",
        // Assigned in one arm, joined after it or in the other: the text may lack what the assignment adds.
        "SQLSERVER | ~DECLARE @x INT = 1, @w NVARCHAR(100);\\nIF @x = 1\\nBEGIN\\n  SET @w = N'WHERE id = 1'\\nEND\\n"
                + "EXEC (N'DELETE FROM dbo.a ' + @w);~ | 6:1 runtime-sql WARNING / 6:9 delete-without-where ERROR",
        // T-SQL's END before the next statement's IF closes a BEGIN; it is no END IF.
        "SQLSERVER | ~DECLARE @x INT = 1, @w NVARCHAR(100);\\nIF @x = 1\\nBEGIN\\n  SET @w = N'WHERE id = 1'\\n"
                + "  IF @x = 2\\n  BEGIN\\n    PRINT 1\\n  END\\n  IF @x = 3 PRINT 2\\nEND\\n"
                + "EXEC (CONCAT(N'DELETE FROM dbo.a ', @w));~ | 11:1 runtime-sql WARNING / 11:16 delete-without-where ERROR",
        "ORACLE | ~DECLARE\\n  v VARCHAR2(100);\\nBEGIN\\n  IF 1 = 1 THEN\\n    v := 'WHERE id = 1';\\n  ELSE\\n"
                + "    EXECUTE IMMEDIATE 'DELETE FROM t ' || v;\\n  END IF;\\nEND;\\n/~"
                + " | 7:5 runtime-sql WARNING / 7:24 delete-without-where ERROR",
        "ORACLE | ~DECLARE\\n  v VARCHAR2(100);\\nBEGIN\\n  BEGIN\\n    v := 'WHERE id = 1';\\n  EXCEPTION\\n"
                + "    WHEN OTHERS THEN NULL;\\n  END;\\n  EXECUTE IMMEDIATE 'DELETE FROM t ' || v;\\nEND;\\n/~"
                + " | 9:3 runtime-sql WARNING / 9:22 delete-without-where ERROR",
        // MySQL's @v is the session's: a procedure called in between may set it.
        "MYSQL | ~SET @w = 'WHERE id = 1';\\nCALL reset_filter();\\nPREPARE st FROM CONCAT('DELETE FROM a ', @w);~"
                + " | 3:1 runtime-sql WARNING / 3:25 delete-without-where ERROR",
    })
    void lastAssignmentReachesAcrossClosedBlocks(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }
}
