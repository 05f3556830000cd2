package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java migrations a scan of script folders meets: classes Flyway runs by their type, outside test sources. */
class JavaMigrationClassesTest {

    private static final String MIGRATION = "public class %s extends org.flywaydb.core.api.migration.BaseJavaMigration {}\n";

    @TempDir
    Path folder;

    private Path write(String relative, String text) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aScannedFolderYieldsTheMigrationClassesOfItsMainSourcesButNotOfItsTestSourceSets() throws IOException {
        Path main = write("module/src/main/java/com/acme/db/Backfill.java", MIGRATION.formatted("Backfill"));
        Path kotlin = write("module/src/main/kotlin/com/acme/db/Purge.kt",
                "class Purge : org.flywaydb.core.api.migration.BaseJavaMigration() {}\n");
        write("module/src/main/java/com/acme/db/Support.java", "final class Support {}\n");
        write("module/src/test/java/com/acme/db/TestBackfill.java", MIGRATION.formatted("TestBackfill"));
        write("module/src/integrationTest/java/com/acme/db/ItBackfill.java", MIGRATION.formatted("ItBackfill"));
        write("module/src/testFixtures/java/com/acme/db/FixtureBackfill.java", MIGRATION.formatted("FixtureBackfill"));
        write("module/src/it/java/com/acme/db/InvokerBackfill.java", MIGRATION.formatted("InvokerBackfill"));
        write("module/src/main/resources/db/migration/V1__orders.sql", "CREATE TABLE orders (id INT);\n");

        ScanResult scan = new SourceScanner(List.of("**/*.sql"), List.of()).scan(List.of(Path.of("module")), folder);

        assertEquals(List.of(main, kotlin), JavaMigrationClasses.among(scan.javaSources()));
    }

    @Test
    void aTestSourceSetIsOnlyOneBelowASourceFolderAndTheScannedFolderItselfIsAlwaysRead() {
        assertTrue(JavaMigrationClasses.inTestSourceSet("module", "src/test/java/A.java"));
        assertTrue(JavaMigrationClasses.inTestSourceSet("src", "test/java/A.java"));
        assertTrue(JavaMigrationClasses.inTestSourceSet("module", "src/e2eTests/A.kt"));
        assertFalse(JavaMigrationClasses.inTestSourceSet("test", "java/A.java"), "the scanned folder itself");
        assertFalse(JavaMigrationClasses.inTestSourceSet("module", "src/main/java/test/A.java"));
        assertFalse(JavaMigrationClasses.inTestSourceSet("module", "testing/src/main/A.java"));
        assertFalse(JavaMigrationClasses.inTestSourceSet("module", "src/test"), "a file, not a folder, named test");
    }
}
