package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scripts as they arrive in a bad week: cut off mid-statement, with bytes flipped, one enormous line, binary
 * junk. The analysis must finish, account for every file, and point every finding at a real line.
 */
class MangledInputTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"AUTO", "POSTGRESQL", "MYSQL", "SQLSERVER", "ORACLE"})
    void truncatedAndCorruptedRealScriptsNeverBreakTheAnalysis(Dialect dialect) throws IOException {
        Path folder = CorpusFiles.folder("real", "flowable-flowable-engine");
        List<Path> sources = CorpusFiles.files(folder, ".sql");
        Random random = new Random(20261124L + dialect.ordinal());
        Path migrations = Files.createDirectories(project.resolve("db"));
        int written = 0;
        for (int i = 0; i < sources.size(); i += 25) {
            String text = Files.readString(sources.get(i), StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                continue;
            }
            String cut = text.substring(0, random.nextInt(text.length()));
            Files.writeString(migrations.resolve("V" + (++written) + "__cut.sql"), cut);
            char[] noisy = text.toCharArray();
            for (int flip = 0; flip < 20; flip++) {
                noisy[random.nextInt(noisy.length)] = "'\"`$;/*-()[]\n\r#".charAt(random.nextInt(15));
            }
            Files.writeString(migrations.resolve("V" + (++written) + "__noisy.sql"), new String(noisy));
        }

        LintResult result = run(dialect);

        assertTrue(written > 20, "too few mangled scripts: " + written);
        List<String> unaccounted = new ArrayList<>();
        for (int n = 1; n <= written; n++) {
            String suffix = n % 2 == 1 ? "__cut.sql" : "__noisy.sql";
            String path = "db/V" + n + suffix;
            boolean reported = result.findings().stream().anyMatch(f -> f.location().path().equals(path));
            if (!result.scannedFiles().contains(path) && !reported) {
                unaccounted.add(path);
            }
        }
        assertTrue(unaccounted.isEmpty(), "files neither analysed nor reported: " + unaccounted);
        assertFindingsPointAtExistingLines(result);
    }

    @Test
    void hugeSingleLineAndBinaryFilesAreHandledQuickly() throws IOException {
        Path migrations = Files.createDirectories(project.resolve("db"));
        StringBuilder line = new StringBuilder();
        while (line.length() < 1_000_000) {
            line.append("UPDATE t SET a = a + 1 WHERE id = ").append(line.length()).append("; ");
        }
        line.append("DELETE FROM t;");
        Files.writeString(migrations.resolve("V1__one_line.sql"), line);
        Files.write(migrations.resolve("V2__binary.sql"), new byte[] {'D', 'E', 'L', 0, 1, 2, (byte) 0xff, 0});
        Files.writeString(migrations.resolve("V3__open_quote.sql"), "DELETE FROM t WHERE name = 'x;\nDROP TABLE t;\n");
        String deep = "(".repeat(20_000) + "1 = 1" + ")".repeat(20_000);
        Files.writeString(migrations.resolve("V4__deep.sql"), "DELETE FROM t WHERE " + deep + ";\nDROP TABLE u;\n");

        LintResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(Dialect.AUTO));

        Map<String, List<String>> rulesByFile = result.findings().stream().collect(Collectors.groupingBy(
                f -> f.location().path(), Collectors.mapping(Finding::ruleId, Collectors.toList())));
        assertTrue(rulesByFile.get("db/V1__one_line.sql").contains("delete-without-where"), rulesByFile.toString());
        assertTrue(rulesByFile.get("db/V2__binary.sql").contains("unreadable-file"), rulesByFile.toString());
        assertTrue(rulesByFile.get("db/V3__open_quote.sql").contains("unterminated-token"), rulesByFile.toString());
        assertFalse(rulesByFile.get("db/V3__open_quote.sql").contains("drop-table"),
                "text swallowed by an open quote is not a statement");
        List<String> deepRules = rulesByFile.get("db/V4__deep.sql");
        assertTrue(deepRules.contains("analysis-failed") || deepRules.contains("always-true-where"),
                "a statement nested 20,000 levels deep is reported, never passed: " + deepRules);
    }

    private LintResult run(Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project));
        return new Linter().run(new LintConfig(project, List.of(project), List.of("**/*.sql"), List.of(), dialect,
                StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(), List.of(), null,
                defaults.maxFileBytes(), 2));
    }

    private void assertFindingsPointAtExistingLines(LintResult result) throws IOException {
        for (Finding finding : result.findings()) {
            Path file = project.resolve(finding.location().path());
            long lines = Files.readString(file, StandardCharsets.ISO_8859_1).lines().count();
            assertTrue(finding.location().line() <= Math.max(1, lines), () -> finding + " is past the end of its file");
        }
    }
}
