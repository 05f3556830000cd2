package io.github.sqlguard;

import static io.github.sqlguard.PropertyTestText.insert;
import static io.github.sqlguard.PropertyTestText.lengthOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.source.ReadResult;
import io.github.sqlguard.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real migrations from the shared corpus, damaged the ways files get damaged (cut mid-token, a stray quote
 * or comment opener, deep nesting, bytes invalid in UTF-8, mixed line ends), go through the whole
 * {@link Linter}: it never throws, never hangs, never gives up on a file ({@code analysis-failed}), and
 * every finding points inside the file. The damage is drawn from a fixed seed, so a failing case can be
 * replayed by its number.
 */
class MangledCorpusPropertyTest {

    private static final Path CORPUS = CorpusFiles.root();
    private static final int MAX_SOURCE_BYTES = 12 * 1024;
    private static final Duration PER_TRY = Duration.ofSeconds(30);
    private static final int TRIES = 30;
    private static final long SEED = 20261130L;

    @BeforeAll
    static void corpusIsThere() {
        CorpusFiles.folder();
    }

    /** One way of damaging a file. */
    enum Damage { CUT, STRAY_OPENER, DEEP_NESTING, INVALID_BYTES, MIXED_LINE_ENDS }

    private static final List<String> OPENERS = List.of("'", "\"", "`", "/*", "--", "$$", "$body$", "[", "q'[",
            "E'\\", "#", "BEGIN ", "DELIMITER $$\n", "/*!50001 ", "${", "\nGO\n", "\n/\n", "N'", "*/", "END;");

    /** Each try: a corpus file, a damage, where it strikes, what it inserts and how deep, and a dialect. */
    static Stream<Arguments> tries() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of(0, CORPUS, Damage.CUT, 0.0, "'", 1, Dialect.AUTO));
        }
        List<Path> files = CorpusFiles.files(CORPUS, ".sql").stream().filter(MangledCorpusPropertyTest::small).toList();
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> Arguments.of(i, files.get(random.nextInt(files.size())),
                Damage.values()[random.nextInt(Damage.values().length)], random.nextDouble(),
                OPENERS.get(random.nextInt(OPENERS.size())), (1 + random.nextInt(40)) * (1 + random.nextInt(50)),
                Dialect.values()[random.nextInt(Dialect.values().length)]));
    }

    @ParameterizedTest(name = "try {0}: {2} of {1} ({6})")
    @MethodSource("tries")
    void damagedMigrationsAreAnalysedWithFindingsInsideTheFile(int attempt, Path source, Damage damage,
            double where, String opener, int depth, Dialect dialect) throws IOException {
        byte[] damaged = damage(Files.readAllBytes(source), damage, where, opener, depth);
        Path project = Files.createTempDirectory("sqlguard-mangled");
        try {
            Path file = project.resolve("db/V1__" + damage.name().toLowerCase() + ".sql");
            Files.createDirectories(file.getParent());
            Files.write(file, damaged);
            LintResult result = assertTimeoutPreemptively(PER_TRY, () -> lint(project, dialect),
                    () -> "analysis of " + source + " after " + damage + " did not end within " + PER_TRY);
            String text = ((ReadResult.Text) SourceReader.read(file, StandardCharsets.UTF_8)).text();
            LineIndex lines = new LineIndex(text);
            for (Finding finding : result.findings()) {
                String where0 = source + " after " + damage + " (" + dialect + "): " + finding;
                assertTrue(!finding.ruleId().equals("analysis-failed"), where0);
                assertEquals("db/" + file.getFileName(), finding.location().path(), where0);
                int line = finding.location().line();
                assertTrue(line >= 1 && line <= lines.lineCount(), where0 + " lies past line " + lines.lineCount());
                int column = finding.location().column();
                assertTrue(column >= 1 && column <= lengthOf(text, lines, line) + 1,
                        where0 + " lies past the end of line " + line);
            }
        } finally {
            deleteTree(project);
        }
    }

    private static byte[] damage(byte[] bytes, Damage damage, double where, String opener, int depth) {
        int at = (int) Math.floor(where * bytes.length);
        return switch (damage) {
            case CUT -> Arrays.copyOf(bytes, at);
            case STRAY_OPENER -> insert(bytes, at, opener.getBytes(StandardCharsets.UTF_8));
            case DEEP_NESTING -> insert(bytes, at, ("SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth / 2)
                    + " /* ".repeat(Math.min(depth, 200)) + "BEGIN ".repeat(Math.min(depth, 200)) + ";\n")
                    .getBytes(StandardCharsets.UTF_8));
            case INVALID_BYTES -> insert(bytes, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2,
                    (byte) 0x82});
            case MIXED_LINE_ENDS -> mixLineEnds(bytes, at);
        };
    }

    /** Every LF from {@code at} on becomes CRLF or a lone CR, alternating with LF kept. */
    private static byte[] mixLineEnds(byte[] bytes, int at) {
        List<Byte> out = new ArrayList<>(bytes.length + 64);
        int lineFeeds = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (i >= at && bytes[i] == '\n') {
                switch (lineFeeds++ % 3) {
                    case 0 -> out.add((byte) '\r');
                    case 1 -> {
                        out.add((byte) '\r');
                        out.add((byte) '\n');
                    }
                    default -> out.add((byte) '\n');
                }
                continue;
            }
            out.add(bytes[i]);
        }
        byte[] result = new byte[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }

    private static LintResult lint(Path project, Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 1));
    }

    private static boolean small(Path file) {
        try {
            return Files.size(file) <= MAX_SOURCE_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
