package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the whole analysis over real SQL nobody on the team wrote: every file must be processed without an
 * exception, and every SQL file must be accounted for (analysed, or reported as a finding).
 */
class CorpusSweepTest {

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        corpus = CorpusFiles.folder();
    }

    static Stream<Arguments> folders() {
        return Stream.of(
                Arguments.of("sqlfluff/ansi", Dialect.AUTO),
                Arguments.of("sqlfluff/postgres", Dialect.POSTGRESQL),
                Arguments.of("sqlfluff/mysql", Dialect.MYSQL),
                Arguments.of("sqlfluff/mariadb", Dialect.MARIADB),
                Arguments.of("sqlfluff/tsql", Dialect.SQLSERVER),
                Arguments.of("sqlfluff/oracle", Dialect.ORACLE),
                Arguments.of("sqlfluff/sqlite", Dialect.SQLITE),
                Arguments.of("sqlfluff/db2", Dialect.AUTO),
                Arguments.of("real/ory-kratos", Dialect.AUTO),
                Arguments.of("real/LemmyNet-lemmy", Dialect.POSTGRESQL),
                Arguments.of("real/DSpace-DSpace", Dialect.AUTO),
                Arguments.of("real/apache-fineract", Dialect.AUTO),
                Arguments.of("real/flowable-flowable-engine", Dialect.AUTO),
                Arguments.of("real/liquibase-liquibase", Dialect.AUTO));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("folders")
    void everyFileIsProcessedAndEveryUnparsedStatementIsReported(String folder, Dialect dialect) throws IOException {
        Path directory = CorpusFiles.folder(folder);
        LintConfig config = CorpusFiles.config(folder, dialect);

        LintResult result = new Linter().run(config);

        Set<String> accounted = result.findings().stream().map(f -> f.location().path()).collect(Collectors.toSet());
        accounted.addAll(result.scannedFiles());
        List<String> sqlFiles = CorpusFiles.files(directory, ".sql").stream()
                .map(p -> corpus.relativize(p).toString().replace('\\', '/')).toList();
        List<String> missing = sqlFiles.stream().filter(f -> !accounted.contains(f))
                .toList();
        assertTrue(missing.isEmpty(), "SQL files neither analysed nor reported: " + missing);
        assertTrue(result.statements() > 0, "no statements found in " + folder);

        Map<String, Long> byRule = new TreeMap<>(result.findings().stream()
                .collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting())));
        System.out.printf("corpus %-32s files=%5d statements=%6d unparsed=%5d seconds=%.2f findings=%s%n", folder,
                result.scannedFiles().size(), result.statements(), byRule.getOrDefault("unparsed-statement", 0L),
                result.elapsed().toMillis() / 1000.0, byRule);
        // A file whose analysis threw is a defect of sqlguard, however clearly the finding says so.
        assertEquals(List.of(), result.findings().stream().filter(f -> f.ruleId().equals("analysis-failed"))
                .map(f -> f.location().path() + ": " + f.message()).toList(), "analyses that failed");
        String prefix = folder + "/";
        assertEquals(List.of(), result.findings().stream().map(f -> f.location().path())
                .filter(path -> !path.startsWith(prefix)).distinct().toList(), "findings outside the swept folder");
    }
}
