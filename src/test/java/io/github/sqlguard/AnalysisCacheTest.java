package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.source.SourcePath;
import io.github.sqlguard.source.SourceScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The analysis cache is reused only while nothing that could change a finding changed, and never trusted blindly. */
class AnalysisCacheTest {

    @TempDir
    Path project;

    private Path cache() {
        return project.resolve("target/sqlguard/analysis-cache.bin");
    }

    @Test
    void anUnchangedFileComesFromTheCacheAndAChangedOneIsAnalysedAgain() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        write("db/V2__b.sql", "CREATE TABLE b (id INT);\n");
        assertEquals(0, lint(config()).cachedFiles());

        write("db/V2__b.sql", "CREATE TABLE b (id INT);\nDROP TABLE c;\n");
        LintResult second = lint(config());

        assertEquals(1, second.cachedFiles(), "only V1 is unchanged");
        assertEquals(List.of("db/V1__a.sql:1:1 delete-without-where", "db/V2__b.sql:2:1 drop-table"),
                described(second));
    }

    @Test
    void theCountOfCachedFilesLeavesOutFilesThatAreNoMigrations() throws IOException {
        write("db/v1.1/V1__a.sql", "DELETE FROM a;\n");
        write("db/v1.1/manifest.json", "{\"CurrVersion\": \"1.1\", \"SchemaUpdateCqlFiles\": [\"a.sql\"]}\n");
        lint(config());

        LintResult again = lint(config());

        assertEquals(List.of("db/v1.1/V1__a.sql"), again.scannedFiles());
        assertEquals(1, again.cachedFiles(), "as many as the files the summary counts");
    }

    @Test
    void anUnchangedFileIsAnalysedAgainWhenTheSchemaBeforeItChanged() throws IOException {
        write("db/V1__a.sql", "CREATE TABLE accounts (id INT, note VARCHAR(100));\n");
        write("db/V2__b.sql", "ALTER TABLE accounts ALTER COLUMN note TYPE VARCHAR(50);\n");
        assertEquals(List.of("db/V2__b.sql:1:22 alter-column-type"), described(lint(config())));

        write("db/V1__a.sql", "CREATE TABLE accounts (id INT, note VARCHAR(20));\n");
        LintResult widened = lint(config());
        LintResult again = lint(config());

        assertEquals(0, widened.cachedFiles(), "V2 was checked against another schema");
        assertEquals(List.of(), described(widened), "VARCHAR(20) to VARCHAR(50) loses nothing");
        assertEquals(2, again.cachedFiles());
        assertEquals(List.of(), described(again));
    }

    @Test
    void aNewMigrationIsCheckedAgainstTheSchemaTheCachedOnesBuilt() throws IOException {
        write("db/V1__a.sql", "CREATE TABLE accounts (id INT, note VARCHAR(100));\n");
        assertEquals(List.of(), described(lint(config())));

        write("db/V2__b.sql", "ALTER TABLE accounts ALTER COLUMN note TYPE VARCHAR(50);\n");
        LintResult appended = lint(config());

        assertEquals(1, appended.cachedFiles(), "V1 is unchanged");
        assertEquals(List.of("db/V2__b.sql:1:22 alter-column-type"), described(appended));
        assertTrue(appended.findings().get(0).message().contains("VARCHAR(100)"), appended.findings().toString());
    }

    @Test
    void aRemovedMigrationChangesTheSchemaTheOthersAreCheckedAgainst() throws IOException {
        write("db/V1__a.sql", "CREATE TABLE accounts (id INT, note VARCHAR(20));\n");
        write("db/V2__b.sql", "ALTER TABLE accounts ALTER COLUMN note TYPE VARCHAR(50);\n");
        assertEquals(List.of(), described(lint(config())), "VARCHAR(20) to VARCHAR(50) loses nothing");

        Files.delete(project.resolve("db/V1__a.sql"));
        LintResult removed = lint(config());

        assertEquals(List.of("db/V2__b.sql:1:22 alter-column-type"), described(removed),
                "without V1 the type before is unknown, so the change is reported as before the replay existed");
    }

    @Test
    void theWholePreviousRunIsReusedOnlyWhileEveryFileAndTheListOfFilesAreUnchanged() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        write("db/V2__b.sql", "CREATE TABLE b (id INT);\n");
        LintConfig config = config();
        lint(config);
        assertEquals(2, previousRun(config).map(List::size).orElse(-1), "nothing changed");

        write("db/V3__c.sql", "DROP TABLE b;\n");
        assertTrue(previousRun(config).isEmpty(), "a file was added");
        lint(config);
        assertEquals(3, previousRun(config).map(List::size).orElse(-1));

        write("db/V2__b.sql", "CREATE TABLE b (id BIGINT);\n");
        assertTrue(previousRun(config).isEmpty(), "a file changed");
        lint(config);
        Files.delete(project.resolve("db/V1__a.sql"));
        assertTrue(previousRun(config).isEmpty(), "a file was removed");
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndTimeJustBeforeTheCacheWasWrittenIsReadAgain() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a WHERE id = 1;\n");
        FileTime written = Files.getLastModifiedTime(project.resolve("db/V1__a.sql"));
        assertEquals(List.of(), described(lint(config())));

        // Same size, same modification time: only the content tells, and the time is too close to the cache's.
        write("db/V1__a.sql", "DELETE FROM a WHERE 1 =  1;\n");
        Files.setLastModifiedTime(project.resolve("db/V1__a.sql"), written);
        LintResult rewritten = lint(config());

        assertEquals(0, rewritten.cachedFiles());
        assertEquals(List.of("db/V1__a.sql:1:1 always-true-where"), described(rewritten));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flipped byte", "truncated", "empty", "foreign", "other format version"})
    void aDamagedOrForeignCacheIsIgnoredAndRewritten(String damage) throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        List<Finding> expected = lint(config()).findings();
        byte[] sound = Files.readAllBytes(cache());

        byte[] damaged = switch (damage) {
            case "flipped byte" -> flipped(sound, sound.length / 2);
            case "truncated" -> Arrays.copyOf(sound, sound.length - 7);
            case "empty" -> new byte[0];
            case "foreign" -> "{\"not\": \"a cache\"}".getBytes(StandardCharsets.UTF_8);
            // The version follows the 24-byte format name; a future format must not be read as this one.
            default -> flipped(sound, 27);
        };
        Files.write(cache(), damaged);
        LintResult afterDamage = lint(config());
        LintResult afterRewrite = lint(config());

        assertEquals(0, afterDamage.cachedFiles(), "a damaged cache is not trusted");
        assertEquals(expected, afterDamage.findings());
        assertEquals(1, afterRewrite.cachedFiles(), "the damaged cache was replaced by a sound one");
        assertEquals(expected, afterRewrite.findings());
    }

    @Test
    void aChangedSettingThatChangesFindingsInvalidatesTheCache() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\nDELETE FROM ${table};\n");
        assertTrue(lint(config()).findings().stream().noneMatch(f -> f.excerpt().equals("DELETE FROM b")));

        LintResult relaxed = lint(config(Map.of("delete-without-where", "WARNING"), Map.of(), List.of()));
        LintResult withPlaceholder = lint(config(Map.of(), Map.of("table", "b"), List.of()));

        assertEquals(0, relaxed.cachedFiles());
        assertTrue(relaxed.findings().stream().filter(f -> f.ruleId().equals("delete-without-where"))
                .allMatch(f -> f.severity() == Severity.WARNING), relaxed.findings().toString());
        assertEquals(0, withPlaceholder.cachedFiles());
        assertTrue(withPlaceholder.findings().stream().anyMatch(f -> f.excerpt().equals("DELETE FROM b")),
                withPlaceholder.findings().toString());
    }

    /** Flyway's default schema decides which table an unqualified name means, so whether a guard holds. */
    @Test
    void aChangedFlywayDefaultSchemaInvalidatesTheCache() throws IOException {
        write("db/V1__a.sql", "ALTER TABLE ftap ADD COLUMN active boolean;\nUPDATE referencedata.ftap SET active = true;\n");
        LintConfig plain = config();
        assertTrue(lint(plain).findings().stream().anyMatch(f -> f.severity() == Severity.ERROR));
        LintConfig postgres = new LintConfig(plain.baseDir(), plain.directories(), plain.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), plain.flyway(), plain.liquibase(),
                List.of(), null, plain.maxFileBytes(), 2);
        assertTrue(lint(postgres).findings().stream().anyMatch(f -> f.severity() == Severity.ERROR));

        LintResult inSchema = lint(new LintConfig(plain.baseDir(), plain.directories(), plain.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(),
                plain.flyway().withDefaultSchema("referencedata"), plain.liquibase(), List.of(), null,
                plain.maxFileBytes(), 2));

        assertEquals(0, inSchema.cachedFiles());
        assertTrue(inSchema.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR),
                inSchema.findings().toString());
    }

    @Test
    void aDialectTakenFromTheDatabaseUrlDoesNotReuseWhatAutoFound() throws IOException {
        write("db/V1__a.sql", "UPDATE notes SET body = 'C:\\Users\\'; DELETE FROM notes; -- a path' WHERE id = 1;\n");
        assertTrue(lint(config()).findings().stream().anyMatch(f -> f.ruleId().equals("delete-without-where")));

        LintConfig auto = config();
        LintResult mysql = lint(new LintConfig(auto.baseDir(), auto.directories(), auto.includes(), auto.excludes(),
                Dialect.MYSQL, auto.encoding(), auto.ruleLevels(), auto.disabledRules(), auto.flyway(),
                auto.liquibase(), auto.suppressions(), auto.baselineFile(), auto.maxFileBytes(), auto.threads()));

        assertEquals(0, mysql.cachedFiles());
        assertTrue(mysql.findings().stream().noneMatch(f -> f.ruleId().equals("delete-without-where")),
                "in MySQL the DELETE is inside the string: " + mysql.findings());
    }

    @Test
    void aPomSuppressionAddedLaterAppliesToCachedFindings() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        assertFalse(lint(config()).findings().get(0).isAcknowledged());

        LintResult suppressed = lint(config(Map.of(), Map.of(),
                List.of(new SuppressionConfig("delete-without-where", "db/V1__a.sql", "emptied on purpose"))));

        assertEquals(1, suppressed.cachedFiles(), "pom suppressions are applied after the cache");
        Finding finding = suppressed.findings().get(0);
        assertEquals(Acknowledgement.Source.POM_SUPPRESSION, finding.acknowledgement().source());
    }

    @Test
    void aChangelogIsAnalysedAgainWhenAFileItIncludesChanges() throws IOException {
        write("db/master.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <sqlFile path="scripts/cleanup.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/scripts/cleanup.sql", "DELETE FROM sessions WHERE id = 1;\n");
        assertEquals(List.of(), described(lint(config())));
        assertEquals(1, lint(config()).cachedFiles(), "nothing changed: the changelog comes from the cache");

        write("db/scripts/cleanup.sql", "DELETE FROM sessions;\n");
        LintResult changed = lint(config());

        assertEquals(0, changed.cachedFiles());
        assertEquals(List.of("db/scripts/cleanup.sql:1:1 delete-without-where"), described(changed));
    }

    @Test
    void aChangelogIsAnalysedAgainWhenAFileAppearsInAFolderItIncludesWhole() throws IOException {
        write("db/master.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <includeAll path="changes/" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("db/changes/001.sql", "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id INT);\n");
        assertEquals(List.of(), described(lint(config())));

        write("db/changes/002.sql", "--liquibase formatted sql\n--changeset a:2\nDROP TABLE t;\n");
        LintResult added = lint(config());

        assertEquals(List.of("db/changes/002.sql:3:1 drop-table"), described(added));
    }

    @Test
    void aCacheReadAheadServesTheRunAndIsStillCheckedAgainstItsSettings() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        write("db/V2__b.sql", "DROP TABLE b;\n");
        LintResult first = lint(config());

        LintResult readAhead = new Linter().readingAhead(cache()).run(config(), cache());
        LintResult otherSettings = new Linter().readingAhead(cache())
                .run(config(Map.of("drop-table", "ERROR"), Map.of(), List.of()), cache());

        assertEquals(2, readAhead.cachedFiles());
        assertEquals(first.findings(), readAhead.findings());
        assertEquals(0, otherSettings.cachedFiles(), "the cache was made with other settings");
    }

    @Test
    void aReadAheadServesOneRunOnly() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        lint(config());
        Linter linter = new Linter().readingAhead(cache());
        write("db/V2__b.sql", "DROP TABLE b;\n");
        assertEquals(1, linter.run(config(), cache()).cachedFiles(), "V2 is new");

        LintResult again = linter.run(config(), cache());

        assertEquals(2, again.cachedFiles(), "the cache the first run wrote, not the one read ahead of it");
    }

    @Test
    void aReadAheadOfAnotherFileIsNotTakenForTheRunsCache() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        lint(config());

        LintResult result = new Linter().readingAhead(project.resolve("elsewhere.bin")).run(config(), cache());

        assertEquals(1, result.cachedFiles());
    }

    @Test
    void stampsTakenBeforehandDecideWhetherTheWholePreviousRunStands() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        LintConfig config = config();
        settle(project);
        lint(config);
        List<SourcePath> files = new SourceScanner(config.includes(), config.excludes())
                .scan(config.directories(), config.baseDir()).files();
        assertTrue(AnalysisCache.readInBackground(cache()).open(config, files)
                .previousRunIfUnchanged(files, AnalysisCache.stampsOf(files)).isPresent());

        write("db/V1__a.sql", "DELETE FROM a WHERE id = 1;\n");

        assertTrue(AnalysisCache.readInBackground(cache()).open(config, files)
                .previousRunIfUnchanged(files, AnalysisCache.stampsOf(files)).isEmpty());
    }

    @Test
    void aMigrationAddedToAFolderLeftAloneSinceTheLastRunIsFound() throws IOException {
        write("db/V1__a.sql", "CREATE TABLE b (id INT);\n");
        settle(project);
        lint(config());
        assertTrue(Files.exists(cache().resolveSibling("scan-snapshot.bin")));
        assertEquals(1, lint(config()).cachedFiles(), "nothing changed");

        write("db/V2__b.sql", "DROP TABLE b;\n");

        assertEquals(List.of("db/V2__b.sql:1:1 drop-table"), described(lint(config())));
    }

    /** Every file and folder as if made a minute ago, so no clock tick hides a later change. */
    private static void settle(Path folder) throws IOException {
        FileTime minuteAgo = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, minuteAgo);
            }
        }
    }

    @Test
    void anUnchangedFileIsAnalysedAgainWhenAnEarlierMigrationItNamesWasRenamed() throws IOException {
        String routine = "CREATE PROCEDURE clear_log() LANGUAGE SQL AS $$ DELETE FROM debug_log $$;\n";
        write("db/V1__routines.sql", routine);
        write("db/V3__call.sql", "CALL clear_log();\n");
        assertTrue(lint(config()).findings().stream().anyMatch(f -> f.message().contains("db/V1__routines.sql:1:")));

        Files.delete(project.resolve("db/V1__routines.sql"));
        write("db/V2__routines.sql", routine);
        LintResult renamed = lint(config());

        List<String> messages = renamed.findings().stream()
                .filter(f -> f.location().path().equals("db/V3__call.sql")).map(Finding::message).toList();
        assertFalse(messages.isEmpty(), "the call still runs the DELETE");
        assertTrue(messages.stream().allMatch(m -> m.contains("db/V2__routines.sql:1:")),
                "the call's finding names the file the routine is in now: " + messages);
    }

    @Test
    void withoutACacheFileNothingIsWritten() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");

        LintResult result = new Linter().run(config());

        assertEquals(0, result.cachedFiles());
        assertFalse(Files.exists(project.resolve("target")));
    }

    private Optional<List<FileOutcome>> previousRun(LintConfig config) {
        List<SourcePath> files = new SourceScanner(
                config.includes(), config.excludes()).scan(config.directories(), config.baseDir()).files();
        return AnalysisCache.readInBackground(cache()).open(config, files).previousRunIfUnchanged(files, Map.of());
    }

    private LintResult lint(LintConfig config) {
        return new Linter().run(config, cache());
    }

    private LintConfig config() {
        return config(Map.of(), Map.of(), List.of());
    }

    private LintConfig config(Map<String, String> ruleLevels, Map<String, String> placeholders,
            List<SuppressionConfig> suppressions) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = defaults.flyway();
        FlywayConfig withPlaceholders = new FlywayConfig(flyway.versionedPrefix(), flyway.undoPrefix(),
                flyway.repeatablePrefix(), flyway.separator(), flyway.suffixes(), placeholders,
                flyway.placeholderPrefix(), flyway.placeholderSuffix(), flyway.sinceVersion(), flyway.undoScripts());
        return new LintConfig(project, defaults.directories(), defaults.includes(), List.of(), Dialect.AUTO,
                StandardCharsets.UTF_8, ruleLevels, List.of(), withPlaceholders, defaults.liquibase(), suppressions,
                null, defaults.maxFileBytes(), 2);
    }

    private static List<String> described(LintResult result) {
        return result.findings().stream().map(f -> f.location() + " " + f.ruleId()).toList();
    }

    private static byte[] flipped(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }
}
