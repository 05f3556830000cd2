package io.github.sqlguard;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real SQL, for tests that read it. It is found through the system property
 * {@code sqlguard.corpus} (the pom sets it for surefire); a test skips, with the path it looked at, when the
 * corpus is absent. Corpus files are never copied into the repository.
 */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    /** The corpus folder, absolute, whether it is there or not: for a parameter source, which cannot skip. */
    public static Path root() {
        return Path.of(System.getProperty("sqlguard.corpus", "../shared/corpus")).toAbsolutePath().normalize();
    }

    /** The corpus folder {@code names} (none: the corpus itself), absolute; skips the test when it is missing. */
    public static Path folder(String... names) {
        Path folder = root().resolve(Path.of("", names)).normalize();
        Assumptions.assumeTrue(Files.isDirectory(folder), "corpus not found at " + folder + " (set -Dsqlguard.corpus)");
        return folder;
    }

    /**
     * The default settings for checking the corpus folder {@code folder} in {@code dialect}, with paths relative to
     * the corpus, on {@code threads} workers; skips the test when the corpus is missing.
     */
    public static LintConfig config(String folder, Dialect dialect, int threads) {
        Path corpus = folder();
        Path directory = folder(folder);
        LintConfig defaults = LintConfig.defaults(corpus, List.of(directory));
        return new LintConfig(corpus, List.of(directory), defaults.includes(), List.of(), dialect,
                defaults.encoding(), Map.of(), List.of(), defaults.flyway(), defaults.liquibase(), List.of(), null,
                defaults.maxFileBytes(), threads);
    }

    /** The same on one worker per core. */
    public static LintConfig config(String folder, Dialect dialect) {
        return config(folder, dialect, Runtime.getRuntime().availableProcessors());
    }

    /** Every regular file below {@code folder} whose name ends with {@code suffix} ("" for all), sorted. */
    public static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(suffix)).sorted()
                    .toList();
        }
    }
}
