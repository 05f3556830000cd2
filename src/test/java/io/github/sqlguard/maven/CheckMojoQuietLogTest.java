package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quiet build ({@code mvn -q}) skips the notes it would not show, and nothing else: its errors, its verdict and
 * its report files are those of a build that shows everything.
 */
class CheckMojoQuietLogTest {

    @TempDir
    Path folder;

    private MavenProject project;

    @BeforeEach
    void project() throws IOException {
        project = TestProjects.project(folder);
        write(folder.resolve("src/main/resources/db/migration/V1__orders.sql"),
                "CREATE TABLE orders (id INT PRIMARY KEY);\n");
        write(folder.resolve("src/main/resources/db/migration/V3__purge.sql"), "DELETE FROM orders;\n");
        write(folder.resolve("src/main/resources/db/migration/mysql/V2__audit.sql"),
                "CREATE TABLE audit (id INT);\n");
    }

    @Test
    void aBuildThatShowsEverythingSaysWhichScriptsAreReadInAnotherDialect() {
        TestProjects.RecordingLog log = new TestProjects.RecordingLog(false);

        assertThrows(MojoFailureException.class, () -> mojo(log).execute());

        assertTrue(log.infos.stream().anyMatch(line -> line.contains("dialect postgresql is configured, but 1 script")
                && line.contains("db/migration/mysql/")), String.valueOf(log.infos));
    }

    /** The second build takes the notes the first kept in the build folder; they say the same. */
    @Test
    void aBuildWithNothingChangedSaysTheSameNotes() {
        List<String> said = new java.util.ArrayList<>();
        for (int build = 0; build < 2; build++) {
            TestProjects.RecordingLog log = new TestProjects.RecordingLog(false);
            CheckMojo mojo = mojo(log);
            mojo.cache = true;
            assertThrows(MojoFailureException.class, mojo::execute);
            said.add(log.infos.stream().filter(line -> line.contains("is configured, but")).findFirst().orElse(""));
        }

        assertTrue(said.get(0).contains("db/migration/mysql/ (mysql, 1 script)"), said.get(0));
        assertEquals(said.get(0), said.get(1));
        assertTrue(java.nio.file.Files.isRegularFile(folder.resolve("target/sqlguard/dialect-notes.bin")));
    }

    @Test
    void aQuietBuildFailsOnTheSameFindingAndPrintsItsErrors() throws IOException {
        TestProjects.RecordingLog log = new TestProjects.RecordingLog(false, true);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> mojo(log).execute());

        assertTrue(failure.getMessage().contains("V3__purge.sql:1:1 [delete-without-where]"), failure.getMessage());
        assertEquals(List.of(), log.infos);
        assertEquals(List.of(), log.warnings);
        assertTrue(log.errors.stream().anyMatch(line -> line.contains("V3__purge.sql:1:1: [delete-without-where]")),
                String.valueOf(log.errors));
        assertTrue(java.nio.file.Files.readString(folder.resolve("target/sqlguard/sqlguard.json"))
                .contains("delete-without-where"));
    }

    private CheckMojo mojo(TestProjects.RecordingLog log) {
        CheckMojo mojo = TestProjects.checkMojo(project, log);
        mojo.dialect = "postgresql";
        return mojo;
    }
}
