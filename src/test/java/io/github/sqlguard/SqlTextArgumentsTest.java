package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A call that hands a routine the text of a data-changing statement (a migration helper package's
 * {@code run_ddl('DROP TABLE t')}, {@code dblink_exec(.., 'DELETE FROM t')}) is read as running that text; a
 * message, a restricted statement or a routine whose name says it logs is not.
 */
class SqlTextArgumentsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "oracle     | BEGIN\\n  utl_migr_pkg.table_drop('DROP TABLE customers');\\nEND;\\n/ | V1__x.sql:2:28 drop-table DROP TABLE removes table customers and all its rows (inside PL/SQL block, text passed to utl_migr_pkg.table_drop, which may run it)",
        "oracle     | BEGIN\\n  migr.run(p_sql => 'DELETE FROM orders');\\nEND;\\n/ | V1__x.sql:2:22 delete-without-where DELETE without WHERE removes every row of orders (inside PL/SQL block, text passed to migr.run, which may run it)",
        "postgresql | CALL admin.exec_ddl('TRUNCATE TABLE invoices') | V1__x.sql:1:22 truncate-table TRUNCATE removes every row of table invoices (inside text passed to admin.exec_ddl, which may run it)",
        "postgresql | SELECT dblink_exec('dbname=archive', 'DELETE FROM orders') | V1__x.sql:1:39 delete-without-where DELETE without WHERE removes every row of orders (inside text passed to dblink_exec, which may run it)",
        "postgresql | SELECT tools.run('UPDATE orders SET total = 0') | V1__x.sql:1:19 update-without-where UPDATE without WHERE changes every row of orders (inside text passed to tools.run, which may run it)",
        "sqlserver  | EXEC dbo.run_sql @sql = N'DELETE FROM dbo.Orders' | V1__x.sql:1:27 delete-without-where DELETE without WHERE removes every row of dbo.Orders (inside text passed to dbo.run_sql, which may run it)",
        // A dollar-quoted text is read between its tags, with or without a tag name.
        "postgresql | CALL apply_change(19, $aa$\\nDROP TABLE IF EXISTS m_task_objects;\\n$aa$) | V1__x.sql:2:1 drop-table DROP TABLE removes table m_task_objects and all its rows (inside text passed to apply_change, which may run it)",
        "postgresql | SELECT tools.run($$ALTER TABLE orders DROP COLUMN note$$) | V1__x.sql:1:39 drop-column ALTER TABLE orders drops column note (inside text passed to tools.run, which may run it)",
        // Messages, restricted statements, logging routines and SQL Server's own procedures hand nothing to run.
        "oracle     | BEGIN\\n  log_pkg.info('Delete old rows');\\n  migr.note('Update done');\\nEND;\\n/ | -",
        "oracle     | BEGIN\\n  log_pkg.log('DELETE FROM orders');\\n  dbms_output.put_line('TRUNCATE TABLE invoices');\\nEND;\\n/ | -",
        "postgresql | SELECT tools.run('UPDATE orders o SET total = 0 WHERE o.id = 1') | -",
        "sqlserver  | EXEC sys.sp_addextendedproperty @name = N'note', @value = N'DELETE FROM dbo.Orders' | -",
        // A routine the script defines says itself what it does with the text: this one only stores it.
        "oracle     | CREATE OR REPLACE PROCEDURE keep_text(p VARCHAR2) IS\\nBEGIN\\n  INSERT INTO notes VALUES (p);\\nEND;\\n/\\nBEGIN\\n  keep_text('DELETE FROM orders');\\nEND;\\n/ | -",
        // A call that uses the text in an expression is not a call that hands it over.
        "postgresql | SELECT length('DELETE FROM orders') > 3 | -",
    })
    void textHandedToARoutineIsReadAsWhatItRuns(String dialect, String sql, String expected) {
        List<String> hits = OneScript.findings(Dialect.fromConfig(dialect), sql.replace("\\n", "\n")).stream()
                .filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, sql);
    }

    /** A routine the script defines whose body runs SQL built at run time may run the text a call gives it. */
    @Test
    void textHandedToARoutineThatRunsTextIsReadToo() {
        String sql = """
                CREATE OR REPLACE PROCEDURE run_ddl(q VARCHAR2) IS
                BEGIN
                  EXECUTE IMMEDIATE q;
                END;
                /
                BEGIN
                  run_ddl('DROP TABLE customers');
                END;
                /
                """;
        List<String> hits = OneScript.findings(Dialect.ORACLE, sql).stream()
                .map(f -> f.location() + " " + f.severity() + " " + f.ruleId()).toList();
        assertEquals(List.of("V1__x.sql:3:3 WARNING runtime-sql", "V1__x.sql:7:12 ERROR drop-table"), hits);
    }
}
