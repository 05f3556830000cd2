package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A routine the script defines and calls once, later, runs its body at the call: what the statements between the
 * definition and the call established holds in it (a copy of the column it drops, a column it fills that the script
 * added), and what comes after the call does not. Findings stay where the body's statements are written.
 */
class LinterRoutineRunAtCallTest {

    private static final String DROP_PASSWORD = """
            CREATE OR REPLACE FUNCTION drop_password() RETURNS void AS $$
            BEGIN
              ALTER TABLE users DROP COLUMN password;
            END;
            $$ LANGUAGE plpgsql;
            """;

    private static final String FILL_REVIEW_ID = """
            DELIMITER //
            CREATE PROCEDURE fill_review_id()
            BEGIN
              UPDATE review SET review_id = id;
            END //
            DELIMITER ;
            """;

    @TempDir
    Path project;

    @Test
    void aCopyBetweenTheDefinitionAndTheCallGuardsWhatTheBodyDrops() throws IOException {
        write("db/V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY, password VARCHAR(100));\n");
        write("db/V2__move_password.sql", DROP_PASSWORD
                + "CREATE TABLE user_password AS SELECT id, password FROM users;\n"
                + "SELECT drop_password();\n");

        assertEquals(List.of("db/V2__move_password.sql:3:21 drop-column INFO ALTER TABLE users drops column password"
                + " (guarded: rows copied to user_password at line 6) (inside function drop_password"
                + " body, which this script calls at line 7)"), describe(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void aCopyAfterTheCallGuardsNothing() throws IOException {
        write("db/V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY, password VARCHAR(100));\n");
        write("db/V2__move_password.sql", DROP_PASSWORD
                + "SELECT drop_password();\n"
                + "CREATE TABLE user_password AS SELECT id, password FROM users;\n");

        assertEquals(List.of("db/V2__move_password.sql:3:21 drop-column ERROR"), severities(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void aBodyCalledTwiceKeepsARunOfItsOwn() throws IOException {
        write("db/V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY, password VARCHAR(100));\n");
        write("db/V2__move_password.sql", DROP_PASSWORD
                + "CREATE TABLE user_password AS SELECT id, password FROM users;\n"
                + "SELECT drop_password();\n"
                + "SELECT drop_password();\n");

        assertEquals(List.of("db/V2__move_password.sql:3:21 drop-column ERROR"), severities(lint(Dialect.POSTGRESQL)));
    }

    @Test
    void aColumnTheScriptAddsBetweenTheDefinitionAndTheCallIsFilledWithoutOverwriting() throws IOException {
        write("db/V1__review.sql", "CREATE TABLE review (id DECIMAL(12, 0) PRIMARY KEY);\n");
        write("db/V2__review_id.sql", FILL_REVIEW_ID
                + "ALTER TABLE review ADD (review_id DECIMAL(12, 0));\n"
                + "CALL fill_review_id();\n"
                + "DROP PROCEDURE fill_review_id;\n");

        assertEquals(List.of("db/V2__review_id.sql:4:3 update-without-where INFO UPDATE without WHERE changes every"
                + " row of review (guarded: column review_id was added earlier in this script and nothing has written"
                + " it since) (inside procedure fill_review_id body, which this script calls at line 8)"),
                describe(lint(Dialect.MYSQL)));
    }

    @Test
    void aColumnTheScriptWritesBeforeTheCallIsOverwritten() throws IOException {
        write("db/V1__review.sql", "CREATE TABLE review (id DECIMAL(12, 0) PRIMARY KEY);\n");
        write("db/V2__review_id.sql", "ALTER TABLE review ADD (review_id DECIMAL(12, 0));\n" + FILL_REVIEW_ID
                + "UPDATE review SET review_id = 7 WHERE id = 1;\n"
                + "CALL fill_review_id();\n");

        assertEquals(List.of("db/V2__review_id.sql:5:3 update-without-where ERROR"), severities(lint(Dialect.MYSQL)));
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

    private LintResult lint(Dialect dialect) {
        return TestProject.lint(project, dialect);
    }
}
