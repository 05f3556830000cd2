package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Firebird's {@code EXECUTE STATEMENT} runs the text it is given, as Oracle's {@code EXECUTE IMMEDIATE} does: the
 * statements in the text are judged as dynamic SQL, at their place in the literal, not as text handed to a routine
 * called STATEMENT that may or may not run it. The options after the text (WITH, AS USER, ON EXTERNAL, INTO) and
 * the parenthesised form with parameters are not part of it.
 */
class LinterFirebirdExecuteStatementTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            EXECUTE STATEMENT 'DELETE FROM users'; | 3:26 delete-without-where DELETE without WHERE removes every row of users (inside dynamic SQL)
            EXECUTE STATEMENT 'UPDATE users SET name = NULL' WITH AUTONOMOUS TRANSACTION; | 3:26 update-without-where UPDATE without WHERE changes every row of users (inside dynamic SQL)
            EXECUTE STATEMENT ('DELETE FROM users') (:id) INTO :n; | 3:27 delete-without-where DELETE without WHERE removes every row of users (inside dynamic SQL)
            EXECUTE STATEMENT ('DELETE FROM users WHERE username = ?') (:id); | -
            """)
    void textRunByExecuteStatementIsDynamicSql(String run, String expected) throws IOException {
        Path init = project.resolve("firebird/V1__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE users (username VARCHAR(64) NOT NULL, name VARCHAR(100));\n",
                StandardCharsets.UTF_8);
        Files.writeString(project.resolve("firebird/V2__purge.sql"), "SET TERM ^ ;\nEXECUTE BLOCK AS\nBEGIN "
                + run + "\nEND^\nSET TERM ; ^\n", StandardCharsets.UTF_8);

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("firebird")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));

        List<String> hits = result.findings().stream()
                .filter(f -> f.location().path().endsWith("V2__purge.sql"))
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.message())
                .toList();
        assertEquals(expected, hits.isEmpty() ? "-" : String.join(" ## ", hits));
    }
}
