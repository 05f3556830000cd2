package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrade scripts often wrap a schema change in a procedure they call once and drop: the body runs at the call, so
 * the schema replay runs it there. A type change in the body is judged against the column's type at the call, and
 * what the body changes holds for the statements after the call.
 */
class LinterCalledBodyReplayTest {

    private static final String CREATE_TABLE = "CREATE TABLE task (id INT, params VARCHAR(100));\n";

    @TempDir
    Path project;

    @Test
    void aWideningInACalledBodyIsJudgedAgainstTheTypeAtTheCall() throws IOException {
        write("db/V1__task.sql", CREATE_TABLE);
        write("db/V2__widen.sql", procedure("widen", "ALTER TABLE task MODIFY params VARCHAR(500);")
                + "CALL widen();\nDROP PROCEDURE widen;\n");

        assertEquals(List.of(), describe(lint()));
    }

    @Test
    void aNarrowingInACalledBodyNamesTheTypeItHadAtTheCall() throws IOException {
        write("db/V1__task.sql", CREATE_TABLE);
        write("db/V2__narrow.sql", procedure("narrow", "ALTER TABLE task MODIFY params VARCHAR(20);")
                + "CALL narrow();\n");

        assertEquals(List.of("db/V2__narrow.sql:4:18 alter-column-type WARNING ALTER TABLE task changes the type of"
                + " column params from VARCHAR(100) to VARCHAR(20) (shorter: 100 to 20 characters) (inside procedure"
                + " narrow body, which this script calls at line 7)"), describe(lint()));
    }

    @Test
    void whatACalledBodyChangedHoldsForTheStatementsAfterTheCall() throws IOException {
        write("db/V1__task.sql", CREATE_TABLE);
        write("db/V2__widen.sql", procedure("widen", "ALTER TABLE task MODIFY params TEXT;") + "CALL widen();\n");
        write("db/V3__back.sql", "ALTER TABLE task MODIFY params VARCHAR(100);\n");

        assertEquals(List.of("db/V3__back.sql:1:18 alter-column-type WARNING ALTER TABLE task changes the type of"
                + " column params from TEXT to VARCHAR(100) (shorter: 65535 bytes to 100 characters)"),
                describe(lint()));
    }

    @Test
    void aBodyNoMigrationCallsStaysUnknown() throws IOException {
        write("db/V1__task.sql", CREATE_TABLE);
        write("db/V2__widen.sql", procedure("widen", "ALTER TABLE task MODIFY params VARCHAR(500);"));

        assertEquals(List.of("db/V2__widen.sql:4:18 alter-column-type"), rules(lint()));
    }

    @Test
    void aStatementThatOnlyNamesTheRoutineRunsNoBody() throws IOException {
        write("db/V1__task.sql", CREATE_TABLE);
        write("db/V2__widen.sql", """
                CREATE FUNCTION widen() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    ALTER TABLE task ALTER COLUMN params TYPE varchar(500);
                END $$;
                GRANT EXECUTE ON FUNCTION widen() TO app;
                DROP FUNCTION widen();
                """);
        write("db/V3__again.sql", "ALTER TABLE task ALTER COLUMN params TYPE varchar(100);\n");

        assertEquals(List.of("db/V2__widen.sql:3:22 alter-column-type"), rules(lint(Dialect.POSTGRESQL)));
    }

    /**
     * A helper an earlier migration created builds its DDL from its parameters: each call's literals decide what
     * the body changes, so a column one call adds has its type where a later call changes it.
     */
    @Test
    void whatAHelperBuildsFromItsArgumentsHoldsAfterTheCall() throws IOException {
        write("db/V1__helpers.sql", """
                CREATE TABLE task (id INT);
                CREATE FUNCTION add_column(v_table varchar, v_column varchar, v_def text) RETURNS void AS $f$
                DECLARE v_sql TEXT;
                BEGIN
                    v_sql := 'ALTER TABLE ' || v_table || ' ADD COLUMN IF NOT EXISTS ' || v_column || ' ' || v_def;
                    EXECUTE v_sql;
                END;$f$ LANGUAGE plpgsql;
                CREATE FUNCTION change_type(v_table varchar, v_column varchar, v_new_type varchar) RETURNS void AS $f$
                BEGIN
                    EXECUTE 'ALTER TABLE ' || v_table || ' ALTER COLUMN ' || v_column || ' TYPE ' || v_new_type;
                END;$f$ LANGUAGE plpgsql;
                """);
        write("db/V2__add.sql", "SELECT add_column('task', 'reads', 'INTEGER DEFAULT 0');\n");
        write("db/V3__widen.sql", "SELECT change_type('task', 'reads', 'BIGINT');\n");
        write("db/V4__narrow.sql", "SELECT change_type('task', 'reads', 'SMALLINT');\n");

        assertEquals(List.of("db/V4__narrow.sql:1:1 alter-column-type"), rules(lint(Dialect.POSTGRESQL)).stream()
                .filter(finding -> !finding.startsWith("db/V1__")).toList());
        assertEquals(1, lint(Dialect.POSTGRESQL).findings().stream()
                .filter(finding -> finding.message().contains("from BIGINT to SMALLINT")).count());
    }

