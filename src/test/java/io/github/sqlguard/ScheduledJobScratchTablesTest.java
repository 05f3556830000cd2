package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scheduled job (a pg_cron job's command, an Oracle scheduler job's action, a MySQL event's body) runs after the migration, when a table the
 * script created holds the application's rows: such a table is no scratch table there, as in a trigger's body.
 */
class ScheduledJobScratchTablesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "postgresql | CREATE TABLE job_queue (id bigint);\\nSELECT cron.schedule('drain', '@daily', 'DELETE FROM job_queue') | V1__x.sql:2:42 delete-without-where DELETE without WHERE removes every row of job_queue (inside pg_cron job, which runs it on its schedule)",
        "postgresql | CREATE TABLE job_queue (id bigint);\\nDELETE FROM job_queue | -",
        "postgresql | CREATE TABLE job_queue (id bigint);\\nDO $$\\nBEGIN\\n  PERFORM cron.schedule('drain', '@daily', 'DELETE FROM job_queue');\\nEND $$ | V1__x.sql:4:45 delete-without-where DELETE without WHERE removes every row of job_queue (inside DO block, pg_cron job, which runs it on its schedule)",
        // Oracle: a scheduler job's PL/SQL block, named or positional, and the older DBMS_JOB.SUBMIT's text.
        "oracle     | CREATE TABLE job_queue (id NUMBER);\\nBEGIN\\n  DBMS_SCHEDULER.CREATE_JOB(\\n    job_name => 'DRAIN',\\n    job_type => 'PLSQL_BLOCK',\\n    job_action => 'BEGIN DELETE FROM job_queue; COMMIT; END;',\\n    repeat_interval => 'FREQ=DAILY',\\n    enabled => TRUE);\\nEND;\\n/ | V1__x.sql:6:26 delete-without-where DELETE without WHERE removes every row of job_queue (inside PL/SQL block, scheduler job, which runs it on its schedule)",
        "oracle     | EXEC DBMS_SCHEDULER.CREATE_JOB('DRAIN', 'PLSQL_BLOCK', 'BEGIN EXECUTE IMMEDIATE ''TRUNCATE TABLE job_queue''; END;', 0, SYSTIMESTAMP, 'FREQ=HOURLY') | V1__x.sql:1:83 truncate-table TRUNCATE removes every row of table job_queue (inside scheduler job, which runs it on its schedule)",
        "oracle     | DECLARE\\n  j NUMBER;\\nBEGIN\\n  DBMS_JOB.SUBMIT(j, 'DELETE FROM job_queue;', SYSDATE, 'SYSDATE + 1');\\nEND;\\n/ | V1__x.sql:4:23 delete-without-where DELETE without WHERE removes every row of job_queue (inside PL/SQL block, scheduler job, which runs it on its schedule)",
        // A job that runs a program or an executable runs no SQL text; one whose block keeps a WHERE is fine.
        "oracle     | BEGIN\\n  DBMS_SCHEDULER.CREATE_JOB(job_name => 'BACKUP', job_type => 'EXECUTABLE', job_action => '/bin/rm -rf /backup/old', enabled => TRUE);\\nEND;\\n/ | -",
        "oracle     | BEGIN\\n  DBMS_SCHEDULER.CREATE_JOB(job_name => 'TRIM', job_type => 'PLSQL_BLOCK', job_action => 'BEGIN DELETE FROM job_queue WHERE id < 100; END;');\\nEND;\\n/ | -",
        // SQL Server Agent: a T-SQL job step's command (the default subsystem); a CmdExec step runs no SQL.
        "sqlserver  | CREATE TABLE dbo.JobQueue (id int)\\nGO\\nEXEC msdb.dbo.sp_add_jobstep @job_name = N'Drain', @step_name = N'Drain', @command = N'DELETE FROM dbo.JobQueue', @database_name = N'App' | V1__x.sql:3:88 delete-without-where DELETE without WHERE removes every row of dbo.JobQueue (inside SQL Server Agent job, which runs it on its schedule)",
        "sqlserver  | EXEC msdb.dbo.sp_add_jobstep @job_name = N'Drain', @step_name = N'Drain', @subsystem = N'CmdExec', @command = N'DELETE FROM dbo.JobQueue' | -",
        "sqlserver  | EXEC msdb.dbo.sp_add_jobstep @job_name = N'Trim', @step_name = N'Trim', @subsystem = N'TSQL', @command = N'DELETE FROM dbo.JobQueue WHERE id < 100' | -",
        "mysql      | CREATE TABLE job_queue (id bigint);\\nCREATE EVENT drain ON SCHEDULE EVERY 1 DAY DO DELETE FROM job_queue | V1__x.sql:2:47 delete-without-where DELETE without WHERE removes every row of job_queue (inside event drain body, which runs on the event's schedule)",
    })
    void scheduledJobsFindTheScriptsTablesFull(String dialect, String sql, String expected) {
        List<String> hits = OneScript.findings(Dialect.fromConfig(dialect), sql.replace("\\n", "\n")).stream()
                .filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, sql);
    }
}
