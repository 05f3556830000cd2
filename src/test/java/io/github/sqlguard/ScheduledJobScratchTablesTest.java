package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scheduled job (a pg_cron job's command, a MySQL event's body) runs after the migration, when a table the
 * script created holds the application's rows: such a table is no scratch table there, as in a trigger's body.
 */
class ScheduledJobScratchTablesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "postgresql | CREATE TABLE job_queue (id bigint);\\nSELECT cron.schedule('drain', '@daily', 'DELETE FROM job_queue') | V1__x.sql:2:42 delete-without-where DELETE without WHERE removes every row of job_queue (inside pg_cron job, which runs it on its schedule)",
        "postgresql | CREATE TABLE job_queue (id bigint);\\nDELETE FROM job_queue | -",
        "mysql      | CREATE TABLE job_queue (id bigint);\\nCREATE EVENT drain ON SCHEDULE EVERY 1 DAY DO DELETE FROM job_queue | V1__x.sql:2:47 delete-without-where DELETE without WHERE removes every row of job_queue (inside event drain body, which runs on the event's schedule)",
    })
    void scheduledJobsFindTheScriptsTablesFull(String dialect, String sql, String expected) {
        List<String> hits = OneScript.findings(Dialect.fromConfig(dialect), sql.replace("\\n", "\n")).stream()
                .filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, sql);
    }
}
