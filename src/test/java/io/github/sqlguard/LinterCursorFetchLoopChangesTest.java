package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DELETE or UPDATE that a loop runs right after each {@code FETCH} of a cursor, and its exit test, restricted only
 * to the fetched row ({@code WHERE CURRENT OF c}, {@code WHERE id = v}), changes every row the cursor reads, as the
 * {@code FOR r IN c LOOP} of {@link LinterRowLoopChangesTest} does: the Oracle and PL/pgSQL {@code LOOP FETCH ..;
 * EXIT WHEN ..;}, the T-SQL {@code FETCH ..; WHILE @@FETCH_STATUS = 0 BEGIN ..} and the MySQL {@code LOOP FETCH ..;
 * IF done THEN LEAVE ..; END IF;} with its NOT FOUND handler.
 */
class LinterCursorFetchLoopChangesTest {

    private static final String ORACLE_LOOP = """
            DECLARE
              CURSOR c IS SELECT id FROM %s FOR UPDATE;
              v NUMBER;
            BEGIN
              OPEN c;
              LOOP
                FETCH c INTO v;
                EXIT WHEN c%%NOTFOUND;
                %s
              END LOOP;
              CLOSE c;
            END;
            /
            """;

    private static final String POSTGRES_LOOP = """
            DO $$
            DECLARE
              c CURSOR FOR SELECT id, a FROM %s;
              r record;
            BEGIN
              OPEN c;
              LOOP
                FETCH c INTO r;
                EXIT WHEN NOT FOUND;
                %s
              END LOOP;
              CLOSE c;
            END $$;
            """;

    private static final String POSTGRES_WHILE_FOUND_LOOP = """
            DO $$
            DECLARE
              c CURSOR FOR SELECT id, a FROM %s;
              r record;
            BEGIN
              OPEN c;
              FETCH c INTO r;
              WHILE FOUND LOOP
                %s
                FETCH c INTO r;
              END LOOP;
              CLOSE c;
            END $$;
            """;

    private static final String SQLSERVER_LOOP = """
            DECLARE @id INT
            DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT id FROM %s
            OPEN c
            FETCH NEXT FROM c INTO @id
            WHILE @@FETCH_STATUS = 0
            BEGIN
              %s
              FETCH NEXT FROM c INTO @id
            END
            CLOSE c
            DEALLOCATE c
            """;

    private static final String SQLSERVER_ENDLESS_LOOP = """
            DECLARE @id INT
            DECLARE c CURSOR FOR SELECT id FROM %s
            OPEN c
            WHILE 1 = 1
            BEGIN
              FETCH NEXT FROM c INTO @id
              IF @@FETCH_STATUS <> 0 BREAK
              %s
            END
            CLOSE c
            DEALLOCATE c
            """;

    private static final String SQLSERVER_PROCEDURE = """
            CREATE PROCEDURE purge AS
            BEGIN
              DECLARE @id INT;
              DECLARE c CURSOR FOR SELECT id FROM %s;
              OPEN c;
              FETCH NEXT FROM c INTO @id;
              WHILE (@@FETCH_STATUS = 0)
              BEGIN
                %s
                FETCH NEXT FROM c INTO @id;
              END;
              CLOSE c;
              DEALLOCATE c;
            END
            """;

    private static final String MYSQL_LOOP = """
            CREATE PROCEDURE purge()
            BEGIN
              DECLARE done INT DEFAULT 0;
              DECLARE v INT;
              DECLARE c CURSOR FOR SELECT id FROM %s;
              DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
              OPEN c;
              read_loop: LOOP
                FETCH c INTO v;
                IF done THEN
                  LEAVE read_loop;
                END IF;
                %s
              END LOOP;
              CLOSE c;
            END;
            """;

