package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A routine body runs its statements in order whenever it is called, so what its earlier statements establish
 * guards its later ones as a script's do: upgrade procedures add a column and fill it ({@code ALTER TABLE t ADD
 * COLUMN created_time BIGINT; UPDATE t SET created_time = ..}), which overwrites nothing, whether the script itself
 * or a later migration calls the procedure. What the statements around the definition establish does not hold in
 * the body, which runs later, unless the script calls it once, right after its definition, as MySQL migrations
 * call their helpers; nor does what one arm of a branch establishes after the branch.
 */
class LinterRoutineBodyGuardsTest {

    private static final String FILL_NEW_COLUMN = """
            CREATE OR REPLACE PROCEDURE add_created_time()
                LANGUAGE plpgsql AS
            $$
            BEGIN
                ALTER TABLE device ADD COLUMN created_time BIGINT;
                UPDATE device SET created_time = 0;
            END;
            $$;
            """;

    private static final String HELPER_FILLING_REVIEW_ID = """
            ALTER TABLE review ADD (review_id DECIMAL(12, 0));
            DROP PROCEDURE IF EXISTS sp;
            DELIMITER //
            CREATE PROCEDURE sp()
            BEGIN
              IF EXISTS (SELECT * FROM review) THEN
                UPDATE review SET review_id = @n := IF(@n IS NULL, 1, @n + 1);
              END IF;
            END //
            DELIMITER ;
            """;

    @TempDir
    Path project;

    @Test
    void aBodyFillingTheColumnItAddedIsGuardedWhenTheScriptCallsIt() throws IOException {
        write("db/V1__created_time.sql", FILL_NEW_COLUMN + "CALL add_created_time();\n");

        // Called right after its definition, the body runs as a part of this script.
        assertEquals(List.of("db/V1__created_time.sql:6:5 update-without-where INFO UPDATE without WHERE changes every"
                + " row of device (guarded: column created_time was added earlier in this script and nothing has"
                + " written it since) (inside procedure add_created_time body, which this script calls at line 9)"),
                describe(lint()));
    }

    @Test
    void aBodyFillingTheColumnItAddedIsGuardedWhenALaterMigrationCallsIt() throws IOException {
        write("db/V1__created_time.sql", FILL_NEW_COLUMN);
        write("db/V2__run.sql", "CALL add_created_time();\n");

        assertEquals(List.of("db/V1__created_time.sql:6:5 update-without-where INFO UPDATE without WHERE changes every"
                        + " row of device (guarded: column created_time was added earlier in procedure"
                        + " add_created_time body and nothing has written it since) (inside procedure add_created_time"
                        + " body, which runs only when called)",
                "db/V2__run.sql:1:1 update-without-where INFO UPDATE without WHERE changes every row of device"
                        + " (guarded: column created_time was added earlier in procedure add_created_time body and"
                        + " nothing has written it since) (at db/V1__created_time.sql:6:5, in add_created_time, which"
                        + " an earlier migration created and this statement calls)"), describe(lint()));
    }

    @Test
    void aColumnAddedBeforeTheDefinitionMayHoldValuesWhenTheBodyRuns() throws IOException {
        write("db/V1__created_time.sql", """
                ALTER TABLE device ADD COLUMN created_time BIGINT;
                CREATE OR REPLACE PROCEDURE reset_created_time()
                    LANGUAGE plpgsql AS
                $$
                BEGIN
                    UPDATE device SET created_time = 0;
                END;
                $$;
                INSERT INTO device (created_time) VALUES (42);
                CALL reset_created_time();
                """);

        assertEquals(List.of("db/V1__created_time.sql:6:5 update-without-where ERROR"), severities(lint()));
    }

    /**
     * MySQL migrations define a helper, call it on the next line and drop it: the body runs right there, on what the
     * script did before the definition, so filling the column the script added overwrites nothing.
     */
    @Test
    void aHelperCalledRightAfterItsDefinitionRunsOnTheScriptsState() throws IOException {
        write("db/V1__review_id.sql", HELPER_FILLING_REVIEW_ID + "CALL sp();\nDROP PROCEDURE IF EXISTS sp;\n");

        assertEquals(List.of("db/V1__review_id.sql:7:5 update-without-where INFO UPDATE without WHERE changes every"
                + " row of review (guarded: column review_id was added earlier in this script and nothing has written"
                + " it since) (inside procedure sp body, which this script calls at line 11)"),
                describe(lint(Dialect.MYSQL)));
    }

    @Test
    void aHelperCalledTwiceOverwritesWhatItsFirstCallFilled() throws IOException {
        write("db/V1__review_id.sql", HELPER_FILLING_REVIEW_ID + "CALL sp();\nCALL sp();\n");

        assertEquals(List.of("db/V1__review_id.sql:7:5 update-without-where ERROR"), severities(lint(Dialect.MYSQL)));
    }

    @Test
    void aColumnAddedInOneArmOfTheBodyGuardsNothingAfterTheBranch() throws IOException {
        write("db/V1__created_time.sql", """
                CREATE OR REPLACE PROCEDURE add_created_time(fresh boolean)
                    LANGUAGE plpgsql AS
                $$
                BEGIN
                    IF fresh THEN
                        ALTER TABLE device ADD COLUMN created_time BIGINT;
                    END IF;
                    UPDATE device SET created_time = 0;
                END;
                $$;
                CALL add_created_time(NOT EXISTS (SELECT 1 FROM device));
                """);

        assertEquals(List.of("db/V1__created_time.sql:8:5 update-without-where ERROR"), severities(lint()));
    }

    @Test
    void aColumnAddedAndFilledInTheSameArmIsGuarded() throws IOException {
        write("db/V1__created_time.sql", """
                CREATE OR REPLACE PROCEDURE add_created_time(fresh boolean)
                    LANGUAGE plpgsql AS
                $$
                BEGIN
                    IF fresh THEN
                        ALTER TABLE device ADD COLUMN created_time BIGINT;
                        UPDATE device SET created_time = 0;
                    END IF;
                END;
                $$;
                CALL add_created_time(NOT EXISTS (SELECT 1 FROM device));
                """);

        assertEquals(List.of("db/V1__created_time.sql:7:9 update-without-where INFO"), severities(lint()));
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }

    private static List<String> severities(LintResult result) {
        return result.findings().stream().map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return lint(Dialect.POSTGRESQL);
    }

    private LintResult lint(Dialect dialect) {
        return TestProject.lint(project, dialect);
    }
}
