package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code UPDATE TABLE t SET ..}, written as if UPDATE took the word TABLE as ALTER and TRUNCATE do, means table
 * {@code t} to its reader: TABLE is a reserved word in every dialect, so it never names the table itself, and the
 * finding names the table that follows it.
 */
class LinterUpdateTableWordTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | UPDATE TABLE app.items SET note = 'x'               | 1:1 ERROR UPDATE without WHERE changes every row of app.items
            MYSQL      | UPDATE TABLE items SET note = 'x'                   | 1:1 ERROR UPDATE without WHERE changes every row of items
            SQLSERVER  | UPDATE TABLE dbo.items SET note = 'x'               | 1:1 ERROR UPDATE without WHERE changes every row of dbo.items
            ORACLE     | update table items set note = 'x'                   | 1:1 ERROR UPDATE without WHERE changes every row of items
            AUTO       | UPDATE TABLE items SET note = 'x'                   | 1:1 ERROR UPDATE without WHERE changes every row of items
            POSTGRESQL | UPDATE TABLE app.items SET note = 'x' WHERE id = 1  | ''
            POSTGRESQL | UPDATE "table" SET note = 'x'                       | 1:1 ERROR UPDATE without WHERE changes every row of "table"
            """)
    void theTableAfterTheWordTableIsTheOneChanged(Dialect dialect, String sql, String expected) throws IOException {
        assertEquals(expected == null ? "" : expected, findings(dialect, sql + ";\n"));
    }

    @Test
    void aColumnTheScriptAddedIsFilledWithoutLossThroughUpdateTableAsThroughUpdate() throws IOException {
        assertEquals("2:1 INFO UPDATE without WHERE changes every row of app.items (guarded: column note was added"
                + " earlier in this script and nothing has written it since)", findings(Dialect.POSTGRESQL,
                        "ALTER TABLE app.items ADD COLUMN note varchar;\nUPDATE TABLE app.items SET note = 'x';\n"));
    }

    private String findings(Dialect dialect, String script) throws IOException {
        Path file = project.resolve("db/V1__fill.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, script, StandardCharsets.UTF_8);

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return String.join("\n", result.findings().stream().map(f -> f.location().line() + ":"
                + f.location().column() + " " + f.severity() + " " + f.message()).toList());
    }
}
