package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CREATE TABLE .. AS query or a materialized view fills itself from its query as it is created: a routine the query
 * calls runs then, and what its body destroys is reported at the CREATE, as at a plain SELECT that calls it. A view,
 * and a materialized view or table made WITH NO DATA, run nothing.
 */
class LinterQueryRunningCreateTest {

    private static final String PURGE = "CREATE FUNCTION purge_all() RETURNS SETOF int LANGUAGE plpgsql AS $f$\\n"
            + "BEGIN\\n  DELETE FROM accounts;\\n  RETURN;\\nEND $f$;\\n";

    private static final String ORACLE_PURGE = "CREATE OR REPLACE FUNCTION purge_all RETURN NUMBER IS\\n"
            + "  PRAGMA AUTONOMOUS_TRANSACTION;\\nBEGIN\\n  DELETE FROM accounts;\\n  COMMIT;\\n  RETURN 0;\\n"
            + "END;\\n/\\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            POSTGRESQL | CREATE TABLE t2 AS SELECT * FROM purge_all(); | delete-without-where ERROR 1:1
            POSTGRESQL | CREATE TABLE t2 AS SELECT purge_all(); | delete-without-where ERROR 1:1
            POSTGRESQL | CREATE TEMP TABLE t2 (n) AS SELECT public.purge_all() AS n; | delete-without-where ERROR 1:1
            POSTGRESQL | CREATE UNLOGGED TABLE IF NOT EXISTS t2 AS WITH p AS (SELECT purge_all() AS n) SELECT n FROM p; | delete-without-where ERROR 1:1
            POSTGRESQL | CREATE MATERIALIZED VIEW mv AS SELECT purge_all(); | delete-without-where ERROR 1:1
            POSTGRESQL | SELECT purge_all() INTO t3; | delete-without-where ERROR 1:1
            POSTGRESQL | INSERT INTO t3 SELECT purge_all(); | delete-without-where ERROR 1:1
            POSTGRESQL | DO $$\\nBEGIN\\n  CREATE TABLE t2 AS SELECT * FROM purge_all();\\nEND $$; | delete-without-where ERROR 3:3
            POSTGRESQL | CREATE MATERIALIZED VIEW mv AS SELECT purge_all() WITH NO DATA; | -
            POSTGRESQL | CREATE TABLE t2 AS SELECT * FROM purge_all() WITH NO DATA; | -
            POSTGRESQL | CREATE VIEW v AS SELECT purge_all(); | -
            POSTGRESQL | CREATE TABLE purge_all (n int); | -
            POSTGRESQL | CREATE TABLE purge_all (n) AS SELECT 1; | -
            """)
    void routineTheCreatesQueryCallsIsFollowed(Dialect dialect, String sql, String expected) throws IOException {
        List<String> findings = findings(dialect, PURGE, sql);
        assertEquals(expected.equals("-") ? List.of("delete-without-where INFO 3:3 V1")
                : List.of("delete-without-where INFO 3:3 V1", expected + " V2"), findings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            CREATE TABLE t2 AS SELECT purge_all() AS n FROM dual; | delete-without-where ERROR 1:1
            CREATE MATERIALIZED VIEW mv BUILD IMMEDIATE AS SELECT purge_all() AS n FROM dual; | delete-without-where ERROR 1:1
            CREATE MATERIALIZED VIEW mv BUILD DEFERRED AS SELECT purge_all() AS n FROM dual; | -
            """)
    void oracleCreateAsSelectFollowsTheFunction(String sql, String expected) throws IOException {
        List<String> findings = findings(Dialect.ORACLE, ORACLE_PURGE, sql);
        assertEquals(expected.equals("-") ? List.of("delete-without-where INFO 4:3 V1")
                : List.of("delete-without-where INFO 4:3 V1", expected + " V2"), findings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            CREATE TABLE t2 AS SELECT purge_all(); | 3:3 delete-without-where ERROR
            CREATE MATERIALIZED VIEW mv AS SELECT * FROM purge_all(); | 3:3 delete-without-where ERROR
            CREATE VIEW v AS SELECT purge_all(); | 3:3 delete-without-where INFO
            """)
    void routineTheScriptCreatesRunsAtItsCreateAs(String create, String expected) {
        assertEquals(List.of(expected), OneScript.placesAndSeverities(Dialect.POSTGRESQL, PURGE + create));
    }

    private List<String> findings(Dialect dialect, String earlier, String sql) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__routine.sql"), earlier.replace("\\n", "\n"), StandardCharsets.UTF_8);
        Files.writeString(db.resolve("V2__change.sql"), sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(db));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":"
                + f.location().column() + " " + Path.of(f.location().path()).getFileName().toString().substring(0, 2))
                .toList();
    }
}
