package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Oracle scripts can only change a table from a PL/SQL block through dynamic SQL, so they add a column and fill it
 * with two {@code EXECUTE IMMEDIATE} literals, often behind a dictionary check; other databases' scripts do the same
 * with {@code EXECUTE '..'}, {@code EXEC ('..')} or a prepared statement. Dynamic SQL whose whole text was read is
 * followed statement by statement, so the UPDATE fills a column that held nothing, as it would written out plainly.
 * Dynamic SQL whose text could not be read may have written the column, and the finding stays. A script's lines
 * are separated by {@code ~} here.
 */
class LinterDynamicAddThenFillTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ORACLE     | BEGIN ~ EXECUTE IMMEDIATE 'ALTER TABLE orders ADD seats NUMBER(10)'; EXECUTE IMMEDIATE 'UPDATE orders SET seats = total'; END; ~ /
            ORACLE     | DECLARE ~ v_count number:=0; BEGIN ~ select count(*) into v_count from user_tab_cols where table_name='ORDERS' and column_name='SEATS'; if (v_count = 0) then ~ execute immediate 'ALTER TABLE orders ADD seats NUMBER(10) DEFAULT NULL NULL'; execute immediate 'UPDATE orders SET seats = total'; end if; ~ commit; ~ END; ~ /
            ORACLE     | ALTER TABLE orders ADD seats NUMBER(10); ~ BEGIN ~ EXECUTE IMMEDIATE 'UPDATE orders SET seats = total'; END; ~ /
            POSTGRESQL | DO $$ BEGIN EXECUTE 'ALTER TABLE orders ADD seats INT'; EXECUTE 'UPDATE orders SET seats = total'; END $$;
            POSTGRESQL | DO $$ DECLARE v text; BEGIN v := 'ALTER TABLE orders ADD seats INT'; EXECUTE v; END $$; ~ DO $$ DECLARE v text; BEGIN v := 'ALTER TABLE orders ADD rows_seen INT'; EXECUTE v; END $$; ~ UPDATE orders SET seats = total;
            ORACLE     | DECLARE v VARCHAR2(100); BEGIN ~ v := 'ALTER TABLE orders ADD seats NUMBER(10)'; EXECUTE IMMEDIATE v; v := 'ALTER TABLE orders ADD rows_seen NUMBER(10)'; EXECUTE IMMEDIATE v; END; ~ / ~ UPDATE orders SET seats = total;
            SQLSERVER  | EXEC('ALTER TABLE orders ADD seats INT'); ~ EXEC('UPDATE orders SET seats = total');
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ EXEC sp_executesql N'UPDATE orders SET seats = total';
            MYSQL      | SET @s = 'ALTER TABLE orders ADD seats INT'; ~ PREPARE st FROM @s; ~ EXECUTE st; ~ UPDATE orders SET seats = total;
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ GO ~ DECLARE @sql NVARCHAR(MAX); ~ SET @sql = N'ALTER TABLE orders DROP CONSTRAINT ck_total'; ~ EXEC sp_executesql @sql; ~ GO ~ UPDATE orders SET seats = total;
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ DECLARE @sql NVARCHAR(MAX) = N'ALTER TABLE orders DROP CONSTRAINT ck_total'; ~ EXEC (@sql); ~ UPDATE orders SET seats = total;
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ GO ~ DECLARE @sql NVARCHAR(MAX) = N'ALTER TABLE orders DROP CONSTRAINT ck_total'; ~ EXEC (@sql); ~ UPDATE orders SET seats = total;
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ DECLARE @sql NVARCHAR(MAX) = N'ALTER TABLE orders DROP CONSTRAINT ck_total'; ~ EXEC (@sql); ~ GO ~ UPDATE orders SET seats = total;
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ GO ~ DECLARE @sql NVARCHAR(MAX), @ck SYSNAME; ~ SELECT @ck = name FROM sys.check_constraints WHERE parent_object_id = OBJECT_ID('orders'); ~ SET @sql = N'ALTER TABLE orders DROP CONSTRAINT ' + @ck; ~ EXEC sp_executesql @sql; ~ GO ~ UPDATE orders SET seats = total;
            """)
    void fillingAColumnAddedBeforeReadDynamicSqlIsNoLoss(Dialect dialect, String script) throws IOException {
        List<Finding> findings = updates(dialect, script);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.INFO, findings.get(0).severity(), findings.toString());
        assertTrue(findings.get(0).message().contains("(guarded: column seats was added earlier in this script"),
                findings.toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ORACLE | ALTER TABLE orders ADD seats NUMBER(10); ~ BEGIN ~ EXECUTE IMMEDIATE fill_statement(); END; ~ / ~ UPDATE orders SET seats = total;
            ORACLE | ALTER TABLE orders ADD seats NUMBER(10); ~ BEGIN ~ EXECUTE IMMEDIATE 'UPDATE orders SET seats = total * 2'; END; ~ / ~ UPDATE orders SET seats = total;
            MYSQL  | ALTER TABLE orders ADD seats INT; ~ PREPARE st FROM @fill; ~ EXECUTE st; ~ UPDATE orders SET seats = total;
            POSTGRESQL | ALTER TABLE orders ADD seats INT; ~ DO $$ DECLARE v text; BEGIN SELECT fill INTO v FROM pending; EXECUTE v; END $$; ~ UPDATE orders SET seats = total;
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ GO ~ DECLARE @sql NVARCHAR(MAX); ~ SELECT @sql = fill FROM pending; ~ EXEC sp_executesql @sql; ~ GO ~ UPDATE orders SET seats = total;
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ GO ~ DECLARE @sql NVARCHAR(MAX) = N'UPDATE orders SET seats = total * 2'; ~ EXEC sp_executesql @sql; ~ GO ~ UPDATE orders SET seats = total;
            SQLSERVER  | ALTER TABLE orders ADD seats INT; ~ GO ~ DECLARE @proc SYSNAME = N'dbo.fill_seats'; ~ EXEC @proc; ~ GO ~ UPDATE orders SET seats = total;
            """)
    void aColumnDynamicSqlMayHaveWrittenKeepsItsFinding(Dialect dialect, String script) throws IOException {
        List<Finding> findings = updates(dialect, script).stream()
                .filter(finding -> finding.message().startsWith("UPDATE without WHERE changes every row of orders")
                        && !finding.message().contains("inside")).toList();

        assertEquals(1, findings.size(), updates(dialect, script).toString());
        assertEquals(Severity.ERROR, findings.get(0).severity(), findings.toString());
        assertEquals(script.split(" ~ ").length, findings.get(0).location().line(), findings.toString());
    }

    private List<Finding> updates(Dialect dialect, String script) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE orders (id INT PRIMARY KEY, total INT);\n");
        TestProject.write(project, "db/V2__seats.sql", script.replace(" ~ ", "\n") + "\n");
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("update-without-where")).toList();
    }
}
