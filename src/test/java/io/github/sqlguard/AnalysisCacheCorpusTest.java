package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis cache never changes what is found: over the whole shared corpus, a run that fills the cache and
 * a run that reads it report exactly what a run without the cache reports.
 */
class AnalysisCacheCorpusTest {

    @TempDir
    Path cacheFolder;

    @Test
    void findingsAreIdenticalWithoutTheCacheWhenFillingItAndWhenReadingIt() {
        Path corpus = CorpusFiles.folder();
        LintConfig config = LintConfig.defaults(corpus, List.of(corpus));
        Path cache = cacheFolder.resolve("sqlguard/cache.bin");

        LintResult withoutCache = new Linter().run(config);
        LintResult filling = new Linter().run(config, cache);
        LintResult reading = new Linter().run(config, cache);

        assertTrue(Files.isRegularFile(cache), "the first run with a cache file writes it");
        assertEquals(0, filling.cachedFiles());
        assertTrue(reading.cachedFiles() > 1000, "the second run reads the cache: " + reading.cachedFiles());
        for (LintResult cached : List.of(filling, reading)) {
            assertEquals(withoutCache.findings(), cached.findings());
            assertEquals(withoutCache.scannedFiles(), cached.scannedFiles());
            assertEquals(withoutCache.statements(), cached.statements());
            assertEquals(withoutCache.statementSql(), cached.statementSql());
            assertEquals(withoutCache.notes(), cached.notes());
        }
        System.out.printf("corpus with cache: %d findings, %d files, %d from the cache; %.2f s without the cache,"
                + " %.2f s filling it, %.2f s reading it%n", reading.findings().size(), reading.scannedFiles().size(),
                reading.cachedFiles(), withoutCache.elapsed().toMillis() / 1000.0,
                filling.elapsed().toMillis() / 1000.0, reading.elapsed().toMillis() / 1000.0);
    }
}
