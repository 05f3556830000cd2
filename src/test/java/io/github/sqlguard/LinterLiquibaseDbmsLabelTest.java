package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changeset whose dbms keeps it off the configured database is still judged, as the changelog runs on the
 * databases it names, and its findings say so, naming the dbms as the changelog writes it: a reader who sees a
 * finding of a changeset that never runs on the project's database learns why it is there.
 */
class LinterLiquibaseDbmsLabelTest {

    @TempDir
    Path project;

    @Test
    void formattedSqlChangesetsOfOtherDatabasesNameTheirDbms() throws IOException {
        write("db/changelog.sql", """
                --liquibase formatted sql
                --changeset a:1
                CREATE TABLE t (id INT PRIMARY KEY);
                --changeset a:2 dbms:oracle
                DELETE FROM t;
                --changeset a:3 dbms:!postgresql
                DROP TABLE t;
                --changeset a:4 dbms:postgresql,h2
                TRUNCATE t;
                --changeset a:5 context:mysql runAlways:true
                DELETE FROM t;
                --rollback DELETE FROM t;
                """);

        assertEquals(List.of(
                "5 (changeset a:2, dbms:oracle: runs only on oracle, not on postgresql, the configured database)",
                "7 (changeset a:3, dbms:!postgresql: never runs on postgresql, the configured database)",
                "9 (changeset a:4)",
                "11 (changeset a:5, runAlways: runs on every update, context:mysql: runs only on mysql, not on"
                        + " postgresql, the configured database)"), labels(run(Dialect.POSTGRESQL)));
    }

    @Test
    void aRollbackKeepsTheDbmsAfterItsOwnName() throws IOException {
        write("db/changelog.sql", """
                --liquibase formatted sql
                --changeset a:1 dbms:oracle runOnChange:true
                CREATE TABLE t (id INT PRIMARY KEY);
                --rollback DELETE FROM t;
                """);

        assertEquals(List.of("4 (changeset a:1 rollback, dbms:oracle: runs only on oracle, not on postgresql, the"
                + " configured database: runs only on rollback)"), labels(run(Dialect.POSTGRESQL, ScriptMode.CHECK)));
    }

    @Test
    void xmlAndYamlChangesetsNameTheDbmsAsTheyWriteIt() throws IOException {
        write("db/changelog.xml", """
                <databaseChangeLog>
                  <changeSet id="1" author="a" dbms="mssql">
                    <delete tableName="t"/>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <preConditions onFail="MARK_RAN"><dbms type="oracle"/></preConditions>
                    <delete tableName="t"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        write("db/other.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      dbms: "!mysql, !mariadb"
                      changes:
                        - delete:
                            tableName: t
                """);

        assertEquals(List.of(
                "3 (changeset a:1, dbms=\"mssql\": runs only on mssql, not on postgresql, the configured database)",
                "7 (changeset a:2, its dbms precondition: runs only on oracle, not on postgresql, the configured"
                        + " database)",
                "7 (changeset a:1)"), labels(run(Dialect.POSTGRESQL)));
        assertEquals("(changeset a:1, dbms: !mysql, !mariadb: never runs on mariadb or mysql, the configured"
                + " database)", labels(run(Dialect.MYSQL)).get(2).substring(2));
    }

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The line of each finding and the parenthesis its message ends with. */
    private static List<String> labels(List<Finding> findings) {
        return findings.stream().map(f -> f.location().line() + " "
                + f.message().substring(f.message().lastIndexOf(" (changeset") + 1)).toList();
    }

    private List<Finding> run(Dialect dialect) {
        return run(dialect, ScriptMode.SKIP);
    }

    private List<Finding> run(Dialect dialect, ScriptMode rollbacks) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                new LiquibaseConfig(rollbacks, Map.of()), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings();
    }
}
