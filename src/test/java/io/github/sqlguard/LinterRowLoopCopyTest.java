package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PL/pgSQL migrations move rows into a new table one by one, {@code FOR r IN SELECT * FROM t LOOP INSERT INTO t_new
 * (..) VALUES (r.a, r.b); END LOOP}, before they drop the old one: a loop that runs the INSERT for every row copies
 * them as {@code INSERT .. SELECT} does, and guards the drop the same way; a value computed from the row's columns
 * alone converts them as that statement would. A loop that may skip rows or stop early, an INSERT in a branch of the
 * loop, a filtered query or a value that reads a variable or a subquery copies less, and guards nothing.
 */
class LinterRowLoopCopyTest {

    private static final String MIGRATION = """
            CREATE TABLE log_new (id int PRIMARY KEY, op varchar(32), repo varchar(255));
            DO $$
            DECLARE
                r RECORD;
                n int := 0;
            BEGIN
            %s
            END $$;
            DROP TABLE log_entry;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, r.repo); END LOOP;                 | INFO  | rows copied to log_new at line 7
            FOR r IN SELECT * FROM log_entry LOOP n := n + 1; INSERT INTO log_new VALUES (r.id, r.op, r.repo) RETURNING id INTO n; END LOOP; | INFO  | rows copied to log_new at line 7
            FOR r IN SELECT id AS log_id, op, e.repo FROM log_entry e LOOP INSERT INTO log_new VALUES (r.log_id, r.op, r.repo); END LOOP;  | INFO  | rows copied to log_new at line 7
            FOR r IN SELECT * FROM log_entry LOOP IF r.op = 'x' THEN n := 1; END IF; INSERT INTO log_new VALUES (r.id, r.op, r.repo); END LOOP; | INFO | rows copied to log_new at line 7
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, 'x'); END LOOP;                  | ERROR | leaves out column repo
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, lower(r.repo)); END LOOP;        | ERROR | values of repo converted to log_new at line 7 by lower
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, CONCAT('{"r":"', r.repo, '"}')::json); END LOOP; | INFO | rows copied to log_new at line 7
            FOR r IN SELECT id AS log_id, op, e.repo FROM log_entry e LOOP INSERT INTO log_new VALUES (r.log_id, r.op, CAST(r.repo AS text)); END LOOP; | INFO | rows copied to log_new at line 7
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, CASE WHEN r.repo IS NULL THEN 'none' ELSE r.repo END); END LOOP; | INFO | rows copied to log_new at line 7
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, (SELECT r.repo::json->>'name')); END LOOP; | ERROR | values of repo converted to log_new at line 7
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, (SELECT r.repo, 1)); END LOOP; | ERROR | leaves out column repo
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, coalesce(r.repo, n::text)); END LOOP; | ERROR | leaves out column repo
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, (SELECT max(repo) FROM log_entry WHERE id = r.id)); END LOOP; | ERROR | leaves out column repo
            FOR r IN SELECT id, op FROM log_entry LOOP INSERT INTO log_new (id, op, repo) VALUES (r.id, r.op, upper(r.repo)); END LOOP;   | ERROR | leaves out column repo
            FOR r IN SELECT * FROM log_entry LOOP IF r.op = 'x' THEN CONTINUE; END IF; INSERT INTO log_new VALUES (r.id, r.op, r.repo); END LOOP; | ERROR | removes table log_entry and all its rows
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new VALUES (r.id, r.op, r.repo); n := n + 1; EXIT WHEN n > 10; END LOOP; | ERROR | removes table log_entry and all its rows
            FOR r IN SELECT * FROM log_entry LOOP IF r.op = 'x' THEN INSERT INTO log_new VALUES (r.id, r.op, r.repo); END IF; END LOOP;   | ERROR | removes table log_entry and all its rows
            FOR r IN SELECT * FROM log_entry WHERE op <> 'x' LOOP INSERT INTO log_new VALUES (r.id, r.op, r.repo); END LOOP;              | ERROR | keeps only the rows its WHERE selects
            IF n = 0 THEN n := 1; END IF; FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new VALUES (r.id, r.op, r.repo); END LOOP; | ERROR | removes table log_entry and all its rows
            FOR r IN SELECT * FROM log_entry LOOP INSERT INTO log_new VALUES (r.id, r.op, r.repo), (r.id + 1000, r.op, r.repo); END LOOP; | ERROR | removes table log_entry and all its rows
            FOR r IN SELECT * FROM log_entry LOOP BEGIN INSERT INTO log_new VALUES (r.id, r.op, r.repo); EXCEPTION WHEN OTHERS THEN NULL; END; END LOOP; | ERROR | removes table log_entry and all its rows
            """)
    void theDropAfterARowLoopCopy(String loop, Severity expected, String note) throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE log_entry (id int PRIMARY KEY, op varchar(32), repo varchar(255));\n");
        TestProject.write(project, "db/V2__move.sql", MIGRATION.formatted(loop));

        List<Finding> drops = lint().stream().filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(9, drops.get(0).location().line());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
    }

    @Test
    void columnsALoopMovesToAnotherTableBesideTheirRowLoseNothingWhenDropped() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE schedule (id SERIAL PRIMARY KEY, cron varchar(64), job_id varchar(64), status varchar(32));
                CREATE TABLE execution (id SERIAL PRIMARY KEY, vendor_id int);
                CREATE TABLE task (id SERIAL PRIMARY KEY, execution_id int, job_id varchar(64), status varchar(32));
                """);
        TestProject.write(project, "db/V2__move.sql", """
                DO $$
                DECLARE
                    sched RECORD;
                    exec_id integer;
                BEGIN
                    FOR sched IN SELECT * FROM schedule
                    LOOP
                      INSERT INTO execution (vendor_id) VALUES (sched.id) RETURNING id INTO exec_id;
                      INSERT INTO task (execution_id, job_id, status) VALUES (exec_id, sched.job_id, sched.status);
                    END LOOP;
                END $$;
                ALTER TABLE schedule DROP COLUMN job_id;
                ALTER TABLE schedule DROP COLUMN cron;
                """);

        List<Finding> drops = lint().stream().filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(2, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("values of job_id copied to task at line 9"),
                drops.get(0).message());
        assertEquals(Severity.ERROR, drops.get(1).severity(), drops.get(1).message());
        assertEquals(13, drops.get(1).location().line());
    }

    @Test
    void theDropOfATableALoopCopiedIntoTwoTablesNamesWhatEachKept() throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE jobs (id SERIAL PRIMARY KEY, policy_id int, job_id varchar(64), status varchar(32),
                    created timestamp, res varchar(255));
                CREATE TABLE sched (id SERIAL PRIMARY KEY, vendor_id int, created timestamp);
                CREATE TABLE task (id SERIAL PRIMARY KEY, execution_id int, job_id varchar(64), status varchar(32));
                """);
        TestProject.write(project, "db/V2__move.sql", """
                DO $$
                DECLARE
                    r RECORD;
                    sid integer;
                BEGIN
                    FOR r IN SELECT * FROM jobs
                    LOOP
                      INSERT INTO sched (vendor_id, created) VALUES (r.policy_id, r.created) RETURNING id INTO sid;
                      INSERT INTO task (execution_id, job_id, status) VALUES (sid, r.job_id, r.status);
                    END LOOP;
                END $$;
                DROP TABLE jobs;
                """);

        List<Finding> drops = lint().stream().filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.ERROR, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("the copy to sched at line 8 leaves out columns id, res, whose"
                + " values are lost; values of job_id, status copied to task at line 9"), drops.get(0).message());
    }

    @Test
    void aPlsqlCursorLoopOverAQueryInParenthesesCopiesEveryRow() throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE log_entry (id NUMBER PRIMARY KEY, op VARCHAR2(32));\n");
        TestProject.write(project, "db/V2__move.sql", """
                CREATE TABLE log_new (id NUMBER PRIMARY KEY, op VARCHAR2(32));
                BEGIN
                    FOR r IN (SELECT id, op FROM log_entry) LOOP
                        INSERT INTO log_new (id, op) VALUES (r.id, r.op);
                    END LOOP;
                END;
                /
                DROP TABLE log_entry;
                """);

        List<Finding> drops = ProjectLint.findings(project, Dialect.ORACLE).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("rows copied to log_new at line 4"), drops.get(0).message());
    }

    @Test
    void aCursorLoopThatCountsAndReportsItsRowsCopiesEveryRow() throws IOException {
        TestProject.write(project, "db/V1__init.sql",
                "CREATE TABLE log_entry (id int PRIMARY KEY, op varchar(32));\n");
        TestProject.write(project, "db/V2__move.sql", """
                CREATE TABLE log_new (id int PRIMARY KEY, op varchar(32));
                DO $$
                DECLARE
                    n int := 0;
                    r record;
                    c CURSOR FOR SELECT id, op FROM log_entry;
                BEGIN
                    OPEN c;
                    LOOP
                        n := n + 1;
                        FETCH c INTO r;
                        IF NOT FOUND THEN
                            RAISE NOTICE '% rows copied', n - 1;
                            EXIT;
                        END IF;
                        INSERT INTO log_new (id, op) VALUES (r.id, r.op);
                    END LOOP;
                    CLOSE c;
                END $$;
                DROP TABLE log_entry;
                """);

        List<Finding> drops = lint().stream().filter(f -> f.ruleId().equals("drop-table")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertTrue(drops.get(0).message().contains("rows copied to log_new at line 16"), drops.get(0).message());
    }

    private List<Finding> lint() {
        return ProjectLint.findings(project, Dialect.POSTGRESQL);
    }
}
