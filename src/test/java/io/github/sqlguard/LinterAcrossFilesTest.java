package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.suppress.Baseline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Positions, messages and files as a whole run sees them: columns, placeholders, links, stale entries. */
class LinterAcrossFilesTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {"SELECT '\uD83D\uDE00' AS x; ", "SELECT 1; /* \uD83D\uDE00 */ ", "SELECT \uD83D\uDE00; ",
        "SELECT \"\uD83D\uDE00\" FROM t; ", "SELECT $$\uD83D\uDE00$$; ", "-- \uD83D\uDE00\n\uD83D\uDE00; "})
    void columnsCountUtf16CodeUnitsAfterACharacterOutsideTheBmp(String before) throws IOException {
        // The emoji is one code point and two UTF-16 code units; SARIF declares utf16CodeUnits.
        write("db/V1__x.sql", before + "DELETE FROM t;\n");

        Finding delete = only(lint(flyway(Map.of(), null)), "delete-without-where");

        String lastLine = before.substring(before.lastIndexOf('\n') + 1);
        assertEquals(lastLine.length() + 1, delete.location().column());
    }

    @Test
    void anAcknowledgementOfAStatementOnAScratchTableSaysWhyItMatchedNothing() throws IOException {
        write("db/V1__x.sql", "CREATE TABLE price_cache (id int);\n"
                + "-- sqlguard:allow delete-without-where reason: rebuilt on start-up\n"
                + "DELETE FROM price_cache;\n"
                + "-- sqlguard:allow drop-table reason: nobody reads it\n"
                + "DROP TABLE orders;\n"
                + "-- sqlguard:allow truncate-table reason: emptied on purpose\n"
                + "UPDATE orders SET x = 1 WHERE id = 2;\n");

        List<Finding> unused = lint(flyway(Map.of(), null)).findings().stream()
                .filter(f -> f.ruleId().equals("unused-suppression")).toList();

        // The DROP is acknowledged; the allow before the DELETE on the table the script created matched nothing
        // and says why; the one before the UPDATE matched nothing for the ordinary reason.
        assertEquals(List.of(2, 6), unused.stream().map(f -> f.location().line()).toList(), unused.toString());
        assertTrue(unused.get(0).message().contains("changes only a table this script created itself"),
                unused.get(0).message());
        assertFalse(unused.get(1).message().contains("created itself"), unused.get(1).message());
    }

    @Test
    void columnsOfChangelogElementsCountUtf16CodeUnitsToo() throws IOException {
        String line = "    <!-- \uD83D\uDE00\uD83D\uDE00 --> <delete tableName=\"t\"/>";
        write("db/changelog.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + "  <changeSet id=\"1\" author=\"a\">\n" + line + "\n  </changeSet>\n</databaseChangeLog>\n");

        Finding delete = only(lint(flyway(Map.of(), null)), "delete-without-where");

        assertEquals(4, delete.location().line());
        assertEquals(line.indexOf("<delete") + 1, delete.location().column());
    }

    @Test
    void columnsInYamlChangelogsCountUtf16CodeUnits() throws IOException {
        String line = "      - sql: {comment: \"\uD83D\uDE00\", sql: \"DELETE FROM t\"}";
        write("db/changelog.yaml", "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n"
                + "      changes:\n" + line + "\n");

        Finding delete = only(lint(flyway(Map.of(), null)), "delete-without-where");

        assertEquals(6, delete.location().line());
        assertEquals(line.indexOf("DELETE") + 1, delete.location().column());
    }

    @Test
    void flywayPlaceholdersAreResolvedInMessagesButNotInBaselineFingerprints() throws IOException {
        write("db/V1__x.sql", "DELETE FROM ${archiveTable};\n");

        LintResult result = lint(flyway(Map.of("archiveTable", "orders_archive"), null));

        Finding delete = only(result, "delete-without-where");
        assertTrue(delete.message().contains("orders_archive"), delete.message());
        assertFalse(delete.message().contains("${"), delete.message());
        assertTrue(result.statementSql().get(delete.location()).contains("${archiveTable}"),
                "fingerprints use the statement as written");
    }

    @Test
    void aLinkToAScriptIsAMigrationOfItsOwn() throws IOException {
        write("db/V1__x.sql", "DELETE FROM t;\n");
        Files.createSymbolicLink(project.resolve("db/V2__link.sql"), project.resolve("db/V1__x.sql"));

        LintResult result = lint(flyway(Map.of(), null));

        assertEquals(List.of("db/V1__x.sql", "db/V2__link.sql"), result.findings().stream()
                .map(f -> f.location().path()).toList());
    }

    @Test
    void baselineEntriesOfScriptsSinceVersionLeftOutAreNotStale() throws IOException {
        write("db/V1__a.sql", "DELETE FROM a;\n");
        write("db/V2__b.sql", "DELETE FROM b;\n");
        write("db/V3__c.sql", "DELETE FROM c;\n");
        write("db/V4__d.sql", "SELECT 1;\n");
        LintResult all = lint(flyway(Map.of(), null));
        Path baselineFile = project.resolve("sqlguard-baseline.json");
        Baseline.of(all.findings(), f -> all.statementSql().get(f.location())).write(baselineFile);
        // The statement baselined in V3 is fixed: its entry is stale, those of V1 and V2 were not compared.
        write("db/V3__c.sql", "DELETE FROM c WHERE id = 1;\n");

        LintResult since = lint(flyway(Map.of(), "2"), baselineFile);

        List<Finding> stale = since.findings().stream().filter(f -> f.ruleId().equals("stale-baseline-entry"))
                .toList();
        assertEquals(1, stale.size(), stale.toString());
        assertTrue(stale.get(0).message().contains("db/V3__c.sql"), stale.get(0).message());
        assertEquals(2, since.alreadyApplied());
    }

    private static Finding only(LintResult result, String rule) {
        List<Finding> found = result.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, found.size(), result.findings().toString());
        return found.get(0);
    }

    private static FlywayConfig flyway(Map<String, String> placeholders, String sinceVersion) {
        return new FlywayConfig("V", "U", "R", "__", List.of(".sql"), placeholders, "${", "}", sinceVersion,
                ScriptMode.WARN);
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint(FlywayConfig flyway) {
        return lint(flyway, null);
    }

    private LintResult lint(FlywayConfig flyway, Path baselineFile) {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), flyway, defaults.liquibase(), List.of(),
                baselineFile, defaults.maxFileBytes(), 2));
    }
}
