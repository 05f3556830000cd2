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
 * In auto dialect, a trigger's {@code deleted} and {@code inserted} are T-SQL's tables of the rows its statement
 * changed, unless the migrations created a table of that name: then it is that table, read without a filter. A
 * script that separates its batches with GO is T-SQL, where the trigger's own tables win over any such table.
 */
class LinterTriggerPseudoTablesTest {

    private static final String TRIGGER = """
            CREATE TRIGGER [guard_entity] ON [entity] INSTEAD OF DELETE AS BEGIN
                SET NOCOUNT ON;
                DELETE FROM [permission] WHERE [entity_id] IN (SELECT [entity_id] FROM DELETED);
            END
            """;

    @TempDir
    Path project;

    @Test
    void aTriggerReadingDeletedRestrictsToTheRowsItsStatementRemoved() throws IOException {
        write("db/V1__tables.sql", """
                CREATE TABLE entity (entity_id INT PRIMARY KEY);
                CREATE TABLE permission (entity_id INT REFERENCES entity (entity_id));
                """);
        write("db/V2__trigger.sql", TRIGGER);

        assertEquals(List.of(), unfilteredSubqueries());
    }

    @Test
    void aTableNamedDeletedThatTheMigrationsCreatedIsReadWithoutAFilter() throws IOException {
        write("db/V1__tables.sql", """
                CREATE TABLE entity (entity_id INT PRIMARY KEY);
                CREATE TABLE permission (entity_id INT REFERENCES entity (entity_id));
                CREATE TABLE deleted (entity_id INT REFERENCES entity (entity_id));
                """);
        write("db/V2__trigger.sql", TRIGGER);

        List<Finding> findings = unfilteredSubqueries();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(3, findings.get(0).location().line());
    }

    @Test
    void aTriggerOfAGoBatchedScriptReadsItsOwnDeletedTable() throws IOException {
        write("db/V1__tables.sql", """
                CREATE TABLE entity (entity_id INT PRIMARY KEY);
                CREATE TABLE permission (entity_id INT REFERENCES entity (entity_id));
                CREATE TABLE deleted (entity_id INT REFERENCES entity (entity_id));
                """);
        write("db/V2__trigger.sql", TRIGGER + "GO\n");

        assertEquals(List.of(), unfilteredSubqueries());
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<Finding> unfilteredSubqueries() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("unfiltered-subquery")).toList();
    }
}