    static Stream<Arguments> loops() {
        return Stream.of(
                // Over the cursor's own table without a filter: every row.
                Arguments.of(Dialect.ORACLE, ORACLE_LOOP.formatted("t1", "DELETE FROM t1 WHERE CURRENT OF c;"),
                        List.of("9:5 always-true-where")),
                Arguments.of(Dialect.ORACLE, ORACLE_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = v;"),
                        List.of("9:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL,
                        POSTGRES_LOOP.formatted("t1", "DELETE FROM t1 WHERE CURRENT OF c;"),
                        List.of("10:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL,
                        POSTGRES_LOOP.formatted("t1", "UPDATE t1 SET a = NULL WHERE id = r.id;"),
                        List.of("10:5 always-true-where")),
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_LOOP.formatted("t1", "DELETE FROM t1 WHERE CURRENT OF c"),
                        List.of("7:3 always-true-where")),
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = @id"),
                        List.of("7:3 always-true-where")),
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_PROCEDURE.formatted("t1", "UPDATE t1 SET a = NULL WHERE CURRENT OF c;"),
                        List.of("9:5 always-true-where")),
                Arguments.of(Dialect.MYSQL, MYSQL_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = v;"),
                        List.of("13:5 always-true-where")),
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_ENDLESS_LOOP.formatted("t1", "DELETE FROM t1 WHERE CURRENT OF c"),
                        List.of("8:3 always-true-where")),
                Arguments.of(Dialect.SQLSERVER, """
                        CREATE PROCEDURE purge AS
                        BEGIN
                          DECLARE @id INT;
                          DECLARE c CURSOR FOR SELECT id FROM t1;
                          OPEN c;
                          WHILE (1 = 1)
                          BEGIN
                            FETCH NEXT FROM c INTO @id;
                            IF (@@FETCH_STATUS != 0) BREAK;
                            DELETE FROM t1 WHERE id = @id;
                          END;
                          CLOSE c;
                        END
                        """, List.of("10:5 always-true-where")),
                // The endless loop's cursor chooses rows, or the body sets something before the statement.
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_ENDLESS_LOOP.formatted("t1 WHERE a IS NULL", "DELETE FROM t1 WHERE CURRENT OF c"),
                        List.of()),
                Arguments.of(Dialect.SQLSERVER, SQLSERVER_ENDLESS_LOOP.formatted("t1",
                        "IF @id > 10 DELETE FROM t1 WHERE id = @id"), List.of()),
                // A cursor variable opened for a query; a FETCH into several variables, matched by position.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE
                          c refcursor;
                          v int;
                        BEGIN
                          OPEN c FOR SELECT id FROM t1;
                          LOOP
                            FETCH NEXT FROM c INTO v;
                            IF NOT FOUND THEN
                              EXIT;
                            END IF;
                            DELETE FROM t1 WHERE id = v;
                          END LOOP;
                        END $$;
                        """, List.of("12:5 always-true-where")),
                Arguments.of(Dialect.ORACLE, """
                        DECLARE
                          CURSOR c IS SELECT x.a, x.id FROM t1 x;
                          v_a VARCHAR2(10);
                          v_id NUMBER;
                        BEGIN
                          OPEN c;
                          LOOP
                            FETCH c INTO v_a, v_id;
                            EXIT WHEN c%NOTFOUND;
                            UPDATE t1 SET a = NULL WHERE v_id = id;
                          END LOOP;
                        END;
                        /
                        """, List.of("10:5 always-true-where")),
                // Over another table: as many rows as an unfiltered subquery reaches.
                Arguments.of(Dialect.ORACLE, ORACLE_LOOP.formatted("t2", "DELETE FROM t1 WHERE id = v;"),
                        List.of("9:5 unfiltered-subquery")),
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_LOOP.formatted("t2", "DELETE FROM t1 WHERE id = @id"),
                        List.of("7:3 unfiltered-subquery")),
                Arguments.of(Dialect.MYSQL, MYSQL_LOOP.formatted("t2", "DELETE FROM t1 WHERE id = v;"),
                        List.of("13:5 unfiltered-subquery")),
                // The cursor's query chooses rows: only those go.
                Arguments.of(Dialect.ORACLE,
                        ORACLE_LOOP.formatted("t1 WHERE a = 'old'", "DELETE FROM t1 WHERE CURRENT OF c;"),
                        List.of()),
                Arguments.of(Dialect.POSTGRESQL,
                        POSTGRES_LOOP.formatted("t1 WHERE a IS NULL", "DELETE FROM t1 WHERE CURRENT OF c;"),
                        List.of()),
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_LOOP.formatted("t1 WHERE a = 'old'", "DELETE FROM t1 WHERE id = @id"),
                        List.of()),
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_PROCEDURE.formatted("t1 WHERE a = 'old'", "DELETE FROM t1 WHERE CURRENT OF c;"),
                        List.of()),
                Arguments.of(Dialect.MYSQL,
                        MYSQL_LOOP.formatted("t1 WHERE a IS NULL", "DELETE FROM t1 WHERE id = v;"),
                        List.of()),
                // The statement restricts the rows further.
                Arguments.of(Dialect.ORACLE,
                        ORACLE_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = v AND a IS NULL;"), List.of()),
                Arguments.of(Dialect.SQLSERVER,
                        SQLSERVER_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = @id AND a IS NULL"), List.of()),
                Arguments.of(Dialect.MYSQL,
                        MYSQL_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = v AND a = 'old';"), List.of()),
                // An IF between the fetch and the statement chooses the rows.
                Arguments.of(Dialect.ORACLE, ORACLE_LOOP.formatted("t1", """
                        IF v > 10 THEN
                              DELETE FROM t1 WHERE CURRENT OF c;
                            END IF;"""), List.of()),
                Arguments.of(Dialect.POSTGRESQL, POSTGRES_LOOP.formatted("t1", """
                        IF r.a IS NULL THEN
                              DELETE FROM t1 WHERE CURRENT OF c;
                            END IF;"""), List.of()),
                Arguments.of(Dialect.SQLSERVER, SQLSERVER_LOOP.formatted("t1", """
                        IF @id > 10
                            DELETE FROM t1 WHERE CURRENT OF c"""), List.of()),
                Arguments.of(Dialect.MYSQL, MYSQL_LOOP.formatted("t1", """
                        IF v > 10 THEN
                              DELETE FROM t1 WHERE id = v;
                            END IF;"""), List.of()),
                // Another statement between the fetch and this one may change the fetched value or skip the row.
                Arguments.of(Dialect.SQLSERVER, SQLSERVER_LOOP.formatted("t1", """
                        SET @id = @id + 1
                          DELETE FROM t1 WHERE id = @id"""), List.of()),
                Arguments.of(Dialect.ORACLE, ORACLE_LOOP.formatted("t1", """
                        FETCH c INTO v;
                            DELETE FROM t1 WHERE CURRENT OF c;"""), List.of()),
                // A test other than the cursor's end leaves the loop early.
                Arguments.of(Dialect.ORACLE, ORACLE_LOOP.formatted("t1", """
                        EXIT WHEN v > 10;
                            DELETE FROM t1 WHERE CURRENT OF c;""").replace("EXIT WHEN c%NOTFOUND;\n", ""),
                        List.of()),
                Arguments.of(Dialect.SQLSERVER, SQLSERVER_LOOP.formatted("t1", """
                        DELETE FROM t1 WHERE CURRENT OF c
                          IF @id > 10 BREAK"""), List.of()),
                // The variable holds the select list's other item.
                Arguments.of(Dialect.ORACLE, """
                        DECLARE
                          CURSOR c IS SELECT a, id FROM t1;
                          v_a VARCHAR2(10);
                          v_id NUMBER;
                        BEGIN
                          OPEN c;
                          LOOP
                            FETCH c INTO v_a, v_id;
                            EXIT WHEN c%NOTFOUND;
                            DELETE FROM t1 WHERE id = v_a;
                          END LOOP;
                        END;
                        /
                        """, List.of()),
                // MySQL: a test of something other than the NOT FOUND handler's flag chooses rows.
                Arguments.of(Dialect.MYSQL, MYSQL_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = v;")
                        .replace("IF done THEN", "IF v > 10 THEN"), List.of()),
                // Only the first statement after the end test runs for each row as fetched.
                Arguments.of(Dialect.MYSQL, MYSQL_LOOP.formatted("t1", """
                        DELETE FROM t2 WHERE id = v;
                            DELETE FROM t1 WHERE id = v;"""), List.of("13:5 unfiltered-subquery")),
                // A loop that runs only when an IF chooses to, or after a handler, still reaches every row when it runs.
                Arguments.of(Dialect.ORACLE, ORACLE_LOOP.formatted("t1", "DELETE FROM t1 WHERE CURRENT OF c;")
                        .replace("  OPEN c;\n  LOOP", "  IF SYSDATE > DATE '2030-01-01' THEN\n  OPEN c;\n  LOOP")
                        .replace("  CLOSE c;", "  CLOSE c;\n  END IF;"), List.of("10:5 always-true-where")),
                Arguments.of(Dialect.MYSQL, MYSQL_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = v;").replace(
                        "  OPEN c;", "  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; END;\n  OPEN c;"),
                        List.of("14:5 always-true-where")),
                Arguments.of(Dialect.SQLSERVER, """
                        DECLARE @id INT
                        DECLARE c CURSOR FOR SELECT id FROM t1
                        IF EXISTS (SELECT 1 FROM t1 WHERE a = 'old')
                        BEGIN
                          OPEN c
                          FETCH NEXT FROM c INTO @id
                          WHILE @@FETCH_STATUS = 0
                          BEGIN
                            DELETE FROM t1 WHERE CURRENT OF c
                            FETCH NEXT FROM c INTO @id
                          END
                        END
                        """, List.of("9:5 always-true-where")),
                // PL/pgSQL fetches the first row before WHILE FOUND and the next at the end of the body.
                Arguments.of(Dialect.POSTGRESQL,
                        POSTGRES_WHILE_FOUND_LOOP.formatted("t1", "UPDATE t1 SET a = NULL WHERE id = r.id;"),
                        List.of("9:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL,
                        POSTGRES_WHILE_FOUND_LOOP.formatted("t1", "DELETE FROM t1 WHERE CURRENT OF c;"),
                        List.of("9:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL,
                        POSTGRES_WHILE_FOUND_LOOP.formatted("t1 WHERE a IS NULL", "DELETE FROM t1 WHERE id = r.id;"),
                        List.of()),
                Arguments.of(Dialect.POSTGRESQL, POSTGRES_WHILE_FOUND_LOOP.formatted("t1",
                        "IF r.a = 'x' THEN DELETE FROM t1 WHERE id = r.id; END IF;"), List.of()),
                // FOUND set by another statement than the FETCH right before: no such loop.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE
                          c CURSOR FOR SELECT id FROM t1;
                          r record;
                        BEGIN
                          OPEN c;
                          FETCH c INTO r;
                          PERFORM 1 FROM t2 WHERE id = 5;
                          WHILE FOUND LOOP
                            DELETE FROM t1 WHERE id = r.id;
                            FETCH c INTO r;
                          END LOOP;
                        END $$;
                        """, List.of()),
                // A notice raised before the EXIT changes nothing.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE
                          c CURSOR FOR SELECT id, a FROM t1;
                          r record;
                          n int := 0;
                        BEGIN
                          OPEN c;
                          LOOP
                            FETCH c INTO r;
                            IF NOT FOUND THEN
                              RAISE NOTICE '% rows done; moving on', n;
                              EXIT;
                            END IF;
                            DELETE FROM t1 WHERE id = r.id;
                          END LOOP;
                        END $$;
                        """, List.of("14:5 always-true-where")),
                // Counting the rows before the FETCH chooses none of them.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE
                          c CURSOR FOR SELECT id, a FROM t1;
                          r record;
                          n int := 0;
                        BEGIN
                          OPEN c;
                          LOOP
                            n := n + 1;
                            FETCH c INTO r;
                            EXIT WHEN NOT FOUND;
                            UPDATE t1 SET a = 'x' WHERE id = r.id;
                          END LOOP;
                        END $$;
                        """, List.of("12:5 always-true-where")),
                // CURRENT OF another cursor than the loop's.
                Arguments.of(Dialect.POSTGRESQL,
                        POSTGRES_LOOP.formatted("t1", "DELETE FROM t1 WHERE CURRENT OF other;"), List.of()));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aChangeLimitedToTheFetchedRowReachesEveryRowTheCursorReads(Dialect dialect, String loop,
            List<String> expected) throws IOException {
        TestProject.write(project, "db/V1__t.sql", """
                CREATE TABLE t1 (id INT PRIMARY KEY, a VARCHAR(10));
                CREATE TABLE t2 (id INT PRIMARY KEY);
                """);
        TestProject.write(project, "db/V2__loop.sql", loop);

        List<String> found = lint(dialect).findings().stream()
                .filter(f -> f.location().path().endsWith("V2__loop.sql"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId())
                .toList();

        assertEquals(expected, found);
    }

    @Test
    void theMessageNamesTheLoopThatFetchesTheCursor() throws IOException {
        TestProject.write(project, "db/V1__t.sql", "CREATE TABLE t1 (id INT PRIMARY KEY, a VARCHAR(10));\n");
        TestProject.write(project, "db/V2__loop.sql", ORACLE_LOOP.formatted("t1", "DELETE FROM t1 WHERE id = v;"));

        List<String> messages = lint(Dialect.ORACLE).findings().stream()
                .filter(f -> f.ruleId().equals("always-true-where"))
                .map(f -> f.message())
                .toList();

        assertEquals(1, messages.size());
        assertTrue(messages.get(0).contains("(the loop that runs it for each row it fetches from c reads every row of"
                + " t1 and pairs each row with itself on id,"), messages.get(0));
    }

    @Test
    void theMessageOfAChangeAtTheCursorsCurrentRowNamesTheCursor() throws IOException {
        TestProject.write(project, "db/V1__t.sql", "CREATE TABLE t1 (id INT PRIMARY KEY, a VARCHAR(10));\n");
        TestProject.write(project, "db/V2__loop.sql",
                POSTGRES_LOOP.formatted("t1", "DELETE FROM t1 WHERE CURRENT OF c;"));

        List<String> messages = lint(Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.ruleId().equals("always-true-where"))
                .map(f -> f.message())
                .toList();

        assertEquals(List.of("DELETE with an always-true WHERE (the loop that runs it for each row it fetches from c"
                + ", where CURRENT OF c names that row, and c reads every row of t1)"
                + " removes every row of t1 (inside DO block)"), messages);
    }

    @TempDir
    Path project;

    private LintResult lint(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
