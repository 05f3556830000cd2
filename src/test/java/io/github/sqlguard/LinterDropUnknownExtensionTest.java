package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * PostgreSQL's {@code DROP EXTENSION} drops every table the extension owns, and an extension may keep its users' rows
 * in such a table (one it marks with pg_extension_config_dump). When sqlguard knows neither that the extension owns
 * no such table nor which tables it owns, the drop is an {@code unchecked-change}, never a silent pass.
 */
class LinterDropUnknownExtensionTest {

    private static final String NOT_CHECKED = " drops every table the extension owns with it, and sqlguard does not"
            + " know whether ";

    @TempDir
    Path project;

    static Stream<Arguments> drops() {
        return Stream.of(
                Arguments.of("DROP EXTENSION pgmq;\n", List.of("1:1 unchecked-change WARNING DROP EXTENSION pgmq"
                        + NOT_CHECKED + "it keeps rows in one (a table it marks with pg_extension_config_dump holds"
                        + " rows its users wrote): its tables were not checked")),
                Arguments.of("drop extension if exists \"pg_net\", pgcrypto, timescaledb restrict;\n", List.of(
                        "1:1 unchecked-change WARNING DROP EXTENSION \"pg_net\", timescaledb" + NOT_CHECKED
                                + "they keep rows in one (a table they mark with pg_extension_config_dump holds"
                                + " rows their users wrote): their tables were not checked")),
                Arguments.of("""
                        DO $$
                        BEGIN
                          DROP EXTENSION IF EXISTS pgq;
                        END $$;
                        """, List.of("3:3 unchecked-change WARNING DROP EXTENSION pgq" + NOT_CHECKED + "it keeps"
                        + " rows in one (a table it marks with pg_extension_config_dump holds rows its users wrote):"
                        + " its tables were not checked (inside DO block)")),
                // Known: no table with rows, or the tables it owns are reported as drop-table.
                Arguments.of("DROP EXTENSION IF EXISTS \"uuid-ossp\";\nDROP EXTENSION pg_trgm, hstore;\n",
                        List.of()),
                Arguments.of("DROP EXTENSION pg_cron;\n", List.of("1:1 drop-table ERROR DROP EXTENSION pg_cron"
                        + " removes its tables cron.job, cron.job_run_details and every row in them")),
                // Not a PostgreSQL DROP EXTENSION.
                Arguments.of("CREATE EXTENSION pgmq;\nSELECT 'DROP EXTENSION pgmq';\n", List.of()));
    }

    @ParameterizedTest
    @MethodSource("drops")
    void droppingAnExtensionOfUnknownTablesIsReported(String sql, List<String> expected) throws IOException {
        TestProject.write(project, "db/V1__drop.sql", sql);

        List<String> found = lint().findings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity()
                        + " " + f.message())
                .toList();

        assertEquals(expected, found);
    }

    @Test
    void aCascadeOfAnUnknownExtensionIsReportedBesideTheColumnsOfTheTypesItDrops() throws IOException {
        TestProject.write(project, "db/V1__tree.sql",
                "CREATE EXTENSION ltree;\nCREATE TABLE tree (id int, path ltree);\n");
        TestProject.write(project, "db/V2__drop.sql", "DROP EXTENSION ltree, pgmq CASCADE;\n");

        List<String> found = lint().findings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()).toList();

        assertEquals(List.of("1:1 unchecked-change", "1:28 cascade", "1:28 drop-column"), found);
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
