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
 * An UPDATE without WHERE that fills a column with a subquery of each row reads like a backfill of the rows that
 * have a match, but the subquery gives NULL for every other row, whose value is then lost: the finding says so.
 * So does a row-value SET, {@code SET (a, b) = (SELECT l.a, l.b FROM l WHERE l.id = t.id)}. A subquery that selects
 * an aggregate or another expression, or that is not tied to the row, gets no such note.
 */
class LinterRowLookupUpdateTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | UPDATE rooms r SET subject = (SELECT l.stanza FROM room_log l WHERE l.room_id = r.room_id AND l.stanza IS NOT NULL) | 1:1 UPDATE without WHERE changes every row of rooms: subject is set from a subquery of each row, which gives NULL in every row it finds no match for
            H2         | UPDATE rooms SET rooms.subject = (SELECT stanza FROM room_log WHERE room_log.room_id = rooms.room_id) | 1:1 UPDATE without WHERE changes every row of rooms: subject is set from a subquery of each row, which gives NULL in every row it finds no match for
            MYSQL      | UPDATE rooms r SET subject = (SELECT DISTINCT l.stanza FROM room_log l WHERE l.room_id = r.room_id), note = (SELECT l.note FROM room_log l WHERE l.room_id = r.room_id) | 1:1 UPDATE without WHERE changes every row of rooms: subject, note are set from subqueries of each row, which give NULL in every row they find no match for
            ORACLE     | UPDATE rooms r SET (subject, note) = (SELECT l.stanza, l.note FROM room_log l WHERE l.room_id = r.room_id) | 1:1 UPDATE without WHERE changes every row of rooms: subject, note are set from subqueries of each row, which give NULL in every row they find no match for
            POSTGRESQL | UPDATE rooms r SET (subject) = (SELECT l.stanza FROM room_log l WHERE l.room_id = r.room_id) | 1:1 UPDATE without WHERE changes every row of rooms: subject is set from a subquery of each row, which gives NULL in every row it finds no match for
            ORACLE     | UPDATE rooms r SET (subject, note) = (SELECT l.stanza, max(l.note) FROM room_log l WHERE l.room_id = r.room_id) | 1:1 UPDATE without WHERE changes every row of rooms
            ORACLE     | UPDATE rooms r SET (subject, note) = (SELECT l.stanza FROM room_log l WHERE l.room_id = r.room_id) | 1:1 UPDATE without WHERE changes every row of rooms
            POSTGRESQL | UPDATE rooms r SET subject = (SELECT max(l.stanza) FROM room_log l WHERE l.room_id = r.room_id) | 1:1 UPDATE without WHERE changes every row of rooms
            POSTGRESQL | UPDATE rooms r SET subject = (SELECT l.stanza FROM room_log l WHERE l.id = 1) | 1:1 UPDATE without WHERE changes every row of rooms
            POSTGRESQL | UPDATE rooms r SET subject = (SELECT r.subject FROM rooms r WHERE r.room_id = 1) | 1:1 UPDATE without WHERE changes every row of rooms
            POSTGRESQL | UPDATE rooms r SET subject = COALESCE((SELECT l.stanza FROM room_log l WHERE l.room_id = r.room_id), r.subject) | 1:1 UPDATE without WHERE changes every row of rooms
            POSTGRESQL | UPDATE rooms r SET subject = (SELECT l.stanza FROM room_log l WHERE l.room_id = r.room_id) WHERE EXISTS (SELECT 1 FROM room_log l WHERE l.room_id = r.room_id) | -
            """)
    void lookupOfEachRowIsNamedInTheFinding(Dialect dialect, String update, String expected) throws IOException {
        Path init = project.resolve("db/V1__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE rooms (room_id INT NOT NULL, subject VARCHAR(100), note VARCHAR(100));\n"
                + "CREATE TABLE room_log (id INT NOT NULL, room_id INT NOT NULL, stanza VARCHAR(100),"
                + " note VARCHAR(100));\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__backfill.sql"), update + ";\n", StandardCharsets.UTF_8);

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));

        List<String> hits = result.findings().stream().filter(f -> f.ruleId().equals("update-without-where"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
        assertEquals(expected, hits.isEmpty() ? "-" : String.join(" ## ", hits));
    }

    /**
     * A lookup along a NOT NULL foreign key, compared with the very column the key references, finds its match in
     * every row: the finding stays (it overwrites every row), without the note that some rows get NULL. A nullable
     * key column, a comparison with another column, a condition beside the equality or a table without the key keep
     * the note.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE member m SET joined_on = (SELECT t.created_on FROM team t WHERE t.team_id = m.team_id) | 1:1 UPDATE without WHERE changes every row of member
            UPDATE member SET joined_on = (SELECT created_on FROM team WHERE member.team_id = team.team_id) | 1:1 UPDATE without WHERE changes every row of member
            UPDATE member m SET joined_on = (SELECT t.created_on FROM team AS t WHERE m.team_id = t.team_id) | 1:1 UPDATE without WHERE changes every row of member
            UPDATE member m SET joined_on = (SELECT t.created_on FROM team t WHERE t.team_id = m.mentor_team_id) | 1:1 UPDATE without WHERE changes every row of member: joined_on is set from a subquery of each row, which gives NULL in every row it finds no match for
            UPDATE member m SET joined_on = (SELECT t.created_on FROM team t WHERE t.code = m.team_id) | 1:1 UPDATE without WHERE changes every row of member: joined_on is set from a subquery of each row, which gives NULL in every row it finds no match for
            UPDATE member m SET joined_on = (SELECT t.created_on FROM team t WHERE t.team_id = m.team_id AND t.active) | 1:1 UPDATE without WHERE changes every row of member: joined_on is set from a subquery of each row, which gives NULL in every row it finds no match for
            UPDATE member m SET joined_on = (SELECT l.created_on FROM team_log l WHERE l.team_id = m.team_id) | 1:1 UPDATE without WHERE changes every row of member: joined_on is set from a subquery of each row, which gives NULL in every row it finds no match for
            """)
    void lookupAlongANotNullForeignKeyFindsEveryRowItsMatch(String update, String expected) throws IOException {
        Path init = project.resolve("db/V1__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE team (team_id INT PRIMARY KEY, code INT, active BOOLEAN,"
                + " created_on DATE);\nCREATE TABLE team_log (team_id INT, created_on DATE);\n"
                + "CREATE TABLE member (person_id INT NOT NULL, team_id INT NOT NULL REFERENCES team (team_id),"
                + " mentor_team_id INT REFERENCES team (team_id), joined_on DATE);\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__backfill.sql"), update + ";\n", StandardCharsets.UTF_8);

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));

        List<String> hits = result.findings().stream().filter(f -> f.ruleId().equals("update-without-where"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message()).toList();
        assertEquals(expected, String.join(" ## ", hits));
    }
}
