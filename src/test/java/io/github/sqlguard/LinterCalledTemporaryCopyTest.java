package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A copy into a temporary table that a routine the script calls makes, where the script's own text shows no
 * {@code CREATE TEMP TABLE}, keeps its rows no longer than one the script makes itself: it guards the drop of its
 * source only when the run copies them on to a table that stays. The same holds inside a called body, judged at the
 * call.
 */
class LinterCalledTemporaryCopyTest {

    private static final String SCHEMA = "CREATE TABLE jobs (id INT, name VARCHAR(50));\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | CREATE FUNCTION keep_jobs() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\\nCREATE TEMP TABLE jobs_kept AS SELECT * FROM jobs;\\nEND $$;\\nSELECT keep_jobs();\\nDROP TABLE jobs; | 5:1 ERROR DROP TABLE removes table jobs and all its rows (rows copied to jobs_kept at line 4, a temporary table whose rows go when the session ends, and no later statement copies them on)
            POSTGRESQL | CREATE FUNCTION keep_jobs() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\\nEXECUTE 'CREATE TEMPORARY TABLE jobs_kept AS SELECT * FROM jobs';\\nEND $$;\\nDO $$ BEGIN PERFORM keep_jobs(); END $$;\\nDROP TABLE jobs; | 5:1 ERROR DROP TABLE removes table jobs and all its rows (rows copied to jobs_kept at line 4, a temporary table whose rows go when the session ends, and no later statement copies them on)
            MYSQL      | DELIMITER //\\nCREATE PROCEDURE keep_jobs()\\nBEGIN\\n  CREATE TEMPORARY TABLE jobs_kept AS SELECT * FROM jobs;\\nEND //\\nDELIMITER ;\\nCALL keep_jobs();\\nDROP TABLE jobs; | 8:1 ERROR DROP TABLE removes table jobs and all its rows (rows copied to jobs_kept at line 7, a temporary table whose rows go when the session ends, and no later statement copies them on)
            POSTGRESQL | CREATE FUNCTION keep_jobs() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\\nCREATE TEMP TABLE jobs_kept AS SELECT * FROM jobs;\\nEND $$;\\nSELECT keep_jobs();\\nDROP TABLE jobs;\\nCREATE TABLE jobs (id INT, name VARCHAR(50));\\nINSERT INTO jobs SELECT * FROM jobs_kept; | 5:1 INFO DROP TABLE removes table jobs and all its rows (guarded: rows copied to jobs_kept at line 4, a temporary table whose rows line 7 copies on to jobs)
            POSTGRESQL | CREATE FUNCTION keep_jobs() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\\nCREATE TABLE jobs_kept AS SELECT * FROM jobs;\\nEND $$;\\nSELECT keep_jobs();\\nDROP TABLE jobs; | 5:1 INFO DROP TABLE removes table jobs and all its rows (guarded: rows copied to jobs_kept at line 4)
            """)
    void aCopyIntoATemporaryTableACalledRoutineMakesGuardsTheDropOnlyWhenCopiedOn(Dialect dialect, String sql,
            String expected) throws IOException {
        List<String> drops = ProjectLint.findingsAfterSchema(project, dialect, SCHEMA, sql.replace("\\n", "\n") + "\n")
                .stream().filter(f -> f.ruleId().equals("drop-table") && f.message().contains("table jobs "))
                .map(LinterCalledTemporaryCopyTest::shown).toList();

        assertEquals(List.of(expected), drops);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kept only in the temporary table | CREATE TEMP TABLE kept AS SELECT * FROM jobs;\\nDROP TABLE jobs; | 1:1 ERROR DROP TABLE removes table jobs and all its rows (rows copied to kept at line 3, a temporary table whose rows go when the session ends, and no later statement copies them on) (at db/V1__schema.sql:4:1, in move_jobs, which an earlier migration created and this statement calls)
            copied on by the body | CREATE TEMP TABLE kept AS SELECT * FROM jobs;\\nDROP TABLE jobs;\\nCREATE TABLE jobs (id INT, name VARCHAR(50), note TEXT);\\nINSERT INTO jobs (id, name) SELECT id, name FROM kept; | 1:1 INFO DROP TABLE removes table jobs and all its rows (guarded: rows copied to kept at line 3, a temporary table whose rows line 6 copies on to jobs) (at db/V1__schema.sql:4:1, in move_jobs, which an earlier migration created and this statement calls)
            kept in a lasting table | CREATE TABLE kept AS SELECT * FROM jobs;\\nDROP TABLE jobs; | 1:1 INFO DROP TABLE removes table jobs and all its rows (guarded: rows copied to kept at line 3) (at db/V1__schema.sql:4:1, in move_jobs, which an earlier migration created and this statement calls)
            """)
    void aBodyThatCopiesIntoATemporaryTableBeforeItDropsIsJudgedSoAtTheCall(String name, String body,
            String expected) throws IOException {
        String schema = SCHEMA + "CREATE FUNCTION move_jobs() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\n"
                + body.replace("\\n", "\n") + "\nEND $$;\n";

        List<String> drops = ProjectLint.findingsAfterSchema(project, Dialect.POSTGRESQL, schema,
                "SELECT move_jobs();\n").stream().filter(f -> f.ruleId().equals("drop-table"))
                .map(LinterCalledTemporaryCopyTest::shown).toList();

        assertEquals(List.of(expected), drops);
    }

    private static String shown(Finding finding) {
        return finding.location().line() + ":" + finding.location().column() + " " + finding.severity() + " "
                + finding.message();
    }
}
