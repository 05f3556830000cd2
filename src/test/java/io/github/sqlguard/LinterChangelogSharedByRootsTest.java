package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A changelog that several root changelogs include (the full history from the first schema, and a shorter one that
 * starts from a later snapshot) runs after each root's earlier changes: its changes are judged on every schema those
 * roots build, so the schema one root built cannot hide the loss the other shows.
 */
class LinterChangelogSharedByRootsTest {

    @TempDir
    Path project;

    @Test
    void aNarrowingSeenThroughOneRootIsReportedWhateverTheOtherRootBuilt() throws IOException {
        TestProject.write(project, "db/history.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="visits">
                    <column name="id" type="bigint"/><column name="note" type="varchar(500)"/>
                  </createTable></changeSet>
                  <include file="updates.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        TestProject.write(project, "db/snapshot.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="s1" author="a"><createTable tableName="visits">
                    <column name="id" type="bigint"/><column name="note" type="varchar(20)"/>
                  </createTable></changeSet>
                  <include file="updates.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        TestProject.write(project, "db/updates.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="u1" author="a">
                    <modifyDataType tableName="visits" columnName="note" newDataType="varchar(100)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.ruleId().equals("alter-column-type"))
                .map(f -> f.severity() + " " + f.location() + " " + f.message())
                .toList();

        assertEquals(List.of("WARNING db/updates.xml:3:5 ALTER TABLE visits changes the type of column note from"
                + " varchar(500) to varchar(100) (shorter: 500 to 100 characters) on the changelog db/history.xml (changeset a:u1)"), found);
    }

    @ParameterizedTest(name = "other root {0}")
    @ValueSource(strings = {"db/upgrade.xml", "db/base.xml"})
    void aNullableColumnSeenThroughOneRootIsReportedWhenTheOtherDoesNotKnowTheTable(String otherRoot)
            throws IOException {
        TestProject.write(project, "db/history.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="visits">
                    <column name="id" type="bigint"/><column name="note" type="varchar(20)"/>
                  </createTable></changeSet>
                  <include file="updates.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        TestProject.write(project, otherRoot, """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <include file="updates.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        TestProject.write(project, "db/updates.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="u1" author="a">
                    <addNotNullConstraint tableName="visits" columnName="note" columnDataType="varchar(20)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> found = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls"))
                .map(f -> f.severity() + " " + f.location() + " " + f.message().split(":")[0])
                .toList();

        assertEquals(List.of("WARNING db/updates.xml:3:5 NOT NULL on nullable column note of visits"), found);
    }
}
