package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the auto dialect, a type change that only one database's history holds (a changeset whose context is
 * named after the database, as some projects pick MySQL's changes with {@code context="mysql"}) is judged as
 * that database stores the new type: MySQL's TIMESTAMP holds only 1970 to 2038, PostgreSQL's holds any date. So is
 * a change from or to a type only MySQL and MariaDB write, in a script no folder name assigns to a database.
 */
class LinterRetypeJudgedInItsDatabaseTest {

    @TempDir
    Path project;

    @Test
    void aChangeOnlyMysqlRunsIsJudgedAsMysqlStoresTheNewType() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                <changeSet id="1" author="a">
                    <createTable tableName="job">
                        <column name="started" type="DATETIME"/>
                        <column name="ended" type="DATETIME"/>
                    </createTable>
                </changeSet>
                <changeSet id="2" author="a" context="mysql">
                    <modifyDataType tableName="job" columnName="started" newDataType="TIMESTAMP"/>
                </changeSet>
                <changeSet id="3" author="a" context="postgresql">
                    <modifyDataType tableName="job" columnName="ended" newDataType="TIMESTAMP"/>
                </changeSet>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/changelog.xml:9:5 alter-column-type ALTER TABLE job changes the type of column"
                + " started from DATETIME to TIMESTAMP (MySQL TIMESTAMP holds only 1970 to 2038) (changeset a:2)"),
                TestProject.lint(project, Dialect.AUTO).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }

    @Test
    void aDatetimeMadeTimestampReadInAutoIsJudgedAsMysqlStoresIt() throws IOException {
        // Only MySQL and MariaDB give a DATETIME digits, so no folder name is needed to read it as theirs.
        TestProject.write(project, "db/migration/V1__tasks.sql", """
                CREATE TABLE scheduled_tasks (
                  shard_id INT NOT NULL,
                  due_at DATETIME(6) NOT NULL,
                  created_at DATETIME(3) NOT NULL,
                  sent_at TIMESTAMP(6) NULL
                );
                """);
        TestProject.write(project, "db/migration/V2__retype.sql", """
                ALTER TABLE scheduled_tasks MODIFY due_at TIMESTAMP NOT NULL;
                ALTER TABLE scheduled_tasks MODIFY created_at TIMESTAMP(3) NOT NULL;
                ALTER TABLE scheduled_tasks MODIFY sent_at DATETIME(6) NULL;
                """);

        assertEquals(List.of("db/migration/V2__retype.sql:1:29 alter-column-type ALTER TABLE scheduled_tasks changes"
                + " the type of column due_at from DATETIME(6) to TIMESTAMP (MySQL TIMESTAMP holds only 1970 to 2038;"
                + " fractional seconds 6 to 0)",
                "db/migration/V2__retype.sql:2:29 alter-column-type ALTER TABLE scheduled_tasks changes the type of"
                + " column created_at from DATETIME(3) to TIMESTAMP(3) (MySQL TIMESTAMP holds only 1970 to 2038)"),
                TestProject.lint(project, Dialect.AUTO).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }
}
