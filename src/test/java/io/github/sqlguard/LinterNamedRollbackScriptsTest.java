package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-run upgrade steps often keep the script that reverses each step beside it, named for the same step with a
 * last word that says so ({@code 1.1_to_1.2_upgrade.sql} and {@code 1.1_to_1.2_rollback.sql}). Such a script runs
 * only when its step is rolled back: it is judged against the schema just after its step, its findings are those of
 * a down script, and the steps after it never see what it did.
 */
class LinterNamedRollbackScriptsTest {

    private static final String DOWN = " (down migration, which runs only when its up migration is rolled back)";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} reverses {1}")
    @CsvSource(delimiter = '|', textBlock = """
            _down      | _up
            _rollback  | _upgrade
            -rollback  | -upgrade
            _downgrade | _upgrade
            _revert    | _migrate
            _undo      | ''
            .rollback  | ''
            _Rollback  | _Upgrade
            """)
    void aStepsRollbackScriptIsJudgedAfterItsStepAndHidesNothingFromTheStepsAfterIt(String reversing, String forward)
            throws IOException {
        write("1.0_to_1.1" + forward + ".sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));\n");
        write("1.0_to_1.1" + reversing + ".sql", "DROP TABLE notes;\n");
        write("1.1_to_1.2" + forward + ".sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(200);\n");
        write("1.1_to_1.2" + reversing + ".sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(100);\n");
        write("1.2_to_1.3" + forward + ".sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(150);\n");
        write("1.2_to_1.3" + reversing + ".sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(40);\n");

        assertEquals(sorted(List.of(
                // The table its step created: the note names that step's script as the one it reverses.
                "1.0_to_1.1" + reversing + ".sql:1 drop-table INFO DROP TABLE removes table notes and all its rows"
                        + " (guarded: table notes was created by its up script at 1.0_to_1.1" + forward + ".sql:1,"
                        + " so rolling back loses only the rows written since)" + DOWN,
                "1.1_to_1.2" + reversing + ".sql:1 alter-column-type WARNING ALTER TABLE notes changes the type of"
                        + " column body from VARCHAR(200) to VARCHAR(100) (shorter: 200 to 100 characters)" + DOWN,
                "1.2_to_1.3" + forward + ".sql:1 alter-column-type WARNING ALTER TABLE notes changes the type of column"
                        + " body from VARCHAR(200) to VARCHAR(150) (shorter: 200 to 150 characters)",
                "1.2_to_1.3" + reversing + ".sql:1 alter-column-type WARNING ALTER TABLE notes changes the type of"
                        + " column body from VARCHAR(150) to VARCHAR(40) (shorter: 150 to 40 characters)" + DOWN)),
                findings());
    }

    @Test
    void aRollbackScriptWithoutItsStepIsStillADownScriptAndChangesNothingLaterStepsSee() throws IOException {
        write("1.0_to_1.1_upgrade.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));\n");
        write("1.1_to_1.2_rollback.sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(300);\n");
        write("1.2_to_1.3_upgrade.sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(50);\n");

        assertEquals(List.of(
                "1.1_to_1.2_rollback.sql:1 alter-column-type WARNING ALTER TABLE notes changes the type of column body"
                        + " to VARCHAR(300) (its type before is not known: no up script for this down script was"
                        + " found to replay it after)" + DOWN,
                "1.2_to_1.3_upgrade.sql:1 alter-column-type WARNING ALTER TABLE notes changes the type of column body"
                        + " from VARCHAR(100) to VARCHAR(50) (shorter: 100 to 50 characters)"),
                findings());
    }

    @Test
    void aLastWordThatOnlyContainsAReversingWordNamesAnOrdinaryStep() throws IOException {
        write("1.0_to_1.1_upgrade.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));\n");
        write("1.1_to_1.2_undone_items.sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(300);\n");
        write("1.2_to_1.3_upgrade.sql", "ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(200);\n");

        assertEquals(List.of("1.2_to_1.3_upgrade.sql:1 alter-column-type WARNING ALTER TABLE notes changes the type of"
                + " column body from VARCHAR(300) to VARCHAR(200) (shorter: 300 to 200 characters)"), findings());
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve("db/sql").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<String> findings() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream()
                .map(f -> f.location().path().substring("db/sql/".length()) + ":" + f.location().line() + " "
                        + f.ruleId() + " " + f.severity() + " " + f.message())
                .sorted().toList();
    }
}
