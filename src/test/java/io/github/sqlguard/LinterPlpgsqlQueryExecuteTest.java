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
 * PL/pgSQL runs the text of {@code RETURN QUERY EXECUTE '..'} and {@code OPEN c FOR EXECUTE '..'} as it runs a plain
 * EXECUTE's: what the text does is checked where its literal stands.
 */
class LinterPlpgsqlQueryExecuteTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            DO $$\\nDECLARE c refcursor;\\nBEGIN\\n  OPEN c FOR EXECUTE 'DELETE FROM accounts RETURNING id';\\nEND $$; | delete-without-where ERROR 4:23
            DO $$\\nDECLARE c refcursor;\\nBEGIN\\n  OPEN c NO SCROLL FOR EXECUTE 'UPDATE accounts SET note = NULL RETURNING id';\\nEND $$; | update-without-where ERROR 4:33
            DO $$\\nDECLARE c refcursor;\\nBEGIN\\n  OPEN c FOR EXECUTE 'DELETE FROM accounts WHERE id = 5 RETURNING id';\\nEND $$; | -
            DO $$\\nDECLARE c refcursor;\\nBEGIN\\n  OPEN c FOR SELECT id FROM accounts;\\nEND $$; | -
            """)
    void openForExecuteRunsItsText(String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
            CREATE FUNCTION purge() RETURNS SETOF int LANGUAGE plpgsql AS $$\\nBEGIN\\n  RETURN QUERY EXECUTE 'DELETE FROM accounts RETURNING id';\\nEND $$;\\nSELECT * FROM purge(); | delete-without-where ERROR 3:25
            CREATE FUNCTION purge() RETURNS SETOF int LANGUAGE plpgsql AS $$\\nBEGIN\\n  RETURN QUERY EXECUTE 'DELETE FROM accounts RETURNING id';\\nEND $$; | delete-without-where INFO 3:25
            CREATE FUNCTION ids() RETURNS SETOF int LANGUAGE plpgsql AS $$\\nBEGIN\\n  RETURN QUERY EXECUTE 'SELECT id FROM accounts';\\nEND $$;\\nSELECT * FROM ids(); | -
            """)
    void returnQueryExecuteRunsItsText(String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings(sql));
    }

    private List<String> findings(String sql) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id int PRIMARY KEY, note text);\n",
                StandardCharsets.UTF_8);
        Files.writeString(db.resolve("V2__change.sql"), sql.replace("\\n", "\n") + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(db));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":"
                + f.location().column()).toList();
    }
}
