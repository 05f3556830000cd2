package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changelogs named for a step around one changelog ({@code master.pre.xml}, {@code master.xml},
 * {@code master.post.xml}, as some projects run them on one database) are one schema history: what the "pre" changelog
 * creates is known when the main one changes it.
 */
class LinterChangelogStepsTest {

    private static final String CREATES_CUSTOMER = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
              <changeSet id="1" author="a"><createTable tableName="customer"><column name="id" type="bigint"/>
                <column name="email" type="varchar(200)"/></createTable></changeSet>
            </databaseChangeLog>
            """;

    private static final String RETYPES_EMAIL = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
              <changeSet id="2" author="a">
                <modifyDataType tableName="customer" columnName="email" newDataType="%s"/>
              </changeSet>
            </databaseChangeLog>
            """;

    @TempDir
    Path project;

    @Test
    void aTypeChangeInTheMainChangelogIsJudgedAgainstTheTableThePreChangelogCreated() throws IOException {
        TestProject.write(project, "db/liquibase/changelog-shop-master.pre.xml", CREATES_CUSTOMER);
        TestProject.write(project, "db/liquibase/changelog-shop-master.xml", RETYPES_EMAIL.formatted("varchar(50)"));

        assertEquals(List.of("db/liquibase/changelog-shop-master.xml:3:5 alter-column-type ALTER TABLE customer changes"
                + " the type of column email from varchar(200) to varchar(50) (shorter: 200 to 50 characters)"
                + " (changeset a:2)"), findings());
    }

    @Test
    void aWideningInThePostChangelogOfATableThePreChangelogCreatedLosesNothing() throws IOException {
        TestProject.write(project, "db/liquibase/changelog-shop-master.post.xml", RETYPES_EMAIL.formatted("varchar(300)"));
        TestProject.write(project, "db/liquibase/changelog-shop-master.pre.xml", CREATES_CUSTOMER);

        assertEquals(List.of(), findings());
    }

    @Test
    void aChangelogOfAnotherNameStaysAHistoryOfItsOwn() throws IOException {
        TestProject.write(project, "db/liquibase/changelog-shop-master.pre.xml", CREATES_CUSTOMER);
        TestProject.write(project, "db/liquibase/changelog-user-master.xml", RETYPES_EMAIL.formatted("varchar(300)"));

        assertEquals(List.of("db/liquibase/changelog-user-master.xml:3:5 alter-column-type ALTER TABLE customer changes"
                + " the type of column email to varchar(300) (its type before is not known: table customer is not"
                + " created by the migrations that run before this one) (changeset a:2)"), findings());
    }

    private List<String> findings() {
        return TestProject.lint(project, Dialect.AUTO).findings().stream().map(LinterChangelogChangesTest::line)
                .toList();
    }
}
