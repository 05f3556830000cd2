package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
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
 * A table rebuild whose copy leaves out a generated column loses nothing: the column's values are computed from
 * the row's other columns, the databases refuse a value for it, and the new table computes it again. A plain
 * column left out still makes the drop an ERROR that names it.
 */
class LinterRebuildGeneratedColumnTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | GENERATED ALWAYS AS (datetime(requested_at, '+1 day')) VIRTUAL | , note | INFO
            MYSQL      | AS (requested_at + INTERVAL 1 DAY) STORED                      | , note | INFO
            POSTGRESQL | GENERATED ALWAYS AS (requested_at + interval '1 day') STORED  | , note | INFO
            SQLITE     | GENERATED ALWAYS AS (datetime(requested_at, '+1 day')) VIRTUAL | ''     | ERROR
            SQLITE     | NULL                                                           | , note | ERROR
            """)
    void aRebuildCopyNeedNotReadAGeneratedColumn(Dialect dialect, String generated, String note, Severity expected)
            throws IOException {
        write("db/V1__flow.sql", """
                CREATE TABLE flow (id INTEGER PRIMARY KEY, requested_at TIMESTAMP NOT NULL, note TEXT);
                ALTER TABLE flow ADD COLUMN expires_at TIMESTAMP %s;
                """.formatted(generated));
        write("db/V2__rebuild.sql", """
                CREATE TABLE flow_next (id INTEGER PRIMARY KEY, requested_at TIMESTAMP NOT NULL, note TEXT);
                INSERT INTO flow_next (id, requested_at%1$s) SELECT id, requested_at%1$s FROM flow;
                DROP TABLE flow;
                ALTER TABLE flow_next RENAME TO flow;
                """.formatted(note));

        List<Finding> drops = lint(dialect);

        assertEquals(1, drops.size(), drops.toString());
        Finding drop = drops.get(0);
        assertEquals("3:1 " + expected, drop.location().line() + ":" + drop.location().column() + " "
                + drop.severity(), drop.message());
        String lost = note.isEmpty() ? "column note" : "column expires_at";
        assertEquals("DROP TABLE removes table flow and all its rows ("
                + (expected == Severity.INFO ? "guarded: rows copied to flow_next at line 2"
                        : "the copy to flow_next at line 2 leaves out " + lost + ", whose values are lost")
                + ")", drop.message());
    }

    private void write(String relative, String sql) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<Finding> lint(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-table")).toList();
    }
}
