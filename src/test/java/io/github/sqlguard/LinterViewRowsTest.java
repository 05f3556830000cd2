package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
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
 * A view the migrations created gives the rows of its query, as a query of the WITH list does: a subquery reading a
 * view whose query filters reads rows the script chose, and one reading a view whose query reads a table without a
 * filter restricts nothing, so unfiltered-subquery names that table. A view dropped since is a name like any other.
 */
class LinterViewRowsTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            POSTGRESQL | CREATE TEMP VIEW g AS (SELECT DISTINCT a.id FROM l, u a WHERE l.uid = a.id AND l.p = 'b'); \
                       | DELETE FROM n WHERE uid IN (SELECT * FROM g) | -
            POSTGRESQL | CREATE VIEW g AS SELECT id FROM u;  | DELETE FROM n WHERE uid IN (SELECT id FROM g) | 2:1 in u,
            POSTGRESQL | CREATE OR REPLACE VIEW g (k) AS SELECT id FROM u WHERE closed; \
                       | DELETE FROM n WHERE uid IN (SELECT k FROM g) | -
            POSTGRESQL | CREATE VIEW g AS SELECT id FROM u WHERE closed; DROP VIEW IF EXISTS g; \
                         CREATE VIEW g AS SELECT id FROM u; | DELETE FROM n WHERE uid IN (TABLE g) | 4:1 in u,
            POSTGRESQL | CREATE VIEW g AS SELECT id FROM u WHERE closed; DROP VIEW g; \
                       | DELETE FROM n WHERE uid IN (SELECT id FROM g) | 3:1 in g,
            POSTGRESQL | CREATE VIEW a AS SELECT id FROM u WHERE closed; CREATE VIEW b AS SELECT id FROM a; \
                       | DELETE FROM n WHERE uid IN (SELECT id FROM b) | -
            POSTGRESQL | CREATE VIEW a AS SELECT id FROM u; CREATE VIEW b AS SELECT id FROM a; \
                       | UPDATE n SET x = 0 WHERE EXISTS (SELECT 1 FROM b) | 3:1 reads u without
            POSTGRESQL | CREATE MATERIALIZED VIEW g AS SELECT id FROM u WHERE closed WITH NO DATA; \
                       | DELETE FROM n WHERE uid IN (SELECT id FROM g) | -
            POSTGRESQL | CREATE RECURSIVE VIEW g (id) AS SELECT id FROM u WHERE closed UNION ALL SELECT id FROM g; \
                       | DELETE FROM n WHERE uid IN (SELECT id FROM g) | 2:1 in g,
            MYSQL      | CREATE VIEW g AS SELECT id FROM u WHERE closed = 1; \
                       | DELETE FROM n WHERE uid IN (SELECT id FROM g) | -
            MYSQL      | CREATE SQL SECURITY INVOKER VIEW g AS SELECT id FROM u WHERE closed = 1; \
                       | DELETE FROM n WHERE uid IN (SELECT id FROM g) | -
            MYSQL      | CREATE DEFINER = CURRENT_USER VIEW g AS SELECT id FROM u WHERE closed = 1; \
                       | DELETE FROM n WHERE uid IN (SELECT id FROM g) | -
            POSTGRESQL | "" | DELETE FROM n WHERE uid IN (SELECT id FROM g) | 1:1 in g,
            """)
    void viewsGiveTheRowsOfTheirQuery(Dialect dialect, String views, String statement, String expected)
            throws IOException {
        String script = views.isEmpty() ? "" : views.replaceAll(";\\s*", ";\n");
        List<String> found = lint(dialect, script + statement + ";\n").stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();

        if (expected.equals("-")) {
            assertEquals(List.of(), found);
        } else {
            assertEquals(1, found.size(), found::toString);
            String where = expected.substring(0, expected.indexOf(' '));
            assertEquals(where, found.get(0).substring(0, found.get(0).indexOf(' ')), found::toString);
            assertTrue(found.get(0).contains(expected.substring(where.length() + 1)), found::toString);
        }
    }

    private List<Finding> lint(Dialect dialect, String sql) throws IOException {
        Path file = project.resolve("db/V2__purge.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), "CREATE TABLE u (id INT PRIMARY KEY, closed INT);\n"
                + "CREATE TABLE n (id INT, uid INT REFERENCES u (id), x INT);\nCREATE TABLE l (uid INT, p TEXT);\n",
                StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("unfiltered-subquery")).toList();
    }
}
