package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line each finding points at travels with the result, as read once by the analysis. */
class SourceLinesTest {

    @TempDir
    Path project;

    @Test
    void findingLinesComeFromTheTextTheAnalysisRead() throws IOException {
        write("db/V1__crlf.sql", "\uFEFF-- header\r\nDELETE FROM a;\r\n");
        write("db/changelog.xml", """
                <databaseChangeLog>
                    <changeSet id="1" author="a">
                        <sqlFile path="scripts/purge.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/scripts/purge.sql", "SELECT 1;\n  UPDATE b SET x = 1;\n");

        LintResult result = lint();
        // Files gone after the run: reports still show the lines, because they never read them again.
        Files.delete(project.resolve("db/V1__crlf.sql"));
        Files.delete(project.resolve("db/scripts/purge.sql"));

        List<String> shown = result.findings().stream()
                .map(f -> f.location() + " " + result.sourceLines().get(f.location())).sorted().toList();
        assertEquals(List.of("db/V1__crlf.sql:2:1 DELETE FROM a;", "db/scripts/purge.sql:2:3   UPDATE b SET x = 1;"),
                shown);
        Finding first = result.findings().get(0);
        assertEquals(Map.of(), new LintResult(result.findings(), result.scannedFiles(), 0, 0, List.of(),
                result.rules(), result.elapsed(), Map.of()).sourceLines(), "the older constructor keeps compiling");
        assertEquals("delete-without-where", first.ruleId());
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(), defaults.liquibase(),
                List.of(), null, defaults.maxFileBytes(), 1));
    }
}
