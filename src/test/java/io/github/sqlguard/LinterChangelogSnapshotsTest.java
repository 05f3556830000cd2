package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot changelog of one release ({@code snapshots/shop-schema-1.0.x.xml}) starts the history of a root changelog
 * whose updates begin with that release's changelog of updates ({@code updates/shop-update-1.0.x.xml}): what the
 * snapshot creates is known when a later release's updates change it.
 */
class LinterChangelogSnapshotsTest {

    private static final String CREATES_CUSTOMER = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
              <changeSet id="s1" author="a"><createTable tableName="customer"><column name="id" type="bigint"/>
                <column name="email" type="varchar(200)"/></createTable></changeSet>
            </databaseChangeLog>
            """;

    private static final String NO_CHANGES = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
            </databaseChangeLog>
            """;

    private static final String RETYPES_EMAIL = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
              <changeSet id="u2" author="a">
                <modifyDataType tableName="customer" columnName="email" newDataType="%s"/>
              </changeSet>
            </databaseChangeLog>
            """;

    private static final String INCLUDES = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
            %s</databaseChangeLog>
            """;

    @TempDir
    Path project;

    @Test
    void aNarrowingInALaterReleaseIsJudgedAgainstTheTableTheSnapshotCreated() throws IOException {
        writeReleases("varchar(50)");
        write("db/shop-from-1.0.x.xml", roots("updates/shop-update-1.0.x.xml", "updates/shop-update-1.1.x.xml"));

        assertEquals(List.of("db/updates/shop-update-1.1.x.xml:3:5 alter-column-type ALTER TABLE customer changes the"
                + " type of column email from varchar(200) to varchar(50) (shorter: 200 to 50 characters)"
                + " (changeset a:u2)"), findings());
    }

    @Test
    void aWideningInALaterReleaseOfATableTheSnapshotCreatedLosesNothing() throws IOException {
        writeReleases("varchar(300)");
        write("db/shop-from-1.0.x.xml", roots("updates/shop-update-1.0.x.xml", "updates/shop-update-1.1.x.xml"));

        assertEquals(List.of(), findings());
    }

    @Test
    void updatesThatBeginAtAnotherReleaseDoNotStartFromTheSnapshot() throws IOException {
        writeReleases("varchar(300)");
        write("db/shop-from-1.1.x.xml", roots("updates/shop-update-1.1.x.xml"));

        assertEquals(List.of("db/updates/shop-update-1.1.x.xml:3:5 alter-column-type ALTER TABLE customer changes the"
                + " type of column email to varchar(300) (its type before is not known: table customer is not"
                + " created by the migrations that run before this one) (changeset a:u2)"), findings());
    }

    private void writeReleases(String emailType) throws IOException {
        write("db/snapshots/shop-schema-1.0.x.xml", CREATES_CUSTOMER);
        write("db/updates/shop-update-1.0.x.xml", NO_CHANGES);
        write("db/updates/shop-update-1.1.x.xml", RETYPES_EMAIL.formatted(emailType));
    }

    private static String roots(String... includes) {
        StringBuilder lines = new StringBuilder();
        for (String include : includes) {
            lines.append("  <include file=\"").append(include).append("\" relativeToChangelogFile=\"true\"/>\n");
        }
        return INCLUDES.formatted(lines);
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private List<String> findings() {
        return TestProject.lint(project, Dialect.AUTO).findings().stream().map(LinterChangelogChangesTest::line)
                .toList();
    }
}
