package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import io.github.sqlguard.source.FlywayNaming;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway Java migrations are found where Flyway finds their classes: in the packages of its locations. */
class JavaMigrationsTest {

    private static final FlywayNaming NAMED = FlywayNaming.DEFAULT;

    @TempDir
    Path folder;

    private MavenProject project;

    @BeforeEach
    void project() throws IOException {
        project = TestProjects.project(folder);
        project.addCompileSourceRoot(folder.resolve("src/main/java").toString());
    }

    @Test
    void theDefaultLocationIsThePackageDbMigrationInJavaAndKotlinSources() throws IOException {
        Path java = touch("src/main/java/db/migration/V3__Backfill.java");
        Path nested = touch("src/main/java/db/migration/tenant/R__Refresh.java");
        Path kotlin = touch("src/main/kotlin/db/migration/V4__Rehash.kt");
        touch("src/main/java/db/migration/MigrationSupport.java");
        touch("src/main/java/db/migration/VersionSupport.java");
        touch("src/main/java/com/example/V9__NotInALocation.java");

        assertEquals(List.of(java, nested, kotlin), JavaMigrations.in(project, List.of(), NAMED, null));
    }

    @Test
    void aClasspathLocationNamesThePackageAndAFilesystemLocationNone() throws IOException {
        Path java = touch("src/main/java/com/acme/migrations/V2__Split.java");
        touch("src/main/java/db/migration/V3__NotConfigured.java");

        assertEquals(List.of(java), JavaMigrations.in(project, List.of(folder.resolve("src/main/resources/com/acme/migrations"),
                folder.resolve("sql")), NAMED, null));
    }

    @Test
    void aVendorFolderStandsForEveryPackageOfTheSourcesEvenWhereNoResourceFolderHasItsName() throws IOException {
        touch("src/main/resources/com/acme/db/h2/V1__Init.sql");
        Path oracle = touch("src/main/java/com/acme/db/oracle/V2__Split.java");
        Path postgres = touch("src/main/java/com/acme/db/postgresql/V2__Split.java");
        touch("src/main/java/com/acme/db/postgresql/Support.java");
        touch("src/main/java/com/acme/V3__NotInALocation.java");

        assertEquals(List.of(oracle, postgres), JavaMigrations.in(project,
                List.of(folder.resolve("src/main/resources/com/acme/db/{vendor}")), NAMED, null),
                "Flyway finds db/postgresql's classes on PostgreSQL although only db/h2 holds scripts");
    }

    @Test
    void aClassThatIsAJavaMigrationByItsTypeIsFoundWhereverItLiesAndWhateverItsName() throws IOException {
        Path bean = write("src/main/java/com/acme/db/BackfillOrders.java", """
                @Component
                public class BackfillOrders extends org.flywaydb.core.api.migration.BaseJavaMigration {
                    public MigrationVersion getVersion() { return MigrationVersion.fromVersion("7"); }
                }
                """);
        Path direct = write("src/main/java/db/migration/PurgeMigration.java",
                "public final class PurgeMigration implements Serializable, JavaMigration {\n}\n");
        write("src/main/java/com/acme/db/TenantMigration.java", """
                public abstract class TenantMigration
                        extends BaseJavaMigration {
                }
                """);
        Path subclass = write("src/main/java/com/acme/db/SplitTenants.java",
                "class SplitTenants extends TenantMigration {}\n");
        Path kotlin = write("src/main/kotlin/com/acme/db/Rehash.kt",
                "class Rehash(private val n: Int) : TenantMigration() {\n}\n");
        write("src/main/java/com/acme/db/Notes.java", """
                /** A class that extends BaseJavaMigration { runs in Flyway } is not this one. */
                class Notes extends Object {}
                """);

        assertEquals(List.of(bean, subclass, direct, kotlin), JavaMigrations.in(project, List.of(), NAMED, null),
                "the abstract TenantMigration is run only through its subclasses, and prose in a comment declares "
                        + "nothing");
    }

    @Test
    void aBuildWithTheIndexReadsOnlyTheSourcesWhoseSizeOrTimeChanged() throws IOException {
        Path migration = write("src/main/java/com/acme/Backfill.java", "class Backfill extends BaseJavaMigration {}\n");
        Path service = write("src/main/java/com/acme/Service.java", "class Service extends AbstractThing {}\n");
        FileTime settled = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(migration, settled);
        Files.setLastModifiedTime(service, settled);
        assertEquals(List.of(migration), JavaMigrations.in(project, List.of(), NAMED, index()));

        // As long as size and time are those recorded, the index answers and the file is not read.
        Files.writeString(service, "class Service extends JavaMigration {}\n");
        Files.setLastModifiedTime(service, settled);
        assertEquals(List.of(migration), JavaMigrations.in(project, List.of(), NAMED, index()));

        Files.setLastModifiedTime(service, FileTime.fromMillis(settled.toMillis() + 60_000));
        assertEquals(List.of(migration, service), JavaMigrations.in(project, List.of(), NAMED, index()),
                "a new time has the file read again");
    }

    @Test
    void aTimeTooCloseToTheIndexIsNotTrusted() throws IOException {
        Path service = write("src/main/java/com/acme/Service.java", "class Service extends AbstractThing {}\n");
        FileTime justNow = Files.getLastModifiedTime(service);
        assertEquals(List.of(), JavaMigrations.in(project, List.of(), NAMED, index()));

        // Changed within the same tick of the clock, as an editor saving twice in a second may do.
        Files.writeString(service, "class Service extends JavaMigration {}\n");
        Files.setLastModifiedTime(service, justNow);
        assertEquals(List.of(service), JavaMigrations.in(project, List.of(), NAMED, index()));
    }

    @Test
    void typesDerivedInTheSourcesAreFoundFromTheIndexAsWithoutIt() throws IOException {
        write("src/main/java/com/acme/TenantMigration.java",
                "public abstract class TenantMigration extends BaseJavaMigration {}\n");
        Path subclass = write("src/main/java/com/acme/SplitTenants.java",
                "class SplitTenants extends TenantMigration {}\n");
        write("src/main/java/com/acme/Other.java", "class Other {}\n");
        Files.writeString(index(), "not an index");

        for (Path index : Arrays.asList(null, index(), index())) {
            assertEquals(List.of(subclass), JavaMigrations.in(project, List.of(), NAMED, index),
                    "without an index, with a damaged one, and with the one written in its place");
        }
    }

    private Path index() throws IOException {
        Path index = folder.resolve("target/sqlguard/java-sources.bin");
        Files.createDirectories(index.getParent());
        return index;
    }

    private Path touch(String path) throws IOException {
        return write(path, "class X {}\n");
    }

    private Path write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
