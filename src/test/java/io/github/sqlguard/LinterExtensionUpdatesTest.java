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
 * A folder of PostgreSQL extension update scripts holds the way up and the way down between each pair of versions
 * ({@code 1.1--1.2.sql} and {@code 1.2--1.1.sql}): the schema is replayed along the way up, and each downgrade
 * sees the schema its update left.
 */
class LinterExtensionUpdatesTest {

    @TempDir
    Path project;

    @Test
    void aDowngradeIsNoStepOfTheWayUp() throws IOException {
        write("1.0--1.1.sql", "CREATE TABLE cat.setting (id int, name text);");
        // The way back down to 1.0 gives the table a column of 1.0 again; 1.1--1.2 never sees it.
        write("1.1--1.0.sql", "ALTER TABLE cat.setting ADD COLUMN legacy int;");
        write("1.1--1.2.sql", """
                CREATE TABLE cat.setting_tmp AS SELECT id, name FROM cat.setting;
                DROP TABLE cat.setting;""");

        assertEquals(List.of("1.1--1.2.sql 2:1 drop-table INFO"), findings());
    }

    @Test
    void aDowngradeSeesTheSchemaItsUpdateLeft() throws IOException {
        write("1.0--1.1.sql", "CREATE TABLE cat.setting (id int, name text);");
        write("1.1--1.2.sql", "ALTER TABLE cat.setting ADD COLUMN scope text;");
        write("1.2--1.1.sql", """
                CREATE TABLE cat.setting_tmp AS SELECT id, name FROM cat.setting;
                DROP TABLE cat.setting;""");

        List<Finding> found = lint();
        assertEquals(List.of("1.2--1.1.sql 2:1 drop-table ERROR"), describe(found));
        assertEquals(true, found.get(0).message().contains("leaves out column scope"), found.get(0).message());
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve("db/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
    }

    private List<String> findings() {
        return describe(lint());
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> Path.of(f.location().path()).getFileName() + " " + f.location().line() + ":"
                + f.location().column() + " " + f.ruleId() + " " + f.severity()).toList();
    }

    private List<Finding> lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-table")).toList();
    }
}
