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
 * that database stores the new type: MySQL's TIMESTAMP holds only 1970 to 2038, PostgreSQL's holds any date.
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
}
