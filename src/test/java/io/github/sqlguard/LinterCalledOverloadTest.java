package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL tells overloads of one name apart by their parameters: a call with two arguments runs the overload
 * that takes two, never one that needs three, so a finding at the call comes from the body it really runs.
 */
class LinterCalledOverloadTest {

    /** Two overloads: the short one only grants, the long one drops the table it is given. */
    private static final String OVERLOADS = """
            CREATE OR REPLACE FUNCTION tidy(in_table text, in_role text) RETURNS bool LANGUAGE plpgsql AS $$
            BEGIN
              EXECUTE 'GRANT SELECT ON ' || quote_ident(in_table) || ' TO ' || quote_ident(in_role);
              RETURN true;
            END;
            $$;
            CREATE OR REPLACE FUNCTION tidy(in_table text, in_role text, in_drop bool) RETURNS bool
            LANGUAGE plpgsql AS $$
            BEGIN
              EXECUTE 'DROP TABLE ' || in_table;
              RETURN true;
            END;
            $$;
            """;

    @TempDir
    Path project;

    @Test
    void aCallInTheSameScriptRunsOnlyTheOverloadItsArgumentsFit() throws IOException {
        TestProject.write(project, "db/V1__tidy.sql", OVERLOADS
                + "SELECT tidy('orders', 'clerk');\nSELECT tidy('items', 'clerk', true);\n");

        assertEquals(List.of(
                "db/V1__tidy.sql:15:1 drop-table ERROR DROP TABLE removes table items and all its rows"
                        + " (at db/V1__tidy.sql:10:12, in tidy, which this script created and this statement calls)"),
                describe(lint()).stream().filter(f -> !f.endsWith("INFO")).toList());
    }

    /** A body only an overload's calls would run stays one that runs only when called. */
    @Test
    void aBodyOfAnOverloadTheScriptNeverCallsRunsOnlyWhenCalled() throws IOException {
        TestProject.write(project, "db/V1__tidy.sql", OVERLOADS
                + "SELECT tidy(name, 'clerk') FROM tables_to_tidy;\n");

        assertEquals(List.of("db/V1__tidy.sql:10:12 drop-table INFO DROP TABLE removes table <run-time value> and all"
                + " its rows (inside function tidy body, which runs only when called)"),
                lint().findings().stream().filter(f -> f.ruleId().equals("drop-table"))
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList());
    }

    @Test
    void aCallOfAnEarlierMigrationsOverloadsRunsOnlyTheOneItsArgumentsFit() throws IOException {
        TestProject.write(project, "db/V1__tidy.sql", OVERLOADS);
        TestProject.write(project, "db/V2__use.sql", "SELECT tidy('orders', 'clerk');\n");

        assertEquals(List.of(), describe(lint()).stream().filter(f -> f.startsWith("db/V2")).toList());
    }

    /** A parameter with a default may be left out: the call with two arguments may run the longer overload. */
    @Test
    void anOverloadWhoseLastParameterHasADefaultStillTakesTheShorterCall() throws IOException {
        TestProject.write(project, "db/V1__tidy.sql", OVERLOADS.replace("in_drop bool)", "in_drop bool DEFAULT true)")
                .replace("in_role text) RETURNS bool LANGUAGE", "in_role int) RETURNS bool LANGUAGE"));
        TestProject.write(project, "db/V2__use.sql", "SELECT tidy('orders', 'clerk');\n");

        assertEquals(List.of("db/V2__use.sql:1:1 drop-table ERROR DROP TABLE removes table orders and all its rows"
                + " (at db/V1__tidy.sql:10:12, in tidy, which an earlier migration created and this statement calls)"),
                describe(lint()).stream().filter(f -> f.startsWith("db/V2")).toList());
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()
                        + (f.severity() == Severity.INFO ? "" : " " + f.message()))
                .toList();
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
