package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A finding inside a T-SQL IF, ELSE or WHILE names that statement: the guarded drop of a drop script,
 * {@code IF EXISTS (..) DROP TABLE t}, runs only when its condition holds and has no BEGIN .. END to call a block.
 */
class TsqlControlFlowContextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER | IF EXISTS (SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'T') \
            DROP TABLE T; | 1:85 DROP TABLE removes table T and all its rows (inside T-SQL IF statement)
            AUTO      | IF OBJECT_ID('T') IS NOT NULL DROP TABLE T | \
            1:31 DROP TABLE removes table T and all its rows (inside T-SQL IF statement)
            SQLSERVER | IF @x = 1 DELETE FROM a WHERE id = 1;\\nELSE DELETE FROM b; | \
            2:6 DELETE without WHERE removes every row of b (inside T-SQL ELSE branch)
            SQLSERVER | WHILE @n > 0\\nBEGIN\\n  DELETE FROM t\\nEND | \
            3:3 DELETE without WHERE removes every row of t (inside T-SQL WHILE loop)
            """)
    void namesTheControlFlowStatementAFindingIsIn(Dialect dialect, String sql, String expected) {
        List<String> findings = OneScript.findings(dialect, sql.replace("\\n", "\n")).stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message())
                .toList();

        assertEquals(List.of(expected), findings);
    }
}
