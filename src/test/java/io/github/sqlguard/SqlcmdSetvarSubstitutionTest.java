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
 * After sqlcmd's {@code :setvar cond 1=1}, {@code DELETE FROM $(tbl) WHERE $(cond)} deletes every row: sqlcmd puts
 * the value in before the server sees the batch, so the statement is judged with it, at the statement as written. A
 * variable no {@code :setvar} above gave a value (one {@code sqlcmd -v} gives), or one a bare {@code :setvar name}
 * forgot, stays as written.
 */
class SqlcmdSetvarSubstitutionTest {

    @TempDir
    Path project;

    private List<String> findings(Dialect dialect, String sql) throws IOException {
        TestProject.write(project, "db/V1__purge.sql", sql.replace("\\n", "\n"));
        return TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.message())
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER | :setvar tbl orders\\n:setvar cond 1=1\\nDELETE FROM $(tbl) WHERE $(cond)\\nGO"
                + " | 3:1 always-true-where DELETE with an always-true WHERE removes every row of orders",
        "AUTO | :setvar tbl orders\\n:setvar cond 1=1\\n  DELETE FROM $(tbl) WHERE $(cond)\\nGO"
                + " | 3:3 always-true-where DELETE with an always-true WHERE removes every row of orders",
        "SQLSERVER | :setvar tbl orders\\n:setvar cond \"id = 5\"\\nDELETE FROM $(tbl) WHERE $(cond)\\nGO | -",
        "AUTO | :SETVAR Tbl dbo.orders\\nDELETE FROM $(TBL)\\nGO | 2:1 delete-without-where DELETE without WHERE"
                + " removes every row of dbo.orders",
        "SQLSERVER | :setvar tbl orders\\nUPDATE $(tbl) SET note = '$(tbl)'\\nGO | 2:1 update-without-where UPDATE"
                + " without WHERE changes every row of orders",
    })
    void aSetVariableIsReadAsItsValue(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings(dialect, sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER | DELETE FROM orders WHERE $(cond)\\nGO",
        "SQLSERVER | :setvar cond 1=1\\n:setvar cond\\nDELETE FROM orders WHERE $(cond)\\nGO",
        "AUTO | :setvar other 1=1\\nDELETE FROM orders WHERE $(cond)\\nGO",
    })
    void aVariableWithoutAValueStaysUnresolved(Dialect dialect, String sql) throws IOException {
        assertEquals(List.of("unresolved-where"), findings(dialect, sql).stream()
                .map(f -> f.split(" ")[1]).toList());
    }
}
