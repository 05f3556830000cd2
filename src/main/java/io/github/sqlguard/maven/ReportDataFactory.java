package io.github.sqlguard.maven;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.LintResult;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.report.ReportData;
import io.github.sqlguard.report.RuleDescription;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Turns a lint result into what the report writers need, including access to the offending source lines. */
final class ReportDataFactory {

    private ReportDataFactory() {
    }

    static ReportData of(LintResult result, LintConfig config, Severity failOn, String version) {
        List<RuleDescription> rules = result.rules().stream()
                .map(i -> new RuleDescription(i.id(), i.defaultSeverity(), i.title(), i.rationale(), i.hint()))
                .toList();
        return new ReportData(result.findings(), rules, result.scannedFiles(), result.statements(),
                result.elapsed(), version, failOn, sourceLines(config.baseDir(), config.encoding()), result.notes(),
                result.parsedStatements());
    }

    /** Reads a file's lines once, on first use, for the caret under each finding. */
    private static Function<Location, Optional<String>> sourceLines(Path baseDir, Charset charset) {
        Map<String, List<String>> cache = new ConcurrentHashMap<>();
        return location -> {
            List<String> lines = cache.computeIfAbsent(location.path(), path -> readLines(baseDir.resolve(path),
                    charset));
            int index = location.line() - 1;
            return index < lines.size() ? Optional.of(lines.get(index)) : Optional.empty();
        };
    }

    private static List<String> readLines(Path file, Charset charset) {
        try {
            String text = new String(Files.readAllBytes(file), charset);
            return text.lines().toList();
        } catch (IOException | RuntimeException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().toList();
            } catch (IOException | RuntimeException unreadable) {
                return List.of();
            }
        }
    }
}
