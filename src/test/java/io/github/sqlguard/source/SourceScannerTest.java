package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

    @TempDir
    Path project;

    private Path touch(String relative) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "select 1;\n");
        return file;
    }

    private static List<String> relativePaths(ScanResult result) {
        return result.files().stream().map(SourcePath::relativePath).toList();
    }

    @Test
    void findsSqlFilesAtAnyDepthSortedByPathWithDefaultIncludes() throws IOException {
        touch("db/migration/V2__b.sql");
        touch("db/migration/V10__c.sql");
        touch("db/V1__a.sql");
        touch("db/readme.txt");
        touch("db/changelog.xml");

        ScanResult result = new SourceScanner(List.of(), null).scan(List.of(project.resolve("db")), project);

        assertEquals(List.of("db/V1__a.sql", "db/migration/V10__c.sql", "db/migration/V2__b.sql"),
                relativePaths(result));
        SourcePath first = result.files().get(0);
        assertEquals(project.resolve("db/V1__a.sql").toAbsolutePath().normalize(), first.file());
        assertEquals("V1__a.sql", first.pathInDirectory());
        assertEquals("V1__a.sql", first.fileName());
        assertEquals(project.resolve("db").toAbsolutePath().normalize(), first.scannedDirectory());
        assertTrue(result.missingDirectories().isEmpty());
        assertTrue(result.problems().isEmpty());
    }

    @Test
    void defaultIncludesTakeUpperCaseSqlExtensionsAsWindowsToolsSaveThem() throws IOException {
        touch("db/V1__a.sql");
        touch("db/V2__purge.SQL");
        touch("db/V3__b.Sql.bak");

        ScanResult result = new SourceScanner(null, null).scan(List.of(project.resolve("db")), project);

        assertEquals(List.of("db/V1__a.sql", "db/V2__purge.SQL"), relativePaths(result));
    }

    @Test
    void matchesGlobsRelativeToTheScannedDirectoryAndAppliesExcludes() throws IOException {
        touch("res/top.sql");
        touch("res/db/V1__a.sql");
        touch("res/db/U1__a.sql");
        touch("res/db/sub/V2__b.sql");
        touch("res/other/x.sql");

        ScanResult topOnly = new SourceScanner(List.of("*.sql"), List.of()).scan(List.of(project.resolve("res")), project);
        assertEquals(List.of("res/top.sql"), relativePaths(topOnly));

        ScanResult dbWithoutUndo = new SourceScanner(List.of("db/**"), List.of("**/U*__*.sql"))
                .scan(List.of(project.resolve("res")), project);
        assertEquals(List.of("res/db/V1__a.sql", "res/db/sub/V2__b.sql"), relativePaths(dbWithoutUndo));
    }

    @Test
    void globsAreReadFromTheProjectAndFromANestedDirectoryTooWhichIsNotWalkedTwice() throws IOException {
        touch("res/db/migration/V1__a.sql");
        touch("res/db/migration/legacy/V0__old.sql");
        List<Path> directories = List.of(project.resolve("res"), project.resolve("res/db/migration"));

        for (String exclude : List.of("legacy/**", "db/migration/legacy/*.sql", "res/db/migration/legacy/*.sql")) {
            ScanResult result = new SourceScanner(List.of("**/*.sql"), List.of(exclude)).scan(directories, project);
            assertEquals(List.of("res/db/migration/V1__a.sql"), relativePaths(result), exclude);
        }
        ScanResult topOfTheLocation = new SourceScanner(List.of("V*.sql"), List.of()).scan(directories, project);
        assertEquals(List.of("res/db/migration/V1__a.sql"), relativePaths(topOfTheLocation));
    }

    @Test
    void reportsMissingDirectoriesInsteadOfFailing() throws IOException {
        touch("a/V1__x.sql");
        Path missing = project.resolve("no/such/dir");

        ScanResult result = new SourceScanner(null, null).scan(List.of(missing, project.resolve("a")), project);

        assertEquals(List.of(missing.toAbsolutePath().normalize()), result.missingDirectories());
        assertEquals(List.of("a/V1__x.sql"), relativePaths(result));
    }

    @Test
    void resolvesRelativeDirectoriesAgainstTheBaseDirectory() throws IOException {
        touch("src/main/resources/db/V1__x.sql");

        ScanResult result = new SourceScanner(null, null).scan(List.of(Path.of("src/main/resources")), project);

        assertEquals(List.of("src/main/resources/db/V1__x.sql"), relativePaths(result));
        assertEquals("db/V1__x.sql", result.files().get(0).pathInDirectory());
    }

    @Test
    void listsAFileOnceWhenDirectoriesOverlap() throws IOException {
        touch("res/db/V1__x.sql");

        ScanResult result = new SourceScanner(null, null)
                .scan(List.of(project.resolve("res"), project.resolve("res/db")), project);

        assertEquals(List.of("res/db/V1__x.sql"), relativePaths(result));
        assertEquals("db/V1__x.sql", result.files().get(0).pathInDirectory());
    }

    @Test
    void showsFilesOutsideTheBaseDirectoryWithTheirAbsolutePath(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("V1__x.sql"), "select 1;");

        ScanResult result = new SourceScanner(null, null).scan(List.of(elsewhere), project);

        String expected = elsewhere.toAbsolutePath().normalize().resolve("V1__x.sql").toString().replace('\\', '/');
        assertEquals(List.of(expected), relativePaths(result));
    }

    @Test
    void aFileGivenAsDirectoryIsAProblemNotACrash() throws IOException {
        Path file = touch("V1__x.sql");

        ScanResult result = new SourceScanner(null, null).scan(List.of(file), project);

        assertTrue(result.files().isEmpty());
        assertEquals(1, result.problems().size());
        assertEquals("V1__x.sql", result.problems().get(0).relativePath());
        assertTrue(result.problems().get(0).message().contains("is not a directory"), result.problems().toString());
    }

    @Test
    void followsSymbolicLinksButStopsAtLoopsAndReportsThem() throws IOException {
        touch("db/V1__x.sql");
        touch("shared/V2__y.sql");
        Files.createSymbolicLink(project.resolve("db/shared"), project.resolve("shared"));
        // A link back to its own parent: walking it naively never ends.
        Files.createSymbolicLink(project.resolve("db/loop"), project.resolve("db"));

        ScanResult result = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new SourceScanner(null, null).scan(List.of(project.resolve("db")), project));

        assertEquals(List.of("db/V1__x.sql", "db/shared/V2__y.sql"), relativePaths(result));
        assertEquals(1, result.problems().size(), result.problems().toString());
        ScanProblem loop = result.problems().get(0);
        assertEquals("db/loop", loop.relativePath());
        assertTrue(loop.message().startsWith("symbolic link loop"), loop.message());
    }

    @Test
    void reportsBrokenLinksThatMatchTheIncludes() throws IOException {
        touch("db/V1__x.sql");
        Files.createSymbolicLink(project.resolve("db/V2__gone.sql"), project.resolve("nowhere.sql"));
        Files.createSymbolicLink(project.resolve("db/gone.txt"), project.resolve("nowhere.txt"));

        ScanResult result = new SourceScanner(null, null).scan(List.of(project.resolve("db")), project);

        assertEquals(List.of("db/V1__x.sql"), relativePaths(result));
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals("db/V2__gone.sql", result.problems().get(0).relativePath());
        assertTrue(result.problems().get(0).message().startsWith("broken symbolic link"));
    }

    @Test
    void isSelectedNeedsAnIncludeAndNoExclude() {
        SourceScanner scanner = new SourceScanner(List.of("**/*.sql", "**/*.xml"), List.of("test/**"));

        assertTrue(scanner.isSelected("db/a.xml"));
        assertTrue(scanner.isSelected("a.sql"));
        assertEquals(false, scanner.isSelected("test/a.sql"));
        assertEquals(false, scanner.isSelected("db/a.yaml"));
    }

    @Test
    void anIncludeOfSqlScriptsAlsoSelectsTheirCopiesNamedForADatabaseAfterTheSuffix() throws IOException {
        touch("schema/delta/54/drop_old.sql");
        touch("schema/delta/54/rebuild.sql.postgres");
        touch("schema/delta/54/rebuild.sql.sqlite");
        touch("schema/delta/54/NOTES.SQL.mysql");
        touch("schema/delta/54/helper.py");
        touch("schema/delta/54/dump.sql.bak");
        touch("schema/delta/54/only.postgres");

        ScanResult result = new SourceScanner(null, null).scan(List.of(project.resolve("schema")), project);

        assertEquals(List.of("schema/delta/54/NOTES.SQL.mysql", "schema/delta/54/drop_old.sql",
                "schema/delta/54/rebuild.sql.postgres", "schema/delta/54/rebuild.sql.sqlite"), relativePaths(result));
    }

    @Test
    void aCopyNamedForADatabaseIsSelectedAndExcludedAsTheScriptItCopies() {
        SourceScanner scanner = new SourceScanner(List.of("delta/**/*.sql"), List.of("**/legacy.sql"));

        assertTrue(scanner.isSelected("delta/54/x.sql.postgres"));
        assertTrue(scanner.isSelected("delta/54/x.sql.sqlite3"));
        assertEquals(false, scanner.isSelected("full/x.sql.postgres"), "the include names delta/ only");
        assertEquals(false, scanner.isSelected("delta/54/legacy.sql.sqlite"), "excluded with the script it copies");
        assertEquals(false, scanner.isSelected("delta/54/x.sql.orig"), "orig names no database");
        assertEquals(false, scanner.isSelected("delta/54/.sql.postgres"), "no script before the suffix");
        assertEquals(false, new SourceScanner(List.of("**/*.sql"), List.of("**/*.sqlite")).isSelected("x.sql.sqlite"));
    }

    @Test
    void anExcludeLeavesACodeStepOutAsItLeavesAScriptOut() throws IOException {
        touch("schema/delta/56/a.sql");
        touch("schema/delta/56/rebuild_index.py");
        touch("schema/delta/57/backfill.py");

        ScanResult all = new SourceScanner(null, null).scan(List.of(project.resolve("schema")), project);
        ScanResult withoutOne = new SourceScanner(null, List.of("**/57/*.py"))
                .scan(List.of(project.resolve("schema")), project);

        assertEquals(List.of("schema/delta/56/rebuild_index.py", "schema/delta/57/backfill.py"),
                all.codeSteps().stream().map(SourcePath::relativePath).toList());
        assertEquals(List.of("schema/delta/56/rebuild_index.py"),
                withoutOne.codeSteps().stream().map(SourcePath::relativePath).toList());
    }

    @Test
    void aCopyOfAFlywayScriptIsLeftToTheSuffixesFlywayIsConfiguredWith() {
        SourceScanner defaults = new SourceScanner(List.of("**/*.sql"), List.of());
        SourceScanner customPrefix = new SourceScanner(List.of("**/*.sql"), List.of(),
                new FlywayNaming("M", "U", "R", "__", List.of(".sql")));

        assertEquals(false, defaults.isSelected("db/migration/V2__purge.sql.postgres"), "Flyway runs .sql only");
        assertEquals(false, defaults.isSelected("db/migration/R__refresh.sql.sqlite"));
        assertTrue(defaults.isSelected("db/migration/purge.sql.postgres"));
        assertTrue(customPrefix.isSelected("db/migration/V2__purge.sql.postgres"), "no Flyway name with prefix M");
        assertEquals(false, customPrefix.isSelected("db/migration/M2__purge.sql.postgres"));
    }
}
