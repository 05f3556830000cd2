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
 * The query in a {@code FOR r IN query LOOP} header runs once as the loop starts: a PL/pgSQL DELETE or UPDATE with
 * RETURNING there, a routine it calls and a text it runs through EXECUTE are checked like any statement of the
 * body, at their place in the header. A range, a cursor, an array or a plain SELECT change nothing.
 */
class LinterLoopHeaderQueryTest {

    private static final String PURGE = "CREATE FUNCTION purge_all() RETURNS SETOF int LANGUAGE plpgsql AS $f$\\n"
            + "BEGIN\\n  DELETE FROM accounts;\\n  RETURN;\\nEND $f$;\\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            POSTGRESQL | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN DELETE FROM accounts RETURNING id LOOP\\n    RAISE NOTICE '%', r.id;\\n  END LOOP;\\nEND $$; | delete-without-where ERROR 4:12
            POSTGRESQL | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN UPDATE accounts SET note = NULL RETURNING id LOOP\\n    RAISE NOTICE '%', r.id;\\n  END LOOP;\\nEND $$; | update-without-where ERROR 4:12
            POSTGRESQL | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN DELETE FROM accounts WHERE id = 5 RETURNING id LOOP\\n    RAISE NOTICE '%', r.id;\\n  END LOOP;\\nEND $$; | -
            POSTGRESQL | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN EXECUTE 'DELETE FROM accounts RETURNING id' LOOP\\n    RAISE NOTICE '%', r.id;\\n  END LOOP;\\nEND $$; | delete-without-where ERROR 4:21
            POSTGRESQL | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN WITH gone AS (DELETE FROM accounts RETURNING id) SELECT id FROM gone LOOP\\n    RAISE NOTICE '%', r.id;\\n  END LOOP;\\nEND $$; | delete-without-where ERROR 4:26
            POSTGRESQL | DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT id FROM accounts LOOP\\n    RAISE NOTICE '%', r.id;\\n  END LOOP;\\nEND $$; | -
            POSTGRESQL | DO $$\\nDECLARE i int;\\nBEGIN\\n  FOR i IN 1 .. 10 LOOP\\n    RAISE NOTICE '%', i;\\n  END LOOP;\\nEND $$; | -
            POSTGRESQL | DO $$\\nDECLARE r record;\\nBEGIN\\n  IF (SELECT count(*) FROM accounts) > 0 THEN\\n    FOR r IN DELETE FROM accounts RETURNING id LOOP\\n      RAISE NOTICE '%', r.id;\\n    END LOOP;\\n  END IF;\\nEND $$; | delete-without-where ERROR 5:14
            ORACLE     | BEGIN\\n  FOR r IN (SELECT id FROM accounts) LOOP\\n    NULL;\\n  END LOOP;\\nEND;\\n/ | -
            """)
    void loopHeaderQueryIsChecked(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" ## ")), findings(dialect, null, sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT * FROM purge_all() LOOP\\n    RAISE NOTICE '%', r;\\n  END LOOP;\\nEND $$; | delete-without-where ERROR 4:12
            DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT x FROM purge_all() AS x LOOP\\n    RAISE NOTICE '%', r;\\n  END LOOP;\\nEND $$; | delete-without-where ERROR 4:12
            DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT purge_all() LOOP\\n    RAISE NOTICE '%', r;\\n  END LOOP;\\nEND $$; | delete-without-where ERROR 4:12
            DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT public.purge_all() AS n LOOP\\n    RAISE NOTICE '%', r;\\n  END LOOP;\\nEND $$; | delete-without-where ERROR 4:12
            DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT id FROM accounts WHERE id IN (SELECT purge_all()) LOOP\\n    RAISE NOTICE '%', r;\\n  END LOOP;\\nEND $$; | delete-without-where ERROR 4:12
            DO $$\\nDECLARE r record;\\nBEGIN\\n  IF 1 = 1 THEN\\n    FOR r IN SELECT lower(name) AS n FROM purge_all() p JOIN accounts a ON a.id = p LOOP\\n      RAISE NOTICE '%', r;\\n    END LOOP;\\n  END IF;\\nEND $$; | delete-without-where ERROR 5:14
            """)
    void routineTheLoopHeaderCallsIsFollowed(String sql, String expected) throws IOException {
        List<String> findings = findings(Dialect.POSTGRESQL, PURGE, sql);
        assertEquals(List.of("delete-without-where INFO 3:3 V1", expected + " V2"), findings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT lower(note) AS n, count(*) FROM accounts WHERE id IN (1, 2) GROUP BY 1 LOOP\\n    RAISE NOTICE '%', r;\\n  END LOOP;\\nEND $$;
            DO $$\\nDECLARE r record;\\nBEGIN\\n  FOR r IN SELECT id FROM accounts WHERE EXISTS (SELECT 1 FROM accounts) LOOP\\n    RAISE NOTICE '%', r;\\n  END LOOP;\\nEND $$;
            """)
    void loopHeaderThatCallsNoEarlierRoutineFindsNothing(String sql) throws IOException {
        assertEquals(List.of("delete-without-where INFO 3:3 V1"), findings(Dialect.POSTGRESQL, PURGE, sql));
    }

    private List<String> findings(Dialect dialect, String earlier, String sql) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        if (earlier != null) {
            Files.writeString(db.resolve("V1__routine.sql"), earlier.replace("\\n", "\n"), StandardCharsets.UTF_8);
        }
        Files.writeString(db.resolve("V2__change.sql"), sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(db));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":"
                + f.location().column() + (earlier == null ? "" : " " + Path.of(f.location().path()).getFileName()
                        .toString().substring(0, 2))).toList();
    }
}
