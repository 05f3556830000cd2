package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite rebuild that adds a column through its scratch table: the scratch table gets the new column, the copy
 * into it fills only the old ones, and the copy back leaves the new one out again. The column holds nothing anyone
 * wrote, so dropping the scratch table loses no value; a column the copy into it did fill is still lost.
 */
class LinterRebuildUnfilledColumnTest {

    @TempDir
    Path project;

    private static final String REBUILD = """
            CREATE TABLE tmp_users (id integer PRIMARY KEY, name varchar(10), tries integer DEFAULT NULL);
            INSERT INTO tmp_users (id, name%s) SELECT id, name%s FROM users;
            DROP TABLE users;
            CREATE TABLE users (id integer PRIMARY KEY, name varchar(10), tries integer DEFAULT NULL);
            INSERT INTO users (id, name) SELECT id, name FROM tmp_users;
            DROP TABLE tmp_users;
            """;

    @Test
    void aColumnTheCopyIntoTheScratchTableLeftUnfilledIsNoLoss() throws IOException {
        List<String> drops = drops(REBUILD.formatted("", ""));

        assertEquals(List.of("3:1 drop-table INFO rows copied to tmp_users at line 2",
                "6:1 drop-table INFO rows copied to users at line 5, which leaves out column tries that nothing"
                        + " wrote"), drops);
    }

    @Test
    void aColumnTheCopyIntoTheScratchTableFilledIsLost() throws IOException {
        List<String> drops = drops(REBUILD.formatted(", tries", ", 0"));

        assertEquals(List.of("3:1 drop-table INFO rows copied to tmp_users at line 2",
                "6:1 drop-table ERROR"), drops);
    }

    @Test
    void aColumnWrittenAfterTheCopyIntoTheScratchTableIsLost() throws IOException {
        List<String> drops = drops(REBUILD.formatted("", "").replace("DROP TABLE users;",
                "UPDATE tmp_users SET tries = 3 WHERE name = 'root';\nDROP TABLE users;"));

        assertEquals(List.of("4:1 drop-table INFO rows copied to tmp_users at line 2",
                "7:1 drop-table ERROR"), drops);
    }

    /**
     * Between two migrations the application writes the tables: a column no migration wrote may hold values, so a
     * copy an earlier migration made that leaves it out is no whole copy for a later drop.
     */
    @Test
    void aColumnNoEarlierMigrationWroteMayHoldWhatTheApplicationWrote() throws IOException {
        Path first = project.resolve("db/V1__site.sql");
        Files.createDirectories(first.getParent());
        Files.writeString(first, "CREATE TABLE site (id integer PRIMARY KEY, name varchar(10), creator_id integer);\n",
                StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V2__aggregates.sql"), """
                CREATE TABLE site_aggregates (site_id integer PRIMARY KEY);
                INSERT INTO site_aggregates (site_id) SELECT id FROM site;
                """, StandardCharsets.UTF_8);
        Files.writeString(project.resolve("db/V3__drop.sql"), "ALTER TABLE site DROP COLUMN creator_id;\n",
                StandardCharsets.UTF_8);

        List<String> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(finding -> finding.ruleId().equals("drop-column")).map(ProjectLint::placeAndMessage).toList();

        assertEquals(List.of("1:18 drop-column ALTER TABLE site drops column creator_id"), drops);
    }

    private List<String> drops(String rebuild) throws IOException {
        Path init = project.resolve("db/V0__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE users (id integer PRIMARY KEY, name varchar(10));\n",
                StandardCharsets.UTF_8);
        return ProjectLint.findingsOfScript(project, Dialect.SQLITE, rebuild).stream()
                .filter(finding -> finding.ruleId().equals("drop-table")).map(ProjectLint::placeAndGuard).toList();
    }
}
