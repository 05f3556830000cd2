package io.github.sqlguard;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A user's project for whole-run tests: files written under its folder, and runs over its {@code db} folder. */
final class TestProject {

    private TestProject() {
    }

    /** Writes {@code text} (UTF-8) to {@code path} under {@code root}, creating its folders. */
    static Path write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Every default, scanning {@code root/db} in {@code dialect}, with two workers. */
    static LintConfig config(Path root, Dialect dialect) {
        LintConfig defaults = LintConfig.defaults(root, List.of(root.resolve("db")));
        return new LintConfig(root, defaults.directories(), defaults.includes(), List.of(), dialect,
                StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(), List.of(), null,
                defaults.maxFileBytes(), 2);
    }

    /** A run over {@code root/db} with every default in {@code dialect}. */
    static LintResult lint(Path root, Dialect dialect) {
        return new Linter().run(config(root, dialect));
    }

    /** The findings of {@code result} in files whose path ends with {@code fileName}: location, rule and severity, sorted. */
    static List<String> findingsIn(LintResult result, String fileName) {
        return result.findings().stream().filter(f -> f.location().path().endsWith(fileName))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).sorted().toList();
    }

    /** The findings of {@code rule} in {@code result}, in report order: location and message. */
    static List<String> messagesOf(LintResult result, String rule) {
        return result.findings().stream().filter(finding -> finding.ruleId().equals(rule))
                .map(finding -> finding.location() + " " + finding.message()).toList();
    }
}
