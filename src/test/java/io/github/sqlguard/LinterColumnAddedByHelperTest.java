package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrade scripts add columns through a helper an earlier migration created ({@code SELECT add_column('t', 'c',
 * 'INT')}) and fill them on the next line: the column the call adds is one the script added, as if the script had
 * written the helper's {@code ALTER TABLE} itself.
 */
class LinterColumnAddedByHelperTest {

    private static final String HELPERS = """
            CREATE TABLE task (id INT PRIMARY KEY, state VARCHAR(20));
            CREATE FUNCTION add_column(v_table varchar, v_column varchar, v_def text) RETURNS void AS $f$
            DECLARE v_sql TEXT;
            BEGIN
                v_sql := 'ALTER TABLE ' || v_table || ' ADD COLUMN IF NOT EXISTS ' || v_column || ' ' || v_def;
                EXECUTE v_sql;
            END;$f$ LANGUAGE plpgsql;
            """;

    @TempDir
    Path project;

    @Test
    void fillingAColumnAHelperCallAddedIsNoLoss() throws IOException {
        write("db/V1__helpers.sql", HELPERS);
        write("db/V2__peer.sql", """
                SELECT add_column('task', 'peer', 'VARCHAR(50)');
                UPDATE task SET peer = 'CONNECTED';
                """);

        assertEquals(List.of("db/V2__peer.sql:2:1 update-without-where INFO UPDATE without WHERE changes every row"
                + " of task (guarded: column peer was added earlier in this script and nothing has written it since)"),
                describe(lint()));
    }

    @Test
    void eachOfSeveralHelperCallsAddsAColumnTheScriptMayFill() throws IOException {
        write("db/V1__helpers.sql", HELPERS);
        write("db/V2__peers.sql", """
                SELECT add_column('task', 'peer', 'VARCHAR(50)');
                SELECT add_column('task', 'host', 'VARCHAR(50)');
                UPDATE task SET peer = 'CONNECTED';
                UPDATE task SET host = 'localhost';
                """);

        assertEquals(List.of("db/V2__peers.sql:3:1 update-without-where INFO", "db/V2__peers.sql:4:1"
                + " update-without-where INFO"), rules(lint()));
    }

    @Test
    void aColumnTheTableAlreadyHadIsNotAddedByTheCall() throws IOException {
        write("db/V1__helpers.sql", HELPERS);
        write("db/V2__state.sql", """
                SELECT add_column('task', 'state', 'VARCHAR(20)');
                UPDATE task SET state = 'NEW';
                """);

        assertEquals(List.of("db/V2__state.sql:2:1 update-without-where ERROR"), rules(lint()));
    }

    @Test
    void aColumnAnEarlierScriptAddedIsNotNewInTheNextOne() throws IOException {
        write("db/V1__helpers.sql", HELPERS);
        write("db/V2__peer.sql", "SELECT add_column('task', 'peer', 'VARCHAR(50)');\n");
        write("db/V3__fill.sql", "UPDATE task SET peer = 'CONNECTED';\n");

        assertEquals(List.of("db/V3__fill.sql:1:1 update-without-where ERROR"), rules(lint()));
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream().filter(f -> !f.location().path().endsWith("V1__helpers.sql"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }

    private static List<String> rules(LintResult result) {
        return result.findings().stream().filter(f -> !f.location().path().endsWith("V1__helpers.sql"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return TestProject.lint(project, Dialect.POSTGRESQL);
    }
}
