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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A column rebuilt under its own name (rename it away, add it again with the new type, copy the values back, drop
 * the renamed one, as Ory Kratos' session_token_length.sqlite3.up.sql does in SQLite) breaks no code that uses
 * the name: the rename is guarded at INFO. A column whose old name nothing adds again is a rename as any other.
 */
class RecreatedColumnNameTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE sessions ADD COLUMN token varchar(39) NULL   | INFO (guarded: column token is added again at line 2)
            ALTER TABLE sessions ADD token varchar(39)               | INFO (guarded: column token is added again at line 2)
            ALTER TABLE sessions ADD COLUMN other varchar(39) NULL   | WARNING
            ALTER TABLE devices ADD COLUMN token varchar(39) NULL    | WARNING
            """)
    void aColumnRenamedAwayAndAddedAgainUnderItsNameBreaksNoCode(String add, String expected) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, """
                CREATE TABLE sessions (id INTEGER PRIMARY KEY, token varchar(32) NOT NULL);
                CREATE TABLE devices (id INTEGER PRIMARY KEY);
                """, StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V1__change.sql"), """
                ALTER TABLE sessions RENAME COLUMN token TO old_token;
                %s;
                """.formatted(add), StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.SQLITE, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        List<Finding> renames = result.findings().stream().filter(f -> f.ruleId().equals("rename-column")).toList();

        assertEquals(1, renames.size(), renames.toString());
        Finding rename = renames.get(0);
        String guard = rename.message().contains("(guarded")
                ? " " + rename.message().substring(rename.message().indexOf("(guarded")) : "";
        assertEquals("1:22 " + expected, rename.location().line() + ":" + rename.location().column() + " "
                + rename.severity() + guard);
    }
}
