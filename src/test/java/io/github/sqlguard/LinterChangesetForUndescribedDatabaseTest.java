package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changeset whose single {@code dbms} names a database no dialect describes ({@code hsqldb}, {@code db2}) never
 * runs on the configured database, so its SQL and types are not read as that database's: a DATETIME column made
 * TIMESTAMP(9) on HSQLDB is not MySQL's 1970-2038 TIMESTAMP.
 */
class LinterChangesetForUndescribedDatabaseTest {

    @TempDir
    Path project;

    @Test
    void aChangesetForHsqldbIsNotJudgedAsTheConfiguredDatabase() throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <createTable tableName="plays"><column name="played" type="datetime"/></createTable>
                    </changeSet>
                    <changeSet id="2" author="a" dbms="hsqldb">
                        <modifyDataType tableName="plays" columnName="played" newDataType="timestamp(9)"/>
                    </changeSet>
                    <changeSet id="3" author="a" dbms="mysql">
                        <modifyDataType tableName="plays" columnName="played" newDataType="timestamp(6)"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(f -> f.location() + " " + f.ruleId()).toList();

        assertEquals(List.of("db/changelog.xml:9:9 alter-column-type"), found);
    }
}
