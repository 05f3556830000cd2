package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changeset whose changes run on different databases ({@code <sql dbms="mysql">} beside {@code <sql
 * dbms="postgresql">}): the tables one of them creates, fills and empties are followed for those databases only,
 * while a change for every database counts on each.
 */
class LinterChangesetPerDatabaseScratchTest {

    @TempDir
    Path project;

    @Test
    void whatAChangeForOneDatabaseDoesIsNoFactWhereAnotherRuns() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <createTable tableName="orders"><column name="id" type="int"/></createTable>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <sql dbms="mysql">
                            CREATE TABLE purge_ids (id INT PRIMARY KEY);
                            INSERT INTO purge_ids SELECT id FROM orders WHERE id &lt; 10;
                            DELETE FROM orders;
                            DROP TABLE purge_ids;
                        </sql>
                        <sql dbms="postgresql">
                            CREATE TEMPORARY TABLE purge_ids (id INT PRIMARY KEY);
                            INSERT INTO purge_ids SELECT id FROM orders WHERE id &lt; 10;
                            DELETE FROM orders o WHERE EXISTS (SELECT 1 FROM purge_ids p WHERE p.id = o.id);
                            DROP TABLE purge_ids;
                        </sql>
                    </changeSet>
                </databaseChangeLog>
                """);

        // Only MySQL deletes every order, after which its copy is the only one; PostgreSQL's table is its own.
        assertEquals(List.of("10:13 drop-table ERROR", "9:13 delete-without-where ERROR"), found(Dialect.POSTGRESQL));
    }

    @Test
    void aChangeForEveryDatabaseCountsOnEachAndOneForSomeOnlyThere() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <createTable tableName="work_queue"><column name="id" type="int"/></createTable>
                        <sql dbms="postgresql">DROP TABLE work_queue</sql>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <sql dbms="postgresql">CREATE TABLE staging (id INT)</sql>
                        <dropTable tableName="staging"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        // The staging table exists with its rows wherever the PostgreSQL change did not create it.
        assertEquals(List.of("8:9 drop-table ERROR"), found(Dialect.AUTO));
    }

    private List<String> found(Dialect dialect) {
        return TestProject.lint(project, dialect).findings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity())
                .sorted().toList();
    }
}
