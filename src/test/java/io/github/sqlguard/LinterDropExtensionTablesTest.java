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
 * PostgreSQL's {@code DROP EXTENSION} drops the tables the extension created as its own members, with or without
 * CASCADE: pg_cron's scheduled jobs, the keys of pgsodium, the secrets of the vault are rows the users wrote.
 * An extension whose objects hold no rows (pg_graphql, pgcrypto) loses nothing.
 */
class LinterDropExtensionTablesTest {

    @TempDir
    Path project;

    static Stream<Arguments> drops() {
        return Stream.of(
                Arguments.of("DROP EXTENSION pg_cron;\n", List.of("1:1 drop-table DROP EXTENSION pg_cron removes its"
                        + " tables cron.job, cron.job_run_details and every row in them")),
                Arguments.of("drop extension if exists \"pgsodium\";\n", List.of("1:1 drop-table DROP EXTENSION"
                        + " \"pgsodium\" removes its table pgsodium.key and every row in it")),
                Arguments.of("DROP EXTENSION IF EXISTS pgcrypto, supabase_vault RESTRICT;\n", List.of("1:1"
                        + " drop-table DROP EXTENSION supabase_vault removes its table vault.secrets and every row"
                        + " in it")),
                Arguments.of("""
                        DO $$
                        BEGIN
                          IF EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_partman') THEN
                            DROP EXTENSION pg_partman;
                          END IF;
                        END $$;
                        """, List.of("4:5 drop-table DROP EXTENSION pg_partman removes its tables part_config,"
                        + " part_config_sub and every row in them (inside DO block)")),
                Arguments.of("DROP EXTENSION IF EXISTS pg_graphql;\nDROP EXTENSION pgcrypto;\n", List.of()));
    }

    @ParameterizedTest
    @MethodSource("drops")
    void droppingAnExtensionDropsTheTablesItOwns(String sql, List<String> expected) throws IOException {
        TestProject.write(project, "db/V1__drop.sql", sql);

        List<String> found = lint().findings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.message())
                .toList();

        assertEquals(expected, found);
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
