package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Upgrade scripts often drop and retype columns through helper functions kept in a file of their own
 * ({@code SELECT drop_column('orders', 'note')}). When no scanned script creates the helper its body cannot be
 * followed, and a call whose name says it destroys data must not pass unseen.
 */
class LinterUnseenRoutineCallsTest {

    @TempDir
    Path project;

    @Test
    void aDroppingHelperNoScannedScriptCreatesIsReportedAtItsName() throws IOException {
        write("db/V2__drop_note.sql", "SELECT fn_db_drop_column('orders', 'note');\n");

        assertEquals(List.of("db/V2__drop_note.sql:1:8 unchecked-change WARNING The call of fn_db_drop_column runs"
                + " a routine that no scanned script creates before it, and its name says it drops columns or"
                + " tables: what it runs was not checked"), describe(lint()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT util.drop_table('orders');                          | drops columns or tables",
        "SELECT change_column_type('orders', 'total', 'INTEGER');  | changes a column's type",
        "SELECT alterColumnType('orders', 'total', 'INTEGER');     | changes a column's type",
        "CALL purge_orders();                                      | deletes rows",
        "SELECT truncate_tables('audit');                          | deletes rows",
        "SELECT delete_rows('orders', 'archived');                 | deletes rows",
    })
    void helperNamesThatSayTheyDestroyDataAreReported(String call, String says) throws IOException {
        write("db/V2__step.sql", call + "\n");

        List<LintResultLine> lines = lines(lint());
        assertEquals(1, lines.size(), lines.toString());
        assertEquals("unchecked-change WARNING", lines.get(0).rule());
        assertEquals(true, lines.get(0).message().contains("its name says it " + says), lines.get(0).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT add_column('orders', 'note', 'TEXT');",
        "SELECT drop_index('idx_orders_note');",
        "SELECT fn_db_drop_constraint('orders', 'orders_note_key');",
        "SELECT pg_drop_replication_slot('old_slot');",
        "SELECT delete_config_value('Timeout', 'general');",
        "SELECT drop_temp_table('scratch');",
        "SELECT truncate(total, 0) FROM orders;",
        "SELECT run_ddl('DROP INDEX idx_orders_note');",
        "SELECT DBMS_XMLSCHEMA.deleteSchema('order.xsd');",
    })
    void helperNamesThatDoNotSaySoAreLeftAlone(String call) throws IOException {
        write("db/V2__step.sql", call + "\n");

        assertEquals(List.of(), describe(lint()));
    }

    @Test
    void aHelperAnEarlierMigrationCreatesIsFollowedInstead() throws IOException {
        write("db/V1__helpers.sql", """
                CREATE TABLE orders (id INT PRIMARY KEY, note TEXT);
                CREATE FUNCTION drop_column(v_table varchar, v_column varchar) RETURNS void AS $f$
                BEGIN
                    EXECUTE 'ALTER TABLE ' || v_table || ' DROP COLUMN ' || v_column;
                END;$f$ LANGUAGE plpgsql;
                """);
        write("db/V2__drop_note.sql", "SELECT drop_column('orders', 'note');\n");

        assertEquals(List.of("db/V2__drop_note.sql:1:1 drop-column ERROR"),
                lines(lint()).stream().filter(line -> line.location().startsWith("db/V2"))
                        .map(line -> line.location() + " " + line.rule()).toList());
    }

    @Test
    void aHelperTheSameScriptCreatesIsNotUnseen() throws IOException {
        write("db/V2__drop_note.sql", """
                CREATE FUNCTION purge_orders() RETURNS void AS $f$
                BEGIN
                    DELETE FROM orders WHERE archived;
                END;$f$ LANGUAGE plpgsql;
                SELECT purge_orders();
                """);

        assertEquals(List.of(), describe(lint()));
    }

    @Test
    void aSqlServerProcedureNoScannedScriptCreatesIsReported() throws IOException {
        write("db/V2__purge.sql", "EXEC dbo.purge_old @days = 30;\n");

        assertEquals(List.of("db/V2__purge.sql:1:10 unchecked-change WARNING The call of dbo.purge_old runs a"
                + " routine that no scanned script creates before it, and its name says it deletes rows: what it"
                + " runs was not checked"), describe(TestProject.lint(project, Dialect.SQLSERVER)));
    }

    @Test
    void aHelperTheScriptCreatesAfterTheCallIsNotUnseen() throws IOException {
        write("db/V2__purge.sql", """
                SELECT purge_orders();
                CREATE FUNCTION purge_orders() RETURNS void AS $f$
                BEGIN
                    DELETE FROM orders WHERE archived;
                END;$f$ LANGUAGE plpgsql;
                """);

        assertEquals(List.of(), describe(lint()));
    }

    @Test
    void aCallInABodyNobodyCallsIsLeftToTheCallOfThatBody() throws IOException {
        write("db/V2__helper.sql", """
                CREATE FUNCTION tidy() RETURNS void AS $f$
                BEGIN
                    PERFORM drop_column('orders', 'note');
                END;$f$ LANGUAGE plpgsql;
                """);

        assertEquals(List.of(), lines(lint()).stream().filter(line -> !line.rule().endsWith("INFO"))
                .map(LintResultLine::toString).toList());
    }

    @ParameterizedTest
    @CsvSource({"MYSQL", "AUTO"})
    void executingAStatementTheScriptPreparedCallsNoRoutine(Dialect dialect) throws IOException {
        write("db/V1__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, note TEXT);\n");
        write("db/V2__drop_note.sql", """
                SET @preparedStatement = (SELECT IF(
                    (SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE column_name = 'note') > 0,
                    'ALTER TABLE orders DROP COLUMN note;',
                    'SELECT 1'
                ));
                PREPARE removeColumnIfExists FROM @preparedStatement;
                EXECUTE removeColumnIfExists;
                DEALLOCATE PREPARE removeColumnIfExists;
                """);

        assertEquals(List.of("db/V2__drop_note.sql:3:25 drop-column ERROR"),
                lines(TestProject.lint(project, dialect)).stream()
                        .map(line -> line.location() + " " + line.rule()).toList());
    }

    @Test
    void mySqlExecutesOnlyPreparedStatementsSoItsExecuteCallsNoRoutine() throws IOException {
        write("db/V2__purge.sql", "EXECUTE purgeOldRows;\n");

        assertEquals(List.of(), describe(TestProject.lint(project, Dialect.MYSQL)));
    }

    @Test
    void executingAPostgreSqlPreparedStatementCallsNoRoutine() throws IOException {
        write("db/V1__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, archived BOOLEAN);\n");
        write("db/V2__purge.sql", """
                PREPARE purge_old_rows (boolean) AS DELETE FROM orders WHERE archived = $1;
                EXECUTE purge_old_rows(true);
                DEALLOCATE purge_old_rows;
                """);

        assertEquals(List.of(), describe(lint()));
    }

    private record LintResultLine(String location, String rule, String message) {
    }

    private static List<LintResultLine> lines(LintResult result) {
        return result.findings().stream().map(f -> new LintResultLine(f.location().toString(),
                f.ruleId() + " " + f.severity(), f.message())).toList();
    }

    private static List<String> describe(LintResult result) {
        return lines(result).stream().map(line -> line.location() + " " + line.rule() + " " + line.message())
                .toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return TestProject.lint(project, Dialect.POSTGRESQL);
    }
}
