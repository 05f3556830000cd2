package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A multi-table DELETE or UPDATE whose join stands in parentheses, or is written with USING (col) or STRAIGHT_JOIN,
 * is judged as the same join with ON: limited by its join, so at most an {@code unfiltered-subquery} where the join
 * only ties rows to their keys. A NATURAL JOIN matches on the columns its tables share: as JOIN .. USING (those
 * columns) where the replay knows both tables and they share one, as a cross join (every row) where they share none,
 * and reported, saying which table is unknown, where the replay does not know one of them.
 */
class LinterGroupedAndNaturalJoinTest {

    private static final String SCHEMA = """
            CREATE TABLE teams (id BIGINT PRIMARY KEY, name VARCHAR(50));
            CREATE TABLE players (id BIGINT PRIMARY KEY, team_id BIGINT NOT NULL, score INT,
              CONSTRAINT fk_players_team FOREIGN KEY (team_id) REFERENCES teams (id));
            CREATE TABLE rosters (team_id BIGINT NOT NULL, season INT, label VARCHAR(20));
            CREATE TABLE colours (hex CHAR(6) PRIMARY KEY, label_text VARCHAR(20));
            CREATE TABLE team_stats (team_id BIGINT PRIMARY KEY, wins INT);
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE (teams t JOIN players p ON p.team_id = t.id) SET p.score = 0                   | unfiltered-subquery WARNING
            UPDATE ((teams t JOIN players p ON p.team_id = t.id)) SET p.score = 0                 | unfiltered-subquery WARNING
            UPDATE teams t JOIN players p ON p.team_id = t.id SET p.score = 0                     | unfiltered-subquery WARNING
            UPDATE (teams t JOIN players p ON p.team_id = t.id) SET p.score = 0 WHERE t.name = 'x' | -
            UPDATE (teams t LEFT JOIN players p ON p.team_id = t.id) SET t.name = NULL            | update-without-where ERROR
            DELETE p FROM (teams t JOIN players p ON p.team_id = t.id)                            | unfiltered-subquery WARNING
            DELETE p FROM ((teams t JOIN players p ON p.team_id = t.id))                          | unfiltered-subquery WARNING
            DELETE p FROM (teams t JOIN players p ON p.team_id = t.id) WHERE t.name = 'x'         | -
            DELETE FROM p USING (teams t JOIN players p ON p.team_id = t.id) WHERE t.name = 'x'   | -
            UPDATE teams t JOIN players p USING (id) SET p.score = 0 WHERE t.name = 'x'           | -
            UPDATE teams JOIN rosters USING (id) SET rosters.season = 1 WHERE teams.name = 'x'    | -
            DELETE p FROM teams t JOIN players p USING (id) WHERE t.name = 'x'                    | -
            DELETE p FROM teams t LEFT JOIN players p USING (id)                                  | -
            DELETE t FROM teams t LEFT JOIN players p USING (id)                                  | delete-without-where ERROR
            UPDATE teams t STRAIGHT_JOIN players p ON p.team_id = t.id SET p.score = 0            | unfiltered-subquery WARNING
            DELETE p FROM teams t STRAIGHT_JOIN players p ON p.team_id = t.id WHERE t.name = 'x'  | -
            UPDATE teams t STRAIGHT_JOIN players p ON 1 = 1 SET p.score = 0                       | update-without-where ERROR
            UPDATE players NATURAL JOIN rosters SET rosters.season = 1                            | -
            DELETE rosters FROM players NATURAL JOIN rosters                                      | -
            UPDATE (players NATURAL JOIN rosters) SET rosters.season = 1                          | -
            UPDATE players NATURAL LEFT JOIN rosters SET players.score = 0                        | update-without-where ERROR
            UPDATE teams NATURAL JOIN colours SET colours.label_text = 'x'                        | update-without-where ERROR
            DELETE colours FROM teams NATURAL JOIN colours                                        | delete-without-where ERROR
            UPDATE teams NATURAL JOIN colours SET colours.label_text = 'x' WHERE teams.name = 'y' | -
            UPDATE teams NATURAL JOIN legacy_teams SET teams.name = 'x'                           | update-without-where ERROR
            UPDATE teams NATURAL JOIN colours JOIN players p ON p.team_id = teams.id SET colours.label_text = 'x' | update-without-where ERROR
            UPDATE teams NATURAL JOIN colours JOIN players p ON p.team_id = teams.id SET teams.name = 'x' | -
            DELETE players FROM players NATURAL JOIN team_stats JOIN teams t ON t.id = players.team_id | -
            DELETE rosters FROM players NATURAL JOIN rosters JOIN teams t ON t.id = players.team_id | -
            """)
    void mysqlJoinsAreJudgedAlike(String sql, String expected) throws IOException {
        for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.MARIADB)) {
            List<String> found = lint(dialect, "SELECT 1;\n" + sql + ";\n").stream()
                    .map(f -> f.ruleId() + " " + f.severity()).toList();

            assertEquals(expected.equals("-") ? List.of() : List.of(expected), found, dialect + ": " + sql);
        }
    }

    /** USING (col), STRAIGHT_JOIN and parentheses change nothing of what the same join written with ON reports. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE p FROM players p JOIN team_stats s USING (team_id)                | DELETE p FROM players p JOIN team_stats s ON s.team_id = p.team_id
            UPDATE players p JOIN team_stats s USING (team_id) SET p.score = 0       | UPDATE players p JOIN team_stats s ON s.team_id = p.team_id SET p.score = 0
            DELETE p FROM players p LEFT JOIN team_stats s USING (team_id)           | DELETE p FROM players p LEFT JOIN team_stats s ON s.team_id = p.team_id
            DELETE FROM p USING players p JOIN team_stats s USING (team_id)          | DELETE FROM p USING players p JOIN team_stats s ON s.team_id = p.team_id
            DELETE p FROM players p STRAIGHT_JOIN team_stats s USING (team_id)       | DELETE p FROM players p JOIN team_stats s ON s.team_id = p.team_id
            UPDATE players p STRAIGHT_JOIN team_stats s ON s.team_id = p.team_id SET p.score = 0 | UPDATE players p JOIN team_stats s ON s.team_id = p.team_id SET p.score = 0
            UPDATE (players p JOIN team_stats s USING (team_id)) SET p.score = 0     | UPDATE players p JOIN team_stats s ON s.team_id = p.team_id SET p.score = 0
            DELETE p FROM ((players p JOIN team_stats s USING (team_id)))            | DELETE p FROM players p JOIN team_stats s ON s.team_id = p.team_id
            DELETE players FROM players NATURAL JOIN team_stats                      | DELETE players FROM players JOIN team_stats ON team_stats.team_id = players.team_id
            DELETE FROM players USING team_stats NATURAL JOIN players                | DELETE FROM players USING team_stats JOIN players ON team_stats.team_id = players.team_id
            UPDATE players NATURAL JOIN team_stats SET players.score = team_stats.wins | UPDATE players JOIN team_stats ON team_stats.team_id = players.team_id SET players.score = team_stats.wins
            """)
    void aJoinReportsAsTheSameJoinWithOn(String sql, String withOn) throws IOException {
        assertEquals(sql.startsWith("UPDATE players NATURAL") ? 0 : 1, described(lint(Dialect.MYSQL, withOn + ";\n")).size(),
                withOn);
        assertEquals(described(lint(Dialect.MYSQL, withOn + ";\n")), described(lint(Dialect.MYSQL, sql + ";\n")), sql);
    }

    private static List<String> described(List<Finding> findings) {
        return findings.stream().filter(f -> !f.ruleId().equals("unparsed-statement"))
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.message()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE teams NATURAL JOIN colours SET colours.label_text = 'x' | UPDATE joined by a NATURAL JOIN to teams, with which colours shares no column (so it is a cross join), and without WHERE changes every row of colours
            DELETE colours FROM teams NATURAL JOIN colours                 | DELETE joined by a NATURAL JOIN to teams, with which colours shares no column (so it is a cross join), and without WHERE removes every row of colours
            UPDATE teams NATURAL JOIN legacy_teams SET teams.name = 'x'    | UPDATE joined by a NATURAL JOIN, which matches on the columns its sides share, while the replay does not know the columns of legacy_teams (no migration before this one creates it), so if they share none it is a cross join, and without WHERE changes every row of teams
            DELETE p FROM legacy_teams NATURAL JOIN players p              | DELETE joined by a NATURAL JOIN, which matches on the columns its sides share, while the replay does not know the columns of legacy_teams (no migration before this one creates it), so if they share none it is a cross join, and without WHERE removes every row of players
            """)
    void naturalJoinMessagesSayWhyItLimitsNothing(String sql, String message) throws IOException {
        assertEquals(List.of(message), lint(Dialect.MYSQL, sql + ";\n").stream().map(Finding::message).toList());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLSERVER  | UPDATE p SET score = 0 FROM (teams t JOIN players p ON p.team_id = t.id) WHERE t.name = 'x' | -
            SQLSERVER  | DELETE p FROM (teams t JOIN players p ON p.team_id = t.id) WHERE t.name = 'x'             | -
            SQLSERVER  | UPDATE p SET score = 0 FROM (teams t LEFT JOIN players p ON p.team_id = t.id) WHERE t.name = 'x' | -
            SQLSERVER  | UPDATE t SET name = NULL FROM (teams t LEFT JOIN players p ON p.team_id = t.id)          | update-without-where ERROR
            SQLSERVER  | UPDATE rosters SET season = 1 FROM players NATURAL JOIN rosters                          | -
            SQLSERVER  | UPDATE colours SET label_text = 'x' FROM teams NATURAL JOIN colours                      | update-without-where ERROR
            POSTGRESQL | UPDATE players SET score = 0 FROM (teams t JOIN rosters r ON r.team_id = t.id) WHERE t.name = 'x' | update-without-where ERROR
            POSTGRESQL | DELETE FROM players USING (teams t JOIN rosters r ON r.team_id = t.id) WHERE players.team_id = t.id | -
            POSTGRESQL | DELETE FROM players USING teams t JOIN rosters r USING (team_id)                         | delete-without-where ERROR
            """)
    void otherDialectsJudgeTheirJoinsAlike(Dialect dialect, String sql, String expected) throws IOException {
        String terminator = dialect == Dialect.SQLSERVER ? "\nGO\n" : ";\n";
        List<String> found = lint(dialect, sql + terminator).stream().map(f -> f.ruleId() + " " + f.severity())
                .toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found, sql);
    }

    private List<Finding> lint(Dialect dialect, String sql) throws IOException {
        // The tables come from an earlier migration: tables the same script creates are scratch tables.
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        String schema = dialect == Dialect.SQLSERVER ? SCHEMA.replace(";\n", "\nGO\n") : SCHEMA;
        Files.writeString(project.resolve("db/V1__schema.sql"), schema, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.location().path().toString().contains("V2__")).toList();
    }
}
