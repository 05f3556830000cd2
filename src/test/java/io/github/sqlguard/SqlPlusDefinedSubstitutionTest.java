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
 * After SQL*Plus's {@code DEFINE tab = emp_hist}, {@code DELETE FROM &tab} deletes every row of emp_hist: SQL*Plus
 * puts the value in before the database sees the line, so the finding names that table, at the statement as written.
 * A variable no DEFINE above gave a value, one defined from a script argument, or one after {@code SET DEFINE OFF},
 * stays as written.
 */
class SqlPlusDefinedSubstitutionTest {

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
        "ORACLE | define tab = emp_hist\\ndelete from &tab; | 2:1 delete-without-where DELETE without WHERE removes"
                + " every row of emp_hist",
        "ORACLE | define tab = emp_hist\\ndelete from &&tab; | 2:1 delete-without-where DELETE without WHERE removes"
                + " every row of emp_hist",
        "AUTO | DEF tab = 'emp_hist'\\n\\n  delete from &tab; | 3:3 delete-without-where DELETE without WHERE removes"
                + " every row of emp_hist",
        "ORACLE | define sch = hr\\ndelete from &sch..emp; | 2:1 delete-without-where DELETE without WHERE removes"
                + " every row of hr.emp",
        "ORACLE | define cond = 1\\ndelete from emp where &cond = 1; | 2:1 always-true-where DELETE with an always-true"
                + " WHERE removes every row of emp",
        "ORACLE | define tab = emp_hist\\nundefine tab\\ndelete from emp where id = 1;\\ndelete from &tab; |"
                + " 4:1 delete-without-where DELETE without WHERE removes every row of &tab",
        "ORACLE | define tab = &1\\ndelete from &tab; | 2:1 delete-without-where DELETE without WHERE removes every"
                + " row of &tab",
        "ORACLE | delete from &tab;\\ndefine tab = emp_hist | 1:1 delete-without-where DELETE without WHERE removes"
                + " every row of &tab",
        "ORACLE | define tab = emp_hist\\nset define off\\ndelete from &tab; | 3:1 delete-without-where DELETE"
                + " without WHERE removes every row of &tab",
    })
    void aDefinedVariableIsReadWithItsValue(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(List.of(expected), findings(dialect, sql));
    }
}
