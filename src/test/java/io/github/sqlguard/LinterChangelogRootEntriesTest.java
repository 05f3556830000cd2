package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a databaseChangeLog holds beside changesets and includes: a {@code modifyChangeSets} still runs the includes
 * it wraps, so they are followed; an entry Liquibase does not know that holds something (a misspelt
 * {@code changeSet}, an extension's element) is reported, never passed over; settings that hold no change are
 * left alone.
 */
class LinterChangelogRootEntriesTest {

    private static final String DROPS_CUSTOMERS = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
              <changeSet id="9" author="a"><dropTable tableName="customers"/></changeSet>
            </databaseChangeLog>
            """;

    @TempDir
    Path project;

    @Test
    void anIncludeInsideModifyChangeSetsIsFollowed() throws IOException {
        TestProject.write(project, "shared/drop.xml", DROPS_CUSTOMERS);
        TestProject.write(project, "db/master.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <modifyChangeSets runWith="psql">
                    <include file="../shared/drop.xml" relativeToChangelogFile="true"/>
                  </modifyChangeSets>
                </databaseChangeLog>
                """);

        assertEquals(List.of("db/master.xml:3:5 include-outside-directories",
                "shared/drop.xml:2:32 drop-table"), findings());
    }

    @Test
    void anIncludeInsideYamlModifyChangeSetsIsFollowed() throws IOException {
        TestProject.write(project, "shared/drop.xml", DROPS_CUSTOMERS);
        TestProject.write(project, "db/master.yaml", """
                databaseChangeLog:
                  - modifyChangeSets:
                      runWith: psql
                      include:
                        file: ../shared/drop.xml
                        relativeToChangelogFile: true
                """);

        assertEquals(List.of("db/master.yaml:4:7 include-outside-directories",
                "shared/drop.xml:2:32 drop-table"), findings());
    }

    @Test
    void aMisspeltChangeSetIsReportedInXmlAndYaml() throws IOException {
        TestProject.write(project, "db/a.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSett id="1" author="a"><dropTable tableName="customers"/></changeSett>
                </databaseChangeLog>
                """);
        TestProject.write(project, "db/b.yaml", """
                databaseChangeLog:
                  - changset:
                      id: 1
                      author: a
                      changes:
                        - delete:
                            tableName: customers
                """);

        assertEquals(List.of("db/a.xml:2:3 unchecked-change", "db/b.yaml:2:5 unchecked-change"), findings());
    }

    @Test
    void settingsBesideTheChangesetsAreNoFinding() throws IOException {
        TestProject.write(project, "db/a.yaml", """
                databaseChangeLog:
                  - logicalFilePath: shop/a.yaml
                  - objectQuotingStrategy: QUOTE_ALL_OBJECTS
                  - property:
                      name: schema
                      value: shop
                  - preConditions:
                      - dbms:
                          type: postgresql
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - sql: select 1
                """);

        assertEquals(List.of(), findings());
    }

    private List<String> findings() {
        return TestProject.lint(project, Dialect.AUTO).findings().stream()
                .map(f -> f.location() + " " + f.ruleId()).sorted().toList();
    }
}
