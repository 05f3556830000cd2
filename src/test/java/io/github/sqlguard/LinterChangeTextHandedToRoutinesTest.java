package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A helper that applies a numbered change ({@code CALL apply_change(7, $$ ..; ..; $$)}) runs every statement of the
 * text it is given: one that loses data is reported wherever it stands in the text, at its own place, whether the
 * helper's body is known or not; what a routine created in the text runs is reported once, where it is written.
 */
class LinterChangeTextHandedToRoutinesTest {

    private static final String APPLY_CHANGE = """
            CREATE OR REPLACE PROCEDURE apply_change(change_number int, change TEXT)
                LANGUAGE plpgsql
            AS $$
            BEGIN
                EXECUTE change;
            END $$;
            """;

    /** A change that creates a trigger function, then drops a table and creates it anew. */
    private static final String CHANGE = """
            -- change 7
            call apply_change(7, $aa$
                CREATE OR REPLACE FUNCTION part_cleanup() RETURNS trigger AS $body$
                    BEGIN
                        DELETE FROM part_log;
                        RETURN OLD;
                    END;
                $body$ LANGUAGE plpgsql;

                DROP TABLE IF EXISTS "part_def";
                CREATE TABLE part_def (id int);
                DO $do$ BEGIN DELETE FROM part_stage; END $do$;
            $aa$);
            """;

    @TempDir
    Path project;

    @Test
    void aDestructiveStatementAfterOthersInTheTextIsReportedWhereItIsWritten() throws IOException {
        write("db/V2__change.sql", CHANGE);

        assertEquals(List.of("db/V2__change.sql:5:13 delete-without-where INFO",
                "db/V2__change.sql:10:5 drop-table ERROR",
                "db/V2__change.sql:12:19 delete-without-where ERROR"), describe(lint()));
    }

    @Test
    void aDestructiveStatementAfterOthersInTheTextOfAKnownHelperIsReportedWhereItIsWritten() throws IOException {
        write("db/V1__helpers.sql", APPLY_CHANGE);
        write("db/V2__change.sql", CHANGE);

        // Once each, where it is written: the body runs the call's literal as it stands in the script.
        assertEquals(List.of("db/V1__helpers.sql:5:5 runtime-sql INFO",
                "db/V2__change.sql:5:13 delete-without-where INFO",
                "db/V2__change.sql:10:5 drop-table ERROR",
                "db/V2__change.sql:12:19 delete-without-where ERROR"), describe(lint()));
    }

    @Test
    void theTextOfAKnownHelperNamesWhereItsBodyRunsIt() throws IOException {
        write("db/V1__helpers.sql", APPLY_CHANGE);
        write("db/V2__change.sql", CHANGE);

        assertEquals(List.of("DROP TABLE removes table \"part_def\" and all its rows (inside text passed to"
                + " apply_change, which runs it at db/V1__helpers.sql:5:13)"), lint().findings().stream()
                        .filter(f -> f.ruleId().equals("drop-table")).map(f -> f.message()).toList());
    }

    /** A rename whose old name the same text creates again keeps that guard when a known helper runs the text. */
    @Test
    void aRenameInTheTextOfAKnownHelperSeesTheNameCreatedAgain() throws IOException {
        write("db/V1__helpers.sql", APPLY_CHANGE + "CREATE TABLE item (id int);\n");
        write("db/V2__change.sql", """
                call apply_change(8, $aa$
                    ALTER TABLE item RENAME TO item_default;
                    CREATE TABLE item (id int, kind text);
                $aa$);
                """);

        assertEquals(List.of("db/V2__change.sql:2:22 rename-table INFO Renames table item to item_default (guarded:"
                + " table item is created again at line 3) (inside text passed to apply_change, which runs it at"
                + " db/V1__helpers.sql:5:13)"), lint().findings().stream()
                        .filter(f -> f.ruleId().equals("rename-table"))
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList());
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream().map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
