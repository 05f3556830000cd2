package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.CorpusFiles;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.rules.Rule;
import io.github.sqlguard.rules.RuleRegistry;
import io.github.sqlguard.rules.Violation;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.StatementSplitter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs the analysis and every rule over each .sql file of the real migrations in the shared corpus (AUTO
 * dialect) and prints how many statements passed the pre-check, parsed, or were left to the tokens, and
 * the time it took. Skipped when the corpus is absent.
 */
class RealMigrationsSweepTest {

    /** Counters for one corpus folder. */
    private static final class Tally {
        int files;
        int statements;
        int prechecked;
        int parsed;
        int unparsed;
        long nanos;
        final Map<String, Integer> findings = new TreeMap<>();

        void add(Tally other) {
            files += other.files;
            statements += other.statements;
            prechecked += other.prechecked;
            parsed += other.parsed;
            unparsed += other.unparsed;
            nanos += other.nanos;
            other.findings.forEach((id, count) -> findings.merge(id, count, Integer::sum));
        }

        String line(String name) {
            return String.format("%-26s files %5d  statements %6d  asked the parser %5d  parsed %5d  unparsed %4d"
                    + "  analysis+rules %6d ms  findings %s", name, files, statements, prechecked, parsed, unparsed,
                    nanos / 1_000_000, findings);
        }
    }

    @Test
    void everyStatementOfTheRealMigrationsIsAnalysedWithoutError() throws IOException {
        Path real = CorpusFiles.folder("real");
        ScriptAnalysis analysis = new ScriptAnalysis(new StatementReader(new StatementAnalyzer()));
        StatementSplitter splitter = new StatementSplitter(Dialect.AUTO, Placeholders.DEFAULT);
        Map<String, Tally> byFolder = new TreeMap<>();
        Map<String, Integer> unparsedReasons = new TreeMap<>();
        TreeMap<Long, String> slowest = new TreeMap<>();
        Map<String, List<String>> samples = new TreeMap<>();
        List<Path> files = CorpusFiles.files(real, ".sql");
        for (Path file : files) {
            String folder = real.relativize(file).getName(0).toString();
            Tally tally = byFolder.computeIfAbsent(folder, f -> new Tally());
            Script script = splitter.split(file.toString(), read(file));
            long started = System.nanoTime();
            List<StatementModel> models = analysis.models(script);
            for (StatementModel model : models) {
                tally.statements++;
                switch (model.parse().state()) {
                    case PARSED -> {
                        tally.prechecked++;
                        tally.parsed++;
                    }
                    case UNPARSED -> {
                        tally.prechecked++;
                        tally.unparsed++;
                        unparsedReasons.merge(model.parse().message().replaceAll(" at line.*", ""), 1,
                                Integer::sum);
                    }
                    case NOT_NEEDED -> {
                    }
                }
                for (Rule rule : RuleRegistry.all()) {
                    List<Violation> violations = rule.check(model);
                    int count = violations.size();
                    if (count > 0) {
                        List<String> ruleSamples = samples.computeIfAbsent(rule.info().id(), id -> new ArrayList<>());
                        if (ruleSamples.size() < 4) {
                            ruleSamples.add(real.relativize(file) + ":" + violations.get(0).at().line() + " "
                                    + violations.get(0).message() + " | " + model.statement().firstLine());
                        }
                        tally.findings.merge(rule.info().id(), count, Integer::sum);
                    }
                }
            }
            long nanos = System.nanoTime() - started;
            slowest.put(nanos, file.getFileName().toString());
            if (slowest.size() > 5) {
                slowest.pollFirstEntry();
            }
            tally.nanos += System.nanoTime() - started;
            tally.files++;
        }
        Tally total = new Tally();
        byFolder.forEach((folder, tally) -> {
            System.out.println(tally.line(folder));
            total.add(tally);
        });
        System.out.println(total.line("TOTAL (AUTO dialect)"));
        unparsedReasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(reason -> System.out.println("  unparsed " + reason.getValue() + "x: " + reason.getKey()));
        samples.forEach((id, lines) -> lines.forEach(line -> System.out.println("  " + id + ": " + line)));
        slowest.descendingMap().forEach((nanos, where) ->
                System.out.println("  slow " + nanos / 1_000_000 + " ms: " + where));
        assertEquals(files.size(), total.files);
        assertEquals(total.prechecked, total.parsed + total.unparsed);
        assertTrue(total.statements > 0);
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
