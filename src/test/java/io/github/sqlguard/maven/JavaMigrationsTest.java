package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway Java migrations are found where Flyway finds their classes: in the packages of its locations. */
class JavaMigrationsTest {

    private static final List<String> PREFIXES = List.of("V", "U", "R");

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
        touch("src/main/java/com/example/V9__NotInALocation.java");

        assertEquals(List.of(java, nested, kotlin), JavaMigrations.in(project, List.of(), PREFIXES));
    }

    @Test
    void aClasspathLocationNamesThePackageAndAFilesystemLocationNone() throws IOException {
        Path java = touch("src/main/java/com/acme/migrations/V2__Split.java");
        touch("src/main/java/db/migration/V3__NotConfigured.java");

        assertEquals(List.of(java), JavaMigrations.in(project, List.of(folder.resolve("src/main/resources/com/acme/migrations"),
                folder.resolve("sql")), PREFIXES));
    }

    private Path touch(String path) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class X {}\n");
        return file;
    }
}
