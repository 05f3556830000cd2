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
 * A column the script added is a scratch column, whose drop loses nothing, until an UPDATE copies another column into
 * it and the script drops that other column: from then on it holds the only copy of those values, and its drop loses
 * them ({@code ADD tmp; UPDATE t SET tmp = note; DROP note; DROP tmp}), whether the copy went to a column of the same
 * table or of another ({@code SET sep = (SELECT d.sep FROM d WHERE d.id = o.id)}). A copy into a column the same
 * ALTER TABLE drops keeps nothing either.
 */
class LinterOnlyCopyColumnDropTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE notes ADD COLUMN tmp VARCHAR(64); UPDATE notes SET tmp = body; ALTER TABLE notes DROP COLUMN body; ALTER TABLE notes DROP COLUMN tmp; | 4:19 | ERROR | ALTER TABLE notes drops column tmp (column tmp holds the only copy of column body of notes, which line 3 drops)
            ALTER TABLE notes ADD COLUMN tmp VARCHAR(64); UPDATE notes SET tmp = body; ALTER TABLE notes DROP COLUMN body, DROP COLUMN tmp; | 3:19 | ERROR | ALTER TABLE notes drops column body
            ALTER TABLE notes ADD COLUMN tmp VARCHAR(64); UPDATE notes SET tmp = body; ALTER TABLE notes DROP COLUMN body; ALTER TABLE notes RENAME COLUMN tmp TO body; | 4:19 | INFO | ALTER TABLE notes renames column tmp to body (guarded: column tmp was added earlier in this script)
            ALTER TABLE notes ADD COLUMN tmp VARCHAR(64); UPDATE notes SET tmp = body; ALTER TABLE notes DROP COLUMN tmp; | 3:19 | INFO | ALTER TABLE notes drops column tmp (guarded: column tmp was added earlier in this script)
            ALTER TABLE cards ADD COLUMN body VARCHAR(64); UPDATE cards SET body = (SELECT notes.body FROM notes WHERE notes.id = cards.id); ALTER TABLE notes DROP COLUMN body; ALTER TABLE cards DROP COLUMN body; | 4:19 | ERROR | ALTER TABLE cards drops column body (column body holds the only copy of column body of notes, which line 3 drops)
            ALTER TABLE cards ADD COLUMN body VARCHAR(64); UPDATE cards SET body = (SELECT notes.body FROM notes WHERE notes.id = cards.id); ALTER TABLE cards DROP COLUMN body; | 3:19 | INFO | ALTER TABLE cards drops column body (guarded: column body was added earlier in this script)
            """)
    void theDropOfAColumnHoldingTheOnlyCopyIsReported(String sql, String at, String severity, String message)
            throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__create.sql"), """
                CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(64));
                CREATE TABLE cards (id INT PRIMARY KEY, title VARCHAR(64));
                """, StandardCharsets.UTF_8);
        String script = sql.replace("; ", ";\n");
        Files.writeString(project.resolve("db/V2__move.sql"), script + "\n", StandardCharsets.UTF_8);
        int line = Integer.parseInt(at.substring(0, at.indexOf(':')));
        int column = Integer.parseInt(at.substring(at.indexOf(':') + 1));

        List<Finding> findings = findings().stream().filter(f -> f.location().line() == line
                && f.location().column() == column).toList();

        assertEquals(1, findings.size(), findings().toString());
        assertEquals(severity, findings.get(0).severity().name(), findings.get(0).message());
        assertEquals(message, findings.get(0).message());
    }

    /** The findings on the second script. */
    private List<Finding> findings() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.location().path().endsWith("V2__move.sql")).toList();
    }
}
