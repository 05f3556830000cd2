package io.github.sqlguard;

import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A run of the analysis for every value the Flyway settings give a placeholder. A Spring Boot profile (or a second
 * Flyway configuration file) may give {@code ${purge_filter}} the value {@code 1 = 1} where the default settings
 * give a real condition: the scripts run with each value somewhere, so each is checked, and a finding that only
 * another value brings says which value that is.
 */
final class PlaceholderVariants {

    private static final String UNUSED_SUPPRESSION = "unused-suppression";

    /**
     * Each other value is a whole analysis (with a cache of its own, so an unchanged script is read again only for
     * a new value); a handful keeps a first build's time in bounds.
     */
    static final int MOST_VARIANTS = 8;

    private PlaceholderVariants() {
    }

    /**
     * The findings of {@code linter}'s run with the first value of every placeholder, and those that only another
     * value of one placeholder brings.
     *
     * @throws IllegalArgumentException as {@link Linter#run(LintConfig)}
     */
    static LintResult run(Linter linter, LintConfig config, Path cacheFile) {
        LintResult main = linter.runOnce(config, cacheFile);
        FlywayConfig flyway = config.flyway();
        if (flyway.placeholderAlternatives().isEmpty()) {
            return main;
        }
        Set<String> seen = new HashSet<>();
        for (Finding finding : main.findings()) {
            seen.add(key(finding));
        }
        List<Finding> added = new ArrayList<>();
        Set<Location> unusedEverywhere = unusedSuppressions(main);
        Map<Location, String> statementSql = new HashMap<>(main.statementSql());
        Map<Location, String> sourceLines = new HashMap<>(main.sourceLines());
        List<Map.Entry<String, String>> variants = new ArrayList<>();
        flyway.placeholderAlternatives().forEach((name, values) -> values.forEach(value -> variants.add(
                Map.entry(name, value))));
        for (Map.Entry<String, String> placeholder : variants.subList(0, Math.min(variants.size(), MOST_VARIANTS))) {
            LintResult variant = new Linter().runOnce(withPlaceholder(config, placeholder.getKey(), placeholder.getValue()),
                    variantCache(cacheFile, placeholder.getKey(), placeholder.getValue()));
            unusedEverywhere.retainAll(unusedSuppressions(variant));
            String written = flyway.placeholderPrefix() + placeholder.getKey() + flyway.placeholderSuffix();
            for (Finding finding : variant.findings()) {
                if (!finding.ruleId().equals(UNUSED_SUPPRESSION) && seen.add(key(finding))) {
                    added.add(finding.withMessage(finding.message() + " (with " + written + " = "
                            + placeholder.getValue() + ", the value other Flyway settings such as a Spring Boot "
                            + "profile give it)"));
                    statementSql.putIfAbsent(finding.location(), variant.statementSql().get(finding.location()));
                    sourceLines.putIfAbsent(finding.location(), variant.sourceLines().get(finding.location()));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : main.findings()) {
            // An acknowledgement that only a finding of another value uses is used all the same.
            if (!finding.ruleId().equals(UNUSED_SUPPRESSION) || unusedEverywhere.contains(finding.location())) {
                findings.add(finding);
            }
        }
        findings.addAll(added);
        findings.sort(null);
        statementSql.values().removeIf(Objects::isNull);
        sourceLines.values().removeIf(Objects::isNull);
        return new LintResult(findings, main.scannedFiles(), main.statements(), main.alreadyApplied(), main.notes(),
                main.rules(), main.elapsed(), statementSql, sourceLines, main.cachedFiles(), main.parsedStatements());
    }

    /**
     * The cache of the run with one other value, in a folder of its own beside the main cache (its scan snapshot
     * too), or null without a cache. Its name only has to keep values apart: the cache checks the settings it was
     * written with, the placeholders among them, before it is trusted.
     */
    static Path variantCache(Path cacheFile, String name, String value) {
        return cacheFile == null ? null : cacheFile.resolveSibling("placeholder-variants")
                .resolve(Integer.toHexString((name + '=' + value).hashCode())).resolve(cacheFile.getFileName());
    }

    private static String key(Finding finding) {
        return finding.ruleId() + "@" + finding.location();
    }

    private static Set<Location> unusedSuppressions(LintResult result) {
        Set<Location> unused = new HashSet<>();
        for (Finding finding : result.findings()) {
            if (finding.ruleId().equals(UNUSED_SUPPRESSION)) {
                unused.add(finding.location());
            }
        }
        return unused;
    }

    private static LintConfig withPlaceholder(LintConfig config, String name, String value) {
        return new LintConfig(config.baseDir(), config.directories(), config.includes(), config.excludes(),
                config.dialect(), config.encoding(), config.ruleLevels(), config.disabledRules(),
                config.flyway().withPlaceholder(name, value), config.liquibase(), config.suppressions(),
                config.baselineFile(), config.maxFileBytes(), config.threads(), config.projectDialect());
    }
}
