package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanSnapshotTest {

    private static final String KEY = "key";

    @TempDir
    Path project;

    @TempDir
    Path build;

    private final SourceScanner scanner = new SourceScanner(List.of("**/*.sql"), List.of());

    private Path touch(String relative) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "delete from t;\n");
        return file;
    }

    private Path snapshot() {
        return build.resolve("scan-snapshot.bin");
    }

    private ScanResult scanAndSave() throws IOException {
        ScanResult scan = scanner.scan(List.of(project.resolve("db")), project);
        ScanSnapshot.save(snapshot(), KEY, scan);
        return scan;
    }

    /** Every folder and file under the project as if made a minute ago: a clock tick cannot hide a change then. */
    private void settle() throws IOException {
        FileTime minuteAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.MINUTES));
        try (Stream<Path> paths = Files.walk(project)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, minuteAgo);
            }
        }
    }

    private static List<String> relativePaths(ScanResult result) {
        return result.files().stream().map(SourcePath::relativePath).toList();
    }

    @Test
    void anUnchangedTreeIsNotListedAgain() throws IOException {
        touch("db/V1__a.sql");
        touch("db/release/V2__b.sql");
        touch("db/notes.txt");
        settle();
        ScanResult scanned = scanAndSave();

        Optional<ScanResult> kept = ScanSnapshot.reuse(snapshot(), KEY);

        assertTrue(kept.isPresent());
        assertEquals(scanned.files(), kept.get().files());
        assertEquals(List.of("db/V1__a.sql", "db/release/V2__b.sql"), relativePaths(kept.get()));
        assertEquals(ScanResult.listingOf(scanned.files()), kept.get().listing(),
                "the kept listing is that of the kept files, which the analysis cache compares");
    }

    @Test
    void theListingTellsScansOfOtherFilesApart() throws IOException {
        touch("db/V1__a.sql");
        ScanResult one = scanner.scan(List.of(project.resolve("db")), project);
        touch("db/V2__b.sql");
        ScanResult two = scanner.scan(List.of(project.resolve("db")), project);

        assertEquals(one.listing(), ScanResult.listingOf(one.files()));
        assertNotEquals(one.listing(), two.listing());
    }

    @Test
    void aFileAddedToAnyFolderMakesTheScanRunAgain() throws IOException {
        touch("db/V1__a.sql");
        touch("db/release/V2__b.sql");
        settle();
        scanAndSave();

        touch("db/release/V3__c.sql");

        assertTrue(ScanSnapshot.reuse(snapshot(), KEY).isEmpty());
    }

    @Test
    void aRemovedFileMakesTheScanRunAgain() throws IOException {
        Path removed = touch("db/release/V2__b.sql");
        touch("db/V1__a.sql");
        settle();
        scanAndSave();

        Files.delete(removed);

        assertTrue(ScanSnapshot.reuse(snapshot(), KEY).isEmpty());
    }

    @Test
    void aFolderChangedJustBeforeTheSnapshotWasWrittenIsNotTrusted() throws IOException {
        touch("db/V1__a.sql");
        scanAndSave(); // the folder's time is now: an edit in the same clock tick would not change it

        assertTrue(ScanSnapshot.reuse(snapshot(), KEY).isEmpty());
    }

    @Test
    void otherSettingsOrCodeMakeTheScanRunAgain() throws IOException {
        touch("db/V1__a.sql");
        settle();
        scanAndSave();

        assertTrue(ScanSnapshot.reuse(snapshot(), "other key").isEmpty());
    }

    @Test
    void aDirectoryThatAppearsMakesTheScanRunAgain() throws IOException {
        touch("db/V1__a.sql");
        settle();
        ScanResult scan = scanner.scan(List.of(project.resolve("db"), project.resolve("later")), project);
        ScanSnapshot.save(snapshot(), KEY, scan);
        assertEquals(List.of(project.resolve("later")), ScanSnapshot.reuse(snapshot(), KEY).orElseThrow()
                .missingDirectories());

        Files.createDirectories(project.resolve("later"));

        assertTrue(ScanSnapshot.reuse(snapshot(), KEY).isEmpty());
    }

    @Test
    void aDamagedSnapshotIsIgnored() throws IOException {
        touch("db/V1__a.sql");
        settle();
        scanAndSave();
        byte[] bytes = Files.readAllBytes(snapshot());
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(snapshot(), bytes);

        assertTrue(ScanSnapshot.reuse(snapshot(), KEY).isEmpty());
        Files.write(snapshot(), new byte[] {1, 2, 3});
        assertTrue(ScanSnapshot.reuse(snapshot(), KEY).isEmpty());
    }

    @Test
    void aScanWithProblemsIsNotKeptSoItsProblemsAreReportedEveryTime() throws IOException {
        touch("db/V1__a.sql");
        settle();
        scanAndSave();
        assertTrue(Files.exists(snapshot()));
        Files.createSymbolicLink(project.resolve("db/loop"), project.resolve("db"));

        ScanResult withLoop = scanner.scan(List.of(project.resolve("db")), project);
        ScanSnapshot.save(snapshot(), KEY, withLoop);

        assertFalse(withLoop.problems().isEmpty());
        assertFalse(Files.exists(snapshot()));
        assertTrue(ScanSnapshot.reuse(snapshot(), KEY).isEmpty());
    }

    @Test
    void theCodeStepsAmongTheScriptsAreKeptWithThem() throws IOException {
        touch("db/delta/56/a.sql");
        touch("db/delta/56/rebuild_index.py");
        touch("db/delta/57/__init__.py");
        settle();
        ScanResult scanned = scanAndSave();

        Optional<ScanResult> kept = ScanSnapshot.reuse(snapshot(), KEY);

        assertTrue(kept.isPresent());
        assertEquals(List.of("db/delta/56/rebuild_index.py"),
                kept.get().codeSteps().stream().map(SourcePath::relativePath).toList());
        assertEquals(scanned.codeSteps(), kept.get().codeSteps());
    }

    @Test
    void thePlsqlSourcesTheIncludesLeaveOutAreKeptWithThem() throws IOException {
        touch("db/install.sql");
        touch("db/packages/purge.pkb");
        touch("db/types/entry.TPS");
        touch("db/notes.txt");
        settle();
        ScanResult scanned = scanAndSave();

        Optional<ScanResult> kept = ScanSnapshot.reuse(snapshot(), KEY);

        assertTrue(kept.isPresent());
        assertEquals(List.of("db/packages/purge.pkb", "db/types/entry.TPS"),
                kept.get().plsqlSources().stream().map(SourcePath::relativePath).toList());
        assertEquals(scanned.plsqlSources(), kept.get().plsqlSources());
        assertEquals(List.of(), kept.get().codeSteps());
    }

    @Test
    void theJavaSourcesBelowTheScriptsAreKeptWithThem() throws IOException {
        touch("db/V1__orders.sql");
        touch("db/src/main/java/com/acme/V2__Backfill.java");
        touch("db/src/main/kotlin/com/acme/V3__Purge.kt");
        touch("db/src/test/java/com/acme/V2__BackfillTest.java");
        settle();
        ScanResult scanned = scanAndSave();

        Optional<ScanResult> kept = ScanSnapshot.reuse(snapshot(), KEY);

        assertTrue(kept.isPresent());
        assertEquals(List.of("db/src/main/java/com/acme/V2__Backfill.java", "db/src/main/kotlin/com/acme/V3__Purge.kt"),
                kept.get().javaSources().stream().map(SourcePath::relativePath).toList());
        assertEquals(scanned.javaSources(), kept.get().javaSources());
    }
}
