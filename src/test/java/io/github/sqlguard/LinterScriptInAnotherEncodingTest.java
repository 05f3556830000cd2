package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A UTF-8 script checked with the encoding set to UTF-16 decodes into CJK-looking characters without an error; it
 * fails the build as unreadable in that encoding instead of passing with no statement read.
 */
class LinterScriptInAnotherEncodingTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE"})
    void aUtf8ScriptReadAsWideTextIsAnUnreadableFileError(String encoding) throws IOException {
        TestProject.write(project, "db/V1__purge.sql", "DELETE FROM customers;\n\n");
        TestProject.write(project, "db/V2__keep.sql", "SELECT 1;\n\n");
        LintConfig defaults = TestProject.config(project, Dialect.POSTGRESQL);
        LintConfig config = new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, Charset.forName(encoding), Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1);

        List<String> found = new Linter().run(config).findings().stream().map(f -> f.location().path() + ":"
                + f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity() + " "
                + f.message().substring(0, f.message().indexOf(','))).toList();

        assertEquals(List.of("db/V1__purge.sql:1:1 unreadable-file ERROR read in " + encoding,
                "db/V2__keep.sql:1:1 unreadable-file ERROR read in " + encoding), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void aScriptWrittenInTheConfiguredWideEncodingIsStillChecked(String encoding) throws IOException {
        Path file = project.resolve("db/V1__purge.sql");
        Files.createDirectories(file.getParent());
        Files.write(file, "DELETE FROM customers;\n".getBytes(Charset.forName(encoding)));
        LintConfig defaults = TestProject.config(project, Dialect.POSTGRESQL);
        LintConfig config = new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, Charset.forName(encoding), Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1);

        assertEquals(List.of("1:1 delete-without-where"), new Linter().run(config).findings().stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()).toList());
    }
}
