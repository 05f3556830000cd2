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
 * A SQLite rebuild that fills a new column from a parent table copies the rows through an inner join, which leaves
 * out every row without a match (as some SQLite migrations do). The DROP of the old
 * table stays an ERROR, and says that the copy kept only the rows its join matches rather than nothing at all; a join
 * along a NOT NULL foreign key to the parent's primary key matches every row, and the copy guards the DROP.
 */
class LinterJoinedCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM devices d JOIN sessions s ON d.session_id = s.id                       | sessions
            FROM devices d INNER JOIN "sessions" s ON d.session_id = s.id WHERE s.id > 0 | sessions
            FROM devices AS d CROSS JOIN sessions s                                     | sessions
            FROM devices d LEFT JOIN sessions s ON d.session_id = s.id                  |
            FROM devices d NATURAL LEFT OUTER JOIN sessions s                           |
            """)
    void aRebuildCopyThroughAnInnerJoinSaysItKeepsOnlyTheMatchedRows(String from, String joined)
            throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, """
                CREATE TABLE sessions (id INTEGER PRIMARY KEY, identity_id TEXT NOT NULL);
                CREATE TABLE devices (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL, agent TEXT);
                """, StandardCharsets.UTF_8);
        List<Finding> drops = lint("""
                CREATE TABLE _devices_tmp (id INTEGER PRIMARY KEY, session_id INTEGER, agent TEXT, identity_id TEXT);
                INSERT INTO _devices_tmp (id, session_id, agent, identity_id)
                    SELECT d.id, d.session_id, d.agent, s.identity_id %s;
                DROP TABLE devices;
                ALTER TABLE _devices_tmp RENAME TO devices;""".formatted(from));

        assertEquals(1, drops.size(), drops.toString());
        Finding drop = drops.get(0);
        String expected = "ERROR DROP TABLE removes table devices and all its rows" + (joined == null ? ""
                : " (the copy to _devices_tmp at line 2 keeps only the rows its join with " + joined + " matches)");
        assertEquals("4:1 " + expected, drop.location().line() + ":" + drop.location().column() + " "
                + drop.severity() + " " + drop.message());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NOT NULL | FROM devices d JOIN sessions s ON d.session_id = s.id                    | INFO
            NOT NULL | FROM devices AS d INNER JOIN "sessions" AS s ON s.id = d.session_id      | INFO
            NOT NULL | FROM devices d JOIN sessions ON d.session_id = sessions.id ORDER BY 1    | INFO
            NOT NULL | FROM devices d JOIN sessions s ON d.session_id = s.id WHERE s.id > 0     | ERROR
            NOT NULL | FROM devices d JOIN sessions s ON d.session_id = s.id AND s.nid = 1      | ERROR
            NOT NULL | FROM devices d JOIN sessions s ON d.session_id = s.nid                   | ERROR
            NOT NULL | FROM devices d JOIN sessions s ON d.id = s.id                           | ERROR
            NULL     | FROM devices d JOIN sessions s ON d.session_id = s.id                    | ERROR
            """)
    void aJoinAlongANotNullForeignKeyToTheParentsKeyKeepsEveryRow(String nullability, String from,
            String severity) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, """
                CREATE TABLE sessions (id INTEGER PRIMARY KEY, nid INTEGER, identity_id TEXT NOT NULL);
                CREATE TABLE devices (id INTEGER PRIMARY KEY, session_id INTEGER %s, agent TEXT,
                    CONSTRAINT devices_session_fk FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE);
                """.formatted(nullability), StandardCharsets.UTF_8);
        List<Finding> drops = lint("""
                CREATE TABLE _devices_tmp (id INTEGER PRIMARY KEY, session_id INTEGER, agent TEXT, identity_id TEXT);
                INSERT INTO _devices_tmp (id, session_id, agent, identity_id)
                    SELECT d.id, d.session_id, d.agent, s.identity_id %s;
                DROP TABLE devices;
                ALTER TABLE _devices_tmp RENAME TO devices;""".formatted(from));

        assertEquals(1, drops.size(), drops.toString());
        Finding drop = drops.get(0);
        assertEquals(severity, drop.severity().name(), drop.message());
        if (severity.equals("INFO")) {
            assertEquals("DROP TABLE removes table devices and all its rows (guarded: rows copied to _devices_tmp at"
                    + " line 2, each row joined to its sessions row by foreign key session_id)", drop.message());
        }
    }

    private List<Finding> lint(String sql) throws IOException {
        Path file = project.resolve("db/V1__change.sql");
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.SQLITE, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("drop-table")).toList();
    }
}
