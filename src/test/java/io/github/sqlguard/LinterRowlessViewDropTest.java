package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClickHouse drops and renames views with DROP TABLE and RENAME TABLE. A view that keeps no rows of its own (a
 * plain view, a materialized view that writes TO a table) loses nothing when an earlier migration created it; a
 * materialized view with its own engine keeps rows, and a name the replay does not know as such a view is a table.
 */
class LinterRowlessViewDropTest {

    private static final String TABLES = """
            CREATE TABLE events (site UUID, at DateTime) ENGINE = MergeTree ORDER BY (site, at);
            CREATE TABLE hourly (site UUID, hour DateTime, views UInt64) ENGINE = SummingMergeTree ORDER BY site;
            """;

    @TempDir
    Path project;

    @Test
    void droppingAMaterializedViewThatWritesToATableLosesNothing() throws IOException {
        write("db/migrations/01_init.sql", TABLES + """
                CREATE MATERIALIZED VIEW hourly_mv ON CLUSTER main TO hourly AS
                SELECT site, toStartOfHour(at) AS hour, count() AS views FROM events GROUP BY site, hour;
                CREATE VIEW recent AS SELECT * FROM events WHERE at > now() - 3600;
                """);
        write("db/migrations/02_rebuild_view.sql", """
                DROP TABLE hourly_mv;
                DROP TABLE IF EXISTS recent;
                DROP TABLE hourly;
                """);

        List<Finding> findings = drops();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("DROP TABLE removes table hourly and all its rows", findings.get(0).message());
        assertEquals(3, findings.get(0).location().line());
    }

    @Test
    void aMaterializedViewWithAnEngineOfItsOwnKeepsRows() throws IOException {
        write("db/migrations/01_init.sql", TABLES + """
                CREATE MATERIALIZED VIEW daily_mv ENGINE = SummingMergeTree ORDER BY site POPULATE AS
                SELECT site, toDate(at) AS day, count() AS views FROM events GROUP BY site, day;
                """);
        write("db/migrations/02_drop.sql", "DROP TABLE daily_mv;\n");

        List<Finding> findings = drops();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("DROP TABLE removes table daily_mv and all its rows", findings.get(0).message());
    }

    @Test
    void aRenamedViewKeepsNoRowsUnderItsNewNameAndItsOldNameIsUnknown() throws IOException {
        write("db/migrations/01_init.sql", TABLES + """
                CREATE MATERIALIZED VIEW hourly_mv_new TO hourly AS SELECT site, toStartOfHour(at) AS hour, count()
                FROM events GROUP BY site, hour;
                """);
        write("db/migrations/02_swap.sql", "RENAME TABLE hourly_mv TO hourly_mv_old;\n"
                + "RENAME TABLE hourly_mv_new TO hourly_mv;\n");
        write("db/migrations/03_drop.sql", "DROP TABLE hourly_mv;\nDROP TABLE hourly_mv_new;\n");

        List<Finding> findings = drops();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("db/migrations/03_drop.sql", findings.get(0).location().path());
        assertEquals(2, findings.get(0).location().line());
    }

    @Test
    void aTableCreatedUnderTheNameOfADroppedViewHoldsRows() throws IOException {
        write("db/migrations/01_init.sql", TABLES + "CREATE VIEW totals AS SELECT site, count() FROM events GROUP BY"
                + " site;\n");
        write("db/migrations/02_materialize.sql", "DROP VIEW totals;\n"
                + "CREATE TABLE totals (site UUID, n UInt64) ENGINE = MergeTree ORDER BY site;\n");
        write("db/migrations/03_drop.sql", "DROP TABLE totals;\n");

        List<Finding> findings = drops();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("db/migrations/03_drop.sql", findings.get(0).location().path());
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<Finding> drops() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-table")).toList();
    }
}
