package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script runs with every value the Flyway settings give its placeholders, so it is checked with each. */
class PlaceholderVariantsTest {

    @TempDir
    Path project;

    @Test
    void aValueOnlyAnotherProfileGivesIsCheckedAndNamedInTheFinding() throws IOException {
        write("V2__purge.sql", "DELETE FROM orders WHERE ${purge_filter};\nTRUNCATE ${table};\n");

        List<String> found = lint(Map.of("purge_filter", "created < now()", "table", "orders"),
                Map.of("purge_filter", List.of("1 = 1"), "table", List.of("customers"))).stream()
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();

        assertEquals(List.of("db/V2__purge.sql:1:1 always-true-where DELETE with an always-true WHERE removes every "
                + "row of orders (with ${purge_filter} = 1 = 1, the value other Flyway settings such as a Spring Boot "
                + "profile give it)",
                "db/V2__purge.sql:2:1 truncate-table TRUNCATE removes every row of table orders"), found,
                "the TRUNCATE is reported once, with the value checked first");
    }

    @Test
    void anAcknowledgementOfAFindingOnlyAnotherValueBringsIsUsed() throws IOException {
        write("V2__purge.sql", """
                -- sqlguard:allow always-true-where reason: the demo profile empties its own demo orders
                DELETE FROM orders WHERE ${purge_filter};
                """);

        List<Finding> found = lint(Map.of("purge_filter", "created < now()"),
                Map.of("purge_filter", List.of("1 = 1")));

        assertEquals(1, found.size(), found.toString());
        assertEquals("always-true-where", found.get(0).ruleId());
        assertEquals(true, found.get(0).isAcknowledged());
    }

    @Test
    void eachOtherValueKeepsACacheOfItsOwnSoAnUnchangedScriptIsNotReadAgain() throws IOException {
        write("V2__purge.sql", "DELETE FROM orders WHERE ${purge_filter};\n");
        Path cache = project.resolve("target/sqlguard/analysis-cache.bin");
        Map<String, String> placeholders = Map.of("purge_filter", "created < now()");
        Map<String, List<String>> alternatives = Map.of("purge_filter", List.of("1 = 1"));

        List<Finding> first = run(placeholders, alternatives, cache).findings();
        LintResult second = run(placeholders, alternatives, cache);
        Path variantCache = PlaceholderVariants.variantCache(cache, "purge_filter", "1 = 1");

        assertEquals(1, first.size(), first.toString());
        assertEquals(first, second.findings(), "the same finding, read from the caches");
        assertEquals(true, Files.isRegularFile(variantCache), variantCache.toString());
        assertEquals(1, second.cachedFiles(), "the main run read its cache");
        assertEquals(1, new Linter().runOnce(withValue("1 = 1"), variantCache).cachedFiles(),
                "the other value's run reads its own cache");
    }

    private LintConfig withValue(String value) {
        return config(Map.of("purge_filter", value), Map.of());
    }

    private List<Finding> lint(Map<String, String> placeholders, Map<String, List<String>> alternatives) {
        return run(placeholders, alternatives, null).findings();
    }

    private LintResult run(Map<String, String> placeholders, Map<String, List<String>> alternatives, Path cache) {
        return new Linter().run(config(placeholders, alternatives), cache);
    }

    private LintConfig config(Map<String, String> placeholders, Map<String, List<String>> alternatives) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        FlywayConfig flyway = new FlywayConfig("V", "U", "R", "__", List.of(".sql"), placeholders, "${", "}", null,
                ScriptMode.WARN, List.of(), alternatives);
        return new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(), List.of(),
                null, defaults.maxFileBytes(), 2);
    }

    private void write(String name, String text) throws IOException {
        Path file = project.resolve("db").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
