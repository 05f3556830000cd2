package io.github.sqlguard.bench;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the whole analysis (scan, read, split, parse, rules) over folders of real migrations, after
 * statements per second on the token path and the parser path ({@link StatementPathBenchmark}), cold first.
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.sqlguard.bench.LintBenchmark -Dexec.args="../shared/corpus/real"}.
 * Arguments: folders to scan; {@code --runs N} (default 5, the first is reported as warm-up),
 * {@code --threads N} (default: available processors), {@code --dialect D} (default auto), {@code --paths N}
 * warm passes of the path benchmark (default 5; 0 skips it) and {@code --cache} (the runs use the analysis
 * cache in a temporary folder: the first fills it, the others read it).
 */
public final class LintBenchmark {

    private LintBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> folders = new ArrayList<>();
        int runs = 5;
        int threads = Runtime.getRuntime().availableProcessors();
        int pathPasses = 5;
        Dialect dialect = Dialect.AUTO;
        Path cache = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--paths" -> pathPasses = Integer.parseInt(args[++i]);
                case "--dialect" -> dialect = Dialect.fromConfig(args[++i]);
                case "--cache" -> cache = Files.createTempDirectory("sqlguard-bench").resolve("analysis-cache.bin");
                default -> folders.add(Path.of(args[i]).toAbsolutePath().normalize());
            }
        }
        if (folders.isEmpty()) {
            folders.add(Path.of("../shared/corpus/real").toAbsolutePath().normalize());
        }
        long bytes = 0;
        for (Path folder : folders) {
            bytes += sizeOf(folder);
        }
        Path base = folders.get(0).getParent();
        LintConfig defaults = LintConfig.defaults(base, folders);
        if (pathPasses > 0) {
            StatementPathBenchmark.run(folders, dialect, pathPasses);
        }
        LintConfig config = new LintConfig(base, folders, defaults.includes(), List.of(), dialect,
                defaults.encoding(), defaults.ruleLevels(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), threads);
        System.out.printf("folders=%s bytes=%.2f MB threads=%d%n", folders, bytes / 1e6, threads);
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            LintResult result = new Linter().run(config, cache);
            double seconds = (System.nanoTime() - started) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("run %d%s: %.2f s, %.2f MB/s, files=%d (from cache %d) statements=%d findings=%d"
                    + " heap=%d MB%n", run, run == 1 ? " (warm-up)" : "", seconds, bytes / 1e6 / seconds,
                    result.scannedFiles().size(), result.cachedFiles(), result.statements(), result.findings().size(),
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
