package io.github.sqlguard.maven;

import static io.github.sqlguard.maven.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report files are written while the build log is printed: a build still ends with them written, fails on a
 * finding only once they are, and says which folder it could not write them to.
 */
class CheckMojoReportFilesTest {

    @TempDir
    Path folder;

    private MavenProject project;
    private final TestProjects.RecordingLog log = new TestProjects.RecordingLog(true);
    private final List<String> debugged = log.debugs;

    @BeforeEach
    void project() throws IOException {
        project = TestProjects.project(folder);
        write(folder.resolve("src/main/resources/db/migration/V1__orders.sql"),
                "CREATE TABLE orders (id INT PRIMARY KEY);\n");
    }

    @Test
    void aFailingBuildHasWrittenItsReportsFirst() throws IOException {
        write(folder.resolve("src/main/resources/db/migration/V2__purge.sql"), "DELETE FROM orders;\n");
        CheckMojo mojo = mojo(folder.resolve("target/sqlguard"));

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().contains("V2__purge.sql:1:1 [delete-without-where]"), failure.getMessage());
        String json = Files.readString(folder.resolve("target/sqlguard/sqlguard.json"));
        assertTrue(json.contains("delete-without-where"), json);
        assertTrue(log.errors.stream().anyMatch(line -> line.contains("[delete-without-where]")),
                String.valueOf(log.errors));
    }

    @Test
    void aReportFolderThatCannotBeWrittenFailsTheBuildNamingIt() throws IOException {
        Path notAFolder = folder.resolve("reports-are-here");
        write(notAFolder, "a file where the report folder should be\n");
        CheckMojo mojo = mojo(notAFolder);

        MojoExecutionException failure = assertThrows(MojoExecutionException.class, mojo::execute);

        assertTrue(failure.getMessage().startsWith("sqlguard could not write its reports to " + notAFolder + ": "),
                failure.getMessage());
        assertTrue(failure.getCause() instanceof IOException, String.valueOf(failure.getCause()));
    }

    @Test
    void aSecondRunWithNothingNewLeavesTheReportsAsTheyWere() throws Exception {
        Path report = folder.resolve("target/sqlguard/sqlguard.json");
        mojo(folder.resolve("target/sqlguard")).execute();
        String first = Files.readString(report);
        assertTrue(debugged.stream().anyMatch(line -> line.contains("(written)")), String.valueOf(debugged));
        debugged.clear();

        mojo(folder.resolve("target/sqlguard")).execute();

        assertTrue(debugged.stream().anyMatch(line -> line.contains("(unchanged, left as they were)")),
                String.valueOf(debugged));
        assertEquals(first, Files.readString(report));
    }

    @Test
    void aDeletedReportIsWrittenAgain() throws Exception {
        Path report = folder.resolve("target/sqlguard/sqlguard.json");
        mojo(folder.resolve("target/sqlguard")).execute();
        Files.delete(report);

        mojo(folder.resolve("target/sqlguard")).execute();

        assertTrue(Files.isRegularFile(report));
    }

    private CheckMojo mojo(Path reportDirectory) {
        CheckMojo mojo = TestProjects.checkMojo(project, log);
        mojo.dialect = "postgresql";
        mojo.cache = true;
        mojo.reportDirectory = reportDirectory.toFile();
        return mojo;
    }
}
