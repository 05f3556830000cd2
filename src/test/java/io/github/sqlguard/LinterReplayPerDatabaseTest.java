package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scripts of one history that switch to different databases ({@code USE config_db}, {@code USE portal_db}) change
 * different tables, even where the names are the same: each database's changes are judged against the columns that
 * database's tables have, not against those of a namesake in the other database.
 */
class LinterReplayPerDatabaseTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // Steps of two databases side by side: the second database's change does not hide the first's narrowing.
        "steps of two databases | USE config_db;\\nCREATE TABLE app (id INT PRIMARY KEY, name VARCHAR(500));"
                + " | USE portal_db;\\nALTER TABLE app MODIFY name VARCHAR(64);"
                + " | USE config_db;\\nALTER TABLE app MODIFY name VARCHAR(64);"
                + " | 2.sql: ALTER TABLE app changes the type of column name to VARCHAR(64) (its type before is not"
                + " known: table app is not created by the migrations that run before this one)"
                + " / 3.sql: ALTER TABLE app changes the type of column name from VARCHAR(500) to VARCHAR(64)"
                + " (shorter: 500 to 64 characters)",
        // One script creating a table of the same name in each database: each keeps its own columns.
        "two databases in one script | USE a;\\nCREATE TABLE t (c VARCHAR(100));\\nUSE b;\\nCREATE TABLE t (c INT);"
                + " | USE a;\\nALTER TABLE t MODIFY c VARCHAR(50); | USE b;\\nALTER TABLE t MODIFY c BIGINT;"
                + " | 2.sql: ALTER TABLE t changes the type of column c from VARCHAR(100) to VARCHAR(50)"
                + " (shorter: 100 to 50 characters)",
        // Scripts that switch to the same database share its tables, as scripts without a switch share theirs.
        "one database | USE a;\\nCREATE TABLE t (c VARCHAR(100)); | USE a;\\nALTER TABLE t MODIFY c VARCHAR(200);"
                + " | USE a;\\nALTER TABLE t MODIFY c VARCHAR(20);"
                + " | 3.sql: ALTER TABLE t changes the type of column c from VARCHAR(200) to VARCHAR(20)"
                + " (shorter: 200 to 20 characters)",
        // A script without a switch runs on the database the tool connects to, taken for the first one named.
        "no switch after switches | USE a;\\nCREATE TABLE t (c VARCHAR(100)); | USE b;\\nCREATE TABLE t (c INT);"
                + " | ALTER TABLE t MODIFY c VARCHAR(20);"
                + " | 3.sql: ALTER TABLE t changes the type of column c from VARCHAR(100) to VARCHAR(20)"
                + " (shorter: 100 to 20 characters)",
        "install script names the database | CREATE DATABASE IF NOT EXISTS shop;\\nUSE shop;"
                + "\\nCREATE TABLE t (c VARCHAR(100)); | ALTER TABLE t MODIFY c VARCHAR(200);"
                + " | ALTER TABLE t MODIFY c VARCHAR(20);"
                + " | 3.sql: ALTER TABLE t changes the type of column c from VARCHAR(200) to VARCHAR(20)"
                + " (shorter: 200 to 20 characters)",
        // The server's own database, where a script creates the application's, is not the one the tool connects to.
        "server's own database first | USE mysql;\\nCREATE DATABASE shop;\\nUSE shop;\\nCREATE TABLE t (c VARCHAR(100));"
                + " | ALTER TABLE t MODIFY c VARCHAR(200); | ALTER TABLE t MODIFY c VARCHAR(20);"
                + " | 3.sql: ALTER TABLE t changes the type of column c from VARCHAR(200) to VARCHAR(20)"
                + " (shorter: 200 to 20 characters)",
        // Scripts that name no database and one that names the first share that database's tables.
        "first switch after a script without one | CREATE TABLE t (c VARCHAR(100)); | USE a;\\nALTER TABLE t MODIFY c VARCHAR(200);"
                + " | ALTER TABLE t MODIFY c VARCHAR(20);"
                + " | 3.sql: ALTER TABLE t changes the type of column c from VARCHAR(200) to VARCHAR(20)"
                + " (shorter: 200 to 20 characters)",
        "no switch | CREATE TABLE t (c VARCHAR(100)); | ALTER TABLE t MODIFY c VARCHAR(200);"
                + " | ALTER TABLE t MODIFY c VARCHAR(20);"
                + " | 3.sql: ALTER TABLE t changes the type of column c from VARCHAR(200) to VARCHAR(20)"
                + " (shorter: 200 to 20 characters)",
    })
    void eachDatabaseKeepsItsOwnTables(String name, String first, String second, String third, String expected)
            throws IOException {
        TestProject.write(project, "db/delta/v1-v2/1.sql", first.replace("\\n", "\n") + "\n");
        TestProject.write(project, "db/delta/v2-v3/2.sql", second.replace("\\n", "\n") + "\n");
        TestProject.write(project, "db/delta/v3-v4/3.sql", third.replace("\\n", "\n") + "\n");

        List<String> found = lint().stream().map(finding -> finding.location().path()
                .substring(finding.location().path().lastIndexOf('/') + 1) + ": " + finding.message()).toList();

        assertEquals(List.of(expected.split(" / ")), found, name);
    }

    private List<Finding> lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.MYSQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2));
        return result.findings().stream().filter(f -> f.ruleId().equals("alter-column-type")).toList();
    }
}
