package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialect notes are worked out again whenever anything they follow from changed, and never taken on trust. */
class DialectNotesFileTest {

    private static final List<String> FILES = List.of("db/migration/V1__a.sql", "db/migration/mysql/V2__b.sql");

    @TempDir
    Path folder;

    @Test
    void theFirstBuildWorksTheNotesOutAndTheNextReadsThemBack() {
        Path file = folder.resolve("target/sqlguard/dialect-notes.bin");
        LintConfig config = config(Dialect.POSTGRESQL);

        OtherDialectScripts.Lines first = DialectNotesFile.of(config, FILES, file, "v1");

        assertEquals(OtherDialectScripts.of(config, FILES), first);
        assertTrue(first.otherDialect().orElseThrow().contains("db/migration/mysql/ (mysql, 1 script)"));
        assertEquals(Optional.of(first), DialectNotesFile.read(file, DialectNotesFile.key(config, FILES, "v1")));
    }

    /** A file that holds other lines under the same key shows that the kept lines are the ones a build takes. */
    @Test
    void keptNotesAreTakenAsTheyWereWritten() {
        Path file = folder.resolve("dialect-notes.bin");
        LintConfig config = config(Dialect.POSTGRESQL);
        OtherDialectScripts.Lines kept = new OtherDialectScripts.Lines(Optional.of("kept line"), Optional.empty());
        DialectNotesFile.write(file, DialectNotesFile.key(config, FILES, "v1"), kept);

        assertEquals(kept, DialectNotesFile.of(config, FILES, file, "v1"));
    }

    @Test
    void otherPathsAnotherDialectOrAnotherBuildOfSqlguardWorkTheNotesOutAgain() {
        Path file = folder.resolve("dialect-notes.bin");
        LintConfig config = config(Dialect.POSTGRESQL);
        String key = DialectNotesFile.key(config, FILES, "v1");
        DialectNotesFile.write(file, key, new OtherDialectScripts.Lines(Optional.of("kept line"), Optional.empty()));

        List<String> moreFiles = List.of("db/migration/V1__a.sql", "db/migration/mysql/V2__b.sql",
                "db/migration/mysql/V3__c.sql");
        assertEquals(OtherDialectScripts.of(config, moreFiles), DialectNotesFile.of(config, moreFiles, file, "v1"));
        assertNotEquals(key, DialectNotesFile.key(config(Dialect.MYSQL), FILES, "v1"));
        assertNotEquals(key, DialectNotesFile.key(config, FILES, "v2"));
        assertTrue(DialectNotesFile.read(file, key).isEmpty(), "the file now holds the notes of the other paths");
    }

    @Test
    void aDamagedOrForeignFileIsIgnoredAndWrittenAgain() throws IOException {
        Path file = folder.resolve("dialect-notes.bin");
        LintConfig config = config(Dialect.POSTGRESQL);
        Files.write(file, new byte[] {0, 24, 's', 'q', 'l', 'g'});

        assertEquals(OtherDialectScripts.of(config, FILES), DialectNotesFile.of(config, FILES, file, "v1"));
        assertTrue(DialectNotesFile.read(file, DialectNotesFile.key(config, FILES, "v1")).isPresent());

        byte[] written = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(written, written.length - 3));
        assertTrue(DialectNotesFile.read(file, DialectNotesFile.key(config, FILES, "v1")).isEmpty());
    }

    @Test
    void aBuildFolderThatCannotTakeTheFileStillGetsTheNotes() throws IOException {
        Path notAFolder = folder.resolve("target");
        Files.writeString(notAFolder, "a file where the build folder should be\n");
        LintConfig config = config(Dialect.POSTGRESQL);

        assertEquals(OtherDialectScripts.of(config, FILES),
                DialectNotesFile.of(config, FILES, notAFolder.resolve("sqlguard/dialect-notes.bin"), "v1"));
    }

    private static LintConfig config(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(Path.of("."), List.of(Path.of(".")));
        return new LintConfig(defaults.baseDir(), defaults.directories(), defaults.includes(), defaults.excludes(),
                dialect, defaults.encoding(), defaults.ruleLevels(), defaults.disabledRules(), defaults.flyway(),
                defaults.liquibase(), defaults.suppressions(), defaults.baselineFile(), defaults.maxFileBytes(),
                defaults.threads());
    }
}
