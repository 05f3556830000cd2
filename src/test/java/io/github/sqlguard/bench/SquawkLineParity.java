package io.github.sqlguard.bench;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.Linter;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures how many of squawk's {@code ban-drop-table}, {@code ban-drop-column} and {@code ban-drop-database}
 * findings sqlguard also reports, with the rule of the same kind, on the same line of the same file. The files
 * are the PostgreSQL migrations of the real corpus: every {@code .sql} file of {@code LemmyNet-lemmy} and every
 * one whose path names {@code postgres}. squawk (npm {@code squawk-cli}) must be on the PATH.
 * Run: {@code java -cp target/classes:target/test-classes:<dependencies>
 * io.github.sqlguard.bench.SquawkLineParity ../shared/corpus/real [unmatched.txt]}.
 */
public final class SquawkLineParity {

    private static final Map<String, String> SAME_KIND = Map.of("ban-drop-table", "drop-table",
            "ban-drop-column", "drop-column", "ban-drop-database", "drop-database");
    private static final Pattern GCC_LINE = Pattern.compile("^(.+\\.sql):(\\d+):\\d+: \\w+: (ban-drop-\\w+) .*$");

    private SquawkLineParity() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path real = Path.of(args.length > 0 ? args[0] : "../shared/corpus/real").toAbsolutePath().normalize();
        List<String> files = postgresMigrations(real);
        List<String> squawk = squawkFindings(real, files);
        Set<String> ours = new HashSet<>();
        for (Finding finding : sqlguardFindings(real).findings()) {
            ours.add(finding.location().path() + ":" + finding.location().line() + " " + finding.ruleId());
        }
        Map<String, int[]> byRule = new TreeMap<>();
        List<String> unmatched = new ArrayList<>();
        for (String reported : squawk) {
            Matcher match = GCC_LINE.matcher(reported);
            if (!match.matches() || !SAME_KIND.containsKey(match.group(3))) {
                continue;
            }
            // squawk 2.66's gcc reporter counts lines from 0; sqlguard, like editors, from 1.
            int line = Integer.parseInt(match.group(2)) + 1;
            String key = match.group(1) + ":" + line + " " + SAME_KIND.get(match.group(3));
            int[] counts = byRule.computeIfAbsent(match.group(3), rule -> new int[2]);
            counts[0]++;
            if (ours.contains(key)) {
                counts[1]++;
            } else {
                unmatched.add(key);
            }
        }
        int total = 0;
        int matched = 0;
        System.out.printf("%d PostgreSQL migrations%n", files.size());
        for (Map.Entry<String, int[]> entry : byRule.entrySet()) {
            int[] counts = entry.getValue();
            total += counts[0];
            matched += counts[1];
            System.out.printf("%-18s squawk %4d  same kind on the same line %4d  (%.1f%%)%n", entry.getKey(),
                    counts[0], counts[1], 100.0 * counts[1] / counts[0]);
        }
        System.out.printf("%-18s squawk %4d  same kind on the same line %4d  (%.1f%%)%n", "all", total, matched,
                total == 0 ? 0.0 : 100.0 * matched / total);
        if (args.length > 1) {
            Files.write(Path.of(args[1]), unmatched);
        }
    }

    private static List<String> postgresMigrations(Path real) throws IOException {
        try (Stream<Path> walk = Files.walk(real)) {
            return walk.filter(Files::isRegularFile)
                    .map(path -> real.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> path.endsWith(".sql"))
                    .filter(path -> path.startsWith("LemmyNet-lemmy/") || path.contains("postgres"))
                    .sorted().toList();
        }
    }

    /** squawk's findings in its gcc format ({@code path:line:column: level: rule message}, lines from 0). */
    private static List<String> squawkFindings(Path real, List<String> files) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (int from = 0; from < files.size(); from += 200) {
            List<String> command = new ArrayList<>(List.of("squawk", "--reporter", "gcc"));
            command.addAll(files.subList(from, Math.min(files.size(), from + 200)));
            Process process = new ProcessBuilder(command).directory(real.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            lines.addAll(output.lines().toList());
        }
        return lines;
    }

    private static LintResult sqlguardFindings(Path real) {
        LintConfig defaults = LintConfig.defaults(real, List.of(real));
        LintConfig config = new LintConfig(real, List.of(real), defaults.includes(), List.of(), Dialect.POSTGRESQL,
                defaults.encoding(), defaults.ruleLevels(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), defaults.threads());
        return new Linter().run(config);
    }
}
