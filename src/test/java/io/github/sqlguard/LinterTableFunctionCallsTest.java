package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL runs a function named in a FROM clause as it runs one in a select list: {@code SELECT * FROM f()},
 * {@code SELECT x FROM f(1) AS t}, a join with it, and PL/pgSQL's {@code PERFORM * FROM f()} (a SELECT whose rows
 * are thrown away) all run f's body, whether an earlier migration or the same one defined f.
 */
class LinterTableFunctionCallsTest {

    private static final String FUNCTIONS = """
            CREATE FUNCTION purge_customers() RETURNS SETOF int LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM customers;
              RETURN;
            END;
            $$;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM purge_customers(); | 1:1",
        "SELECT p.* FROM purge_customers() p; | 1:1",
        "SELECT x FROM purge_customers() AS t(x); | 1:1",
        "SELECT * FROM public.purge_customers(); | 1:1",
        "SELECT 1 FROM accounts a JOIN purge_customers() c ON true; | 1:1",
        "DO $$ BEGIN PERFORM purge_customers(); END $$; | 1:13",
        "DO $$ BEGIN PERFORM * FROM purge_customers(); END $$; | 1:13",
        "DO $$ BEGIN PERFORM * FROM public.purge_customers(); END $$; | 1:13",
        "DO $$ BEGIN PERFORM x FROM purge_customers() AS t(x); END $$; | 1:13",
        "DO $$ BEGIN\\n  PERFORM 1 FROM accounts a JOIN purge_customers() c ON true;\\nEND $$; | 2:3",
    })
    void aFunctionInTheFromClauseOfALaterMigrationRunsItsBody(String call, String at) throws IOException {
        TestProject.write(project, "db/V1__functions.sql", FUNCTIONS);
        TestProject.write(project, "db/V2__reset.sql", call.replace("\\n", "\n") + "\n");

        assertEquals(List.of("db/V2__reset.sql:" + at + " delete-without-where ERROR DELETE without WHERE removes every"
                + " row of customers (at db/V1__functions.sql:3:3, in purge_customers, which an earlier migration"
                + " created and this statement calls)" + (call.startsWith("DO") ? " (inside DO block)" : "")),
                errors("db/V2__reset.sql"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT x FROM purge_customers() AS t(x);",
        "DO $$ BEGIN PERFORM * FROM purge_customers(); END $$;",
        "DO $$ BEGIN PERFORM 1 FROM accounts a JOIN purge_customers() c ON true; END $$;",
    })
    void aFunctionTheSameMigrationDefinedRunsWhenItsFromClauseNamesIt(String call) throws IOException {
        TestProject.write(project, "db/V1__reset.sql", FUNCTIONS + call + "\n");

        assertEquals(List.of("db/V1__reset.sql:3:3 delete-without-where ERROR DELETE without WHERE removes every row"
                + " of customers (inside function purge_customers body, which this script calls at line 7)"),
                errors("db/V1__reset.sql"));
    }

    private List<String> errors(String path) {
        return TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.location().path().equals(path) && f.severity() != Severity.INFO)
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }
}