    /**
     * A helper that drops a constraint with CASCADE runs on the schema at its call: a foreign key, on which nothing
     * can depend, takes nothing along; a primary key takes the foreign keys that reference it.
     */
    @Test
    void aHelperDropsWhatTheConstraintItNamesIsAtTheCall() throws IOException {
        write("db/V1__helpers.sql", """
                CREATE TABLE owner (id INT PRIMARY KEY);
                CREATE TABLE task (id INT, owner_id INT);
                ALTER TABLE ONLY task ADD CONSTRAINT fk_task_owner FOREIGN KEY (owner_id) REFERENCES owner (id);
                CREATE FUNCTION drop_constraint(v_table varchar, v_constraint varchar) RETURNS void AS $f$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = v_constraint) THEN
                        EXECUTE 'ALTER TABLE ' || v_table || ' DROP CONSTRAINT IF EXISTS ' || v_constraint || ' CASCADE';
                    END IF;
                END;$f$ LANGUAGE plpgsql;
                """);
        write("db/V2__fk.sql", "SELECT drop_constraint('task', 'fk_task_owner');\n");
        write("db/V3__pk.sql", "SELECT drop_constraint('owner', 'owner_pkey');\n");

        assertEquals(List.of("db/V3__pk.sql:1:1 cascade"), rules(lint(Dialect.POSTGRESQL)).stream()
                .filter(finding -> !finding.startsWith("db/V1__")).toList());
    }

    /** Routines that each call the next two run each once per call: a web of them cannot make the replay blow up. */
    @Test
    @Timeout(120)
    void routinesCallingEachOtherRunOncePerCall() throws IOException {
        StringBuilder script = new StringBuilder();
        int layers = 30;
        script.append(procedure("r" + layers + "a", "ALTER TABLE task MODIFY params VARCHAR(20);"));
        script.append(procedure("r" + layers + "b", "SELECT 1;"));
        for (int layer = layers - 1; layer >= 0; layer--) {
            String next = "r" + (layer + 1);
            for (String side : List.of("a", "b")) {
                script.append(procedure("r" + layer + side, "CALL " + next + "a(); CALL " + next + "b();"));
            }
        }
        write("db/V1__task.sql", CREATE_TABLE);
        write("db/V2__web.sql", script + "CALL r0a();\n");

        assertEquals(List.of("db/V2__web.sql:4:18 alter-column-type"), rules(lint()).stream().distinct().toList());
    }

    /**
     * A dictionary migration calls a value function an earlier migration created (Oracle's generate_uuid()) in each
     * of thousands of INSERTs: its body destroys nothing, so the script before each call is not replayed for it,
     * while a procedure called at the end still starts from the copy the script made first.
     */
    @Test
    @Timeout(60)
    void aValueFunctionCalledByThousandsOfStatementsIsFollowedWithoutReplayingTheScriptEachTime()
            throws IOException {
        write("db/V1__routines.sql", """
                CREATE TABLE item (id NUMBER(10) PRIMARY KEY, name VARCHAR2(60));
                CREATE TABLE item_old (id NUMBER(10) PRIMARY KEY, name VARCHAR2(60));
                CREATE TABLE item_trl (id NUMBER(10), lang VARCHAR2(6), name VARCHAR2(60), uu VARCHAR2(36));
                CREATE OR REPLACE FUNCTION new_uuid RETURN VARCHAR2 AS
                  g VARCHAR2(32);
                BEGIN
                  g := LOWER(SYS_GUID());
                  RETURN SUBSTR(g, 1, 8) || '-' || SUBSTR(g, 9, 4);
                END;
                /
                CREATE OR REPLACE PROCEDURE purge_items AS
                BEGIN
                  DELETE FROM item;
                END;
                /
                """);
        StringBuilder script = new StringBuilder("INSERT INTO item_old SELECT * FROM item;\n");
        for (int i = 0; i < 1000; i++) {
            script.append("INSERT INTO item_trl (id, lang, name, uu) SELECT t.id, 'de', t.name, new_uuid()"
                    + " FROM item t WHERE t.id = ").append(i).append(";\n");
            script.append("UPDATE item SET name = 'n").append(i).append("' WHERE id = ").append(i).append(";\n");
        }
        write("db/V2__dictionary.sql", script + "CALL purge_items();\n");

        assertEquals(List.of("db/V2__dictionary.sql:2002:1 delete-without-where INFO DELETE without WHERE removes"
                + " every row of item (guarded: rows copied to item_old at line 1) (at db/V1__routines.sql:13:3, in"
                + " purge_items, which an earlier migration created and this statement calls)"),
                describe(lint(Dialect.ORACLE)).stream().filter(finding -> finding.startsWith("db/V2")).toList());
    }

    private static String procedure(String name, String body) {
        return "DELIMITER //\nCREATE PROCEDURE " + name + "()\nBEGIN\n" + body + "\nEND //\nDELIMITER ;\n";
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }

    private static List<String> rules(LintResult result) {
        return result.findings().stream().map(f -> f.location() + " " + f.ruleId()).toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return lint(Dialect.MYSQL);
    }

    private LintResult lint(Dialect dialect) {
        return TestProject.lint(project, dialect);
    }
}
