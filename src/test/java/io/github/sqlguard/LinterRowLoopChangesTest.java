package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DELETE or UPDATE that a {@code FOR rec IN SELECT .. LOOP} runs once for every row of its query, restricted only
 * to the loop's row ({@code WHERE id = r.id}), changes every row the query reads: over the target itself without a
 * filter, every row of the table, as {@code WHERE id IN (SELECT id FROM t)} would.
 */
class LinterRowLoopChangesTest {

    @TempDir
    Path project;

    static Stream<Arguments> loops() {
        return Stream.of(
                Arguments.of(Dialect.ORACLE, """
                        BEGIN
                          FOR r IN (SELECT id, a FROM t1) LOOP
                            DELETE FROM t1 WHERE id = r.id;
                          END LOOP;
                        END;
                        /
                        """, List.of("3:5 always-true-where")),
                Arguments.of(Dialect.ORACLE, """
                        BEGIN
                          FOR rec IN (SELECT * FROM t1) LOOP
                            UPDATE t1 SET a = NULL WHERE rec.id = t1.id;
                          END LOOP;
                        END;
                        /
                        """, List.of("3:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT id FROM t1 LOOP
                            DELETE FROM t1 WHERE id = r.id;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                // PL/pgSQL reads a one-column row into a scalar variable: the variable is that column.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE k int;
                        BEGIN
                          FOR k IN SELECT id FROM t1 LOOP
                            UPDATE t1 SET a = NULL WHERE id = k;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE k int;
                        BEGIN
                          FOR k IN SELECT id FROM t1 WHERE a IS NULL LOOP
                            DELETE FROM t1 WHERE k = t1.id;
                          END LOOP;
                        END $$;
                        """, List.of()),
                // Several scalars take the row's items in order.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE k int; v varchar;
                        BEGIN
                          FOR k, v IN SELECT id, a FROM t1 LOOP
                            UPDATE t1 SET a = upper(v) WHERE id = k;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE k int; v varchar;
                        BEGIN
                          FOR v, k IN SELECT a, id FROM t1 WHERE a IS NULL LOOP
                            DELETE FROM t1 WHERE id = k;
                          END LOOP;
                        END $$;
                        """, List.of()),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE k int; v varchar;
                        BEGIN
                          FOR v, k IN SELECT id, a FROM t1 LOOP
                            DELETE FROM t1 WHERE a = k;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                // DISTINCT or ALL changes how often the loop runs, not which rows it reaches.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT DISTINCT a FROM t1 LOOP
                            UPDATE t1 SET id = 0 WHERE a = r.a;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE v varchar;
                        BEGIN
                          FOR v IN SELECT DISTINCT a FROM t1 LOOP
                            DELETE FROM t1 WHERE a = v;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                // A field named by a column alias is the column it names.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record; n int := 1;
                        BEGIN
                          FOR r IN SELECT id AS rid FROM t1 ORDER BY id LOOP
                            UPDATE t1 SET a = n WHERE id = r.rid;
                            n := n + 1;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                Arguments.of(Dialect.ORACLE, """
                        BEGIN
                          FOR r IN (SELECT t.id rid, t.a FROM t1 t) LOOP
                            DELETE FROM t1 WHERE r.rid = t1.id;
                          END LOOP;
                        END;
                        /
                        """, List.of("3:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE k int;
                        BEGIN
                          FOR k IN SELECT id AS rid FROM t1 LOOP
                            DELETE FROM t1 WHERE id = k;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                // An alias of another column pairs the row with no row of its own; one of an expression over the
                // whole table is the subquery it stands for, judged as such.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT a AS id FROM t1 LOOP
                            DELETE FROM t1 WHERE id = r.id;
                          END LOOP;
                        END $$;
                        """, List.of()),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT id + 1 AS rid FROM t1 LOOP
                            DELETE FROM t1 WHERE id = r.rid;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 unfiltered-subquery")),
                // DISTINCT ON keeps one row of each group: the ids it reads are only some of them.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT DISTINCT ON (a) id FROM t1 LOOP
                            DELETE FROM t1 WHERE id = r.id;
                          END LOOP;
                        END $$;
                        """, List.of()),
                // A composite key: every column of it paired with the loop's row.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT id, a FROM t1 LOOP
                            DELETE FROM t1 WHERE id = r.id AND r.a = a;
                          END LOOP;
                        END $$;
                        """, List.of("5:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT id, a FROM t1 LOOP
                            DELETE FROM t1 WHERE id = r.id AND a = 'x';
                          END LOOP;
                        END $$;
                        """, List.of()),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          FOR r IN SELECT id FROM t1 LOOP
                            DELETE FROM t1 WHERE id = r.id AND a = r.a;
                          END LOOP;
                        END $$;
                        """, List.of()),
                // A loop over a declared cursor, the row named by CURRENT OF or by its key.
                Arguments.of(Dialect.ORACLE, """
                        DECLARE
                          CURSOR c IS SELECT id FROM t1 FOR UPDATE;
                        BEGIN
                          FOR r IN c LOOP
                            DELETE FROM t1 WHERE CURRENT OF c;
                          END LOOP;
                        END;
                        /
                        """, List.of("5:5 always-true-where")),
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE
                          c CURSOR FOR SELECT id, a FROM t1;
                        BEGIN
                          FOR r IN c LOOP
                            UPDATE t1 SET a = NULL WHERE CURRENT OF c;
                          END LOOP;
                        END $$;
                        """, List.of("6:5 always-true-where")),
                Arguments.of(Dialect.ORACLE, """
                        DECLARE
                          CURSOR c (p VARCHAR2) IS SELECT id FROM t1;
                        BEGIN
                          FOR r IN c('x') LOOP
                            DELETE FROM t1 WHERE id = r.id;
                          END LOOP;
                        END;
                        /
                        """, List.of("5:5 always-true-where")),
                // A cursor whose query chooses rows: only those go.
                Arguments.of(Dialect.ORACLE, """
                        DECLARE
                          CURSOR c IS SELECT id FROM t1 WHERE a = 'old' FOR UPDATE;
                        BEGIN
                          FOR r IN c LOOP
                            DELETE FROM t1 WHERE CURRENT OF c;
                          END LOOP;
                        END;
                        /
                        """, List.of()),
                // The loop's query restricts the rows, or the statement restricts them further: no finding.
                Arguments.of(Dialect.ORACLE, """
                        BEGIN
                          FOR r IN (SELECT id FROM t1 WHERE a IS NULL) LOOP
                            DELETE FROM t1 WHERE id = r.id;
                          END LOOP;
                        END;
                        /
                        """, List.of()),
                Arguments.of(Dialect.ORACLE, """
                        BEGIN
                          FOR r IN (SELECT id FROM t1) LOOP
                            DELETE FROM t1 WHERE id = r.id AND a IS NULL;
                          END LOOP;
                        END;
                        /
                        """, List.of()),
                // A loop that an IF runs reaches every row when it runs.
                Arguments.of(Dialect.POSTGRESQL, """
                        DO $$
                        DECLARE r record;
                        BEGIN
                          IF now() > '2030-01-01' THEN
                            FOR r IN SELECT id FROM t1 LOOP
                              DELETE FROM t1 WHERE id = r.id;
                            END LOOP;
                          END IF;
                        END $$;
                        """, List.of("6:7 always-true-where")),
                // Only where the loop runs the statement for every row: an IF in between chooses some.
                Arguments.of(Dialect.ORACLE, """
                        BEGIN
                          FOR r IN (SELECT id, a FROM t1) LOOP
                            IF r.a IS NULL THEN
                              DELETE FROM t1 WHERE id = r.id;
                            END IF;
                          END LOOP;
                        END;
                        /
                        """, List.of()));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aChangeLimitedToTheLoopsRowReachesEveryRowTheLoopReads(Dialect dialect, String loop, List<String> expected)
            throws IOException {
        TestProject.write(project, "db/V1__t.sql", "CREATE TABLE t1 (id INT PRIMARY KEY, a VARCHAR(10));\n");
        TestProject.write(project, "db/V2__loop.sql", loop);

        List<String> found = lint(dialect).findings().stream()
                .filter(f -> f.location().path().endsWith("V2__loop.sql"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId())
                .toList();

        assertEquals(expected, found);
    }

    private LintResult lint(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
