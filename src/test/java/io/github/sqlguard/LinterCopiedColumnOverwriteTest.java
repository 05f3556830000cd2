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
 * An UPDATE that overwrites a column whose every value the script copied, just before, into another column of the
 * same rows loses nothing: the old values are in the copy ({@code SET type = reference_type}, then
 * {@code SET reference_type = 'ENVIRONMENT'}). A copy that is itself overwritten, or that a later statement
 * changes, keeps nothing. A copy whose WHERE only asks for a row's own NOT NULL key among the table's keys
 * ({@code WHERE id IN (SELECT id FROM boards)}, as Oracle scripts write) reaches every row too.
 */
class LinterCopiedColumnOverwriteTest {

    private static final String ADD = "ALTER TABLE boards ADD COLUMN kind VARCHAR(64); ";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE boards SET kind = ref; UPDATE boards SET ref = 'ENV'; | INFO | values of ref copied to kind at line 2
            UPDATE boards SET kind = (ref); UPDATE boards SET ref = 'ENV'; | INFO | values of ref copied to kind at line 2
            UPDATE boards SET kind = (SELECT ref); UPDATE boards SET ref = 'ENV'; | INFO | values of ref copied to kind at line 2
            UPDATE boards SET kind = (SELECT ref FROM other); UPDATE boards SET ref = 'ENV'; | ERROR |
            UPDATE boards SET kind = ref; UPDATE boards SET ref = 'ENV', kind = 'X'; | ERROR |
            UPDATE boards SET kind = ref; UPDATE boards SET kind = 'X'; UPDATE boards SET ref = 'ENV'; | ERROR |
            UPDATE boards SET kind = ref WHERE id = 1; UPDATE boards SET ref = 'ENV'; | ERROR |
            UPDATE boards SET kind = ref WHERE id IN (SELECT id FROM boards); UPDATE boards SET ref = 'E'; | INFO | values of ref copied to kind at line 2
            UPDATE boards b SET kind = ref WHERE b.id IN (SELECT x.id FROM boards x); UPDATE boards SET ref = 'E'; | INFO | values of ref copied to kind at line 2
            UPDATE boards SET kind = ref WHERE id IN (SELECT id FROM boards WHERE ref = 'A'); UPDATE boards SET ref = 'E'; | ERROR |
            UPDATE boards SET kind = ref WHERE id IN (SELECT id FROM cards); UPDATE boards SET ref = 'E'; | ERROR |
            UPDATE boards SET kind = ref WHERE kind IN (SELECT kind FROM boards); UPDATE boards SET ref = 'E'; | ERROR |
            UPDATE boards SET kind = ref; INSERT INTO boards VALUES (2,'A','B'); UPDATE boards SET ref = 'E'; | ERROR |
            """)
    void anOverwriteOfAColumnCopiedInFullIsGuarded(String sql, String severity, String guard) throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__create.sql"),
                "CREATE TABLE boards (id INT PRIMARY KEY, ref VARCHAR(64));\n", StandardCharsets.UTF_8);
        Path file = project.resolve("db/V2__change.sql");
        String script = (ADD + sql).replace("; ", ";\n");
        Files.writeString(file, script + "\n", StandardCharsets.UTF_8);

        List<Finding> findings = run(script.split("\n").length);

        assertEquals(1, findings.size(), findings.toString());
        Finding overwrite = findings.get(0);
        assertEquals(severity, overwrite.severity().name(), overwrite.message());
        assertEquals(guard == null ? "" : " (guarded: " + guard + ")",
                guard == null ? "" : overwrite.message().substring(overwrite.message().indexOf(" (guarded")),
                overwrite.message());
    }

    /**
     * A copy into a narrower column keeps only the values that fit, so an UPDATE that then clears the copied column
     * stays an ERROR, as the column's drop would; the finding says where the values went and what the copy loses,
     * as the drop's does ({@code SET amount_new = amount; SET amount = NULL; DROP COLUMN amount}, Oracle scripts
     * that change a column's type).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE boards ADD COLUMN kind VARCHAR(8); UPDATE boards SET kind = ref; UPDATE boards SET ref = NULL; | values of ref converted to kind at line 2 into kind VARCHAR(8)
            ALTER TABLE boards ADD COLUMN kind VARCHAR(8); UPDATE boards SET kind = ref WHERE id IN (SELECT id FROM boards); UPDATE boards SET ref = NULL; | values of ref converted to kind at line 2 into kind VARCHAR(8)
            """)
    void anOverwriteAfterANarrowingCopySaysWhereTheValuesWent(String sql, String note) throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__create.sql"),
                "CREATE TABLE boards (id INT PRIMARY KEY, ref VARCHAR(64));\n", StandardCharsets.UTF_8);
        String script = sql.replace("; ", ";\n");
        Files.writeString(project.resolve("db/V2__change.sql"), script + "\n", StandardCharsets.UTF_8);

        List<Finding> findings = run(script.split("\n").length);

        assertEquals(1, findings.size(), findings.toString());
        Finding overwrite = findings.get(0);
        assertEquals("ERROR", overwrite.severity().name(), overwrite.message());
        assertTrue(overwrite.message().startsWith("UPDATE without WHERE changes every row of boards (" + note),
                overwrite.message());
    }

    /** The update-without-where findings on {@code line}, the script's last statement. */
    private List<Finding> run(int line) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("update-without-where")
                && f.location().path().endsWith("V2__change.sql") && f.location().line() == line).toList();
    }
}
