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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Firebird renames a column with {@code ALTER TABLE t ALTER [COLUMN] c TO d} and moves it with {@code ALTER [COLUMN] c
 * POSITION n}; neither changes its type. Read as a type change, the rename was reported as a retype to the type "TO d"
 * instead of a rename, and the replay lost the column's values under their new name.
 */
class LinterFirebirdAlterColumnTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE users ALTER COLUMN stored_key TO skey | 1:19 rename-column WARNING ALTER TABLE users renames column stored_key to skey
            ALTER TABLE users ALTER stored_key TO skey | 1:19 rename-column WARNING ALTER TABLE users renames column stored_key to skey
            ALTER TABLE users ALTER COLUMN stored_key POSITION 1 | -
            ALTER TABLE users ALTER name POSITION 3 | -
            ALTER TABLE users ALTER stored_key TO skey; ALTER TABLE users ALTER skey TYPE VARCHAR(10) | 1:19 rename-column WARNING ALTER TABLE users renames column stored_key to skey ## 2:19 alter-column-type WARNING ALTER TABLE users changes the type of column skey from VARCHAR(32) to VARCHAR(10) (shorter: 32 to 10 characters)
            ALTER TABLE users ALTER name TYPE VARCHAR(10) | 1:19 alter-column-type WARNING ALTER TABLE users changes the type of column name from VARCHAR(100) to VARCHAR(10) (shorter: 100 to 10 characters)
            """)
    void renameAndMoveAreNoTypeChange(String change, String expected) throws IOException {
        Path init = project.resolve("firebird/V1__init.sql");
        Files.createDirectories(init.getParent());
        Files.writeString(init, "CREATE TABLE users (username VARCHAR(64) NOT NULL, stored_key VARCHAR(32),"
                + " name VARCHAR(100));\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("firebird/V2__change.sql"), change.replace("; ", ";\n") + ";\n",
                StandardCharsets.UTF_8);

        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("firebird")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.AUTO, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));

        List<String> hits = result.findings().stream().filter(LinterFirebirdAlterColumnTest::isOfTheChange)
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.severity()
                        + " " + f.message())
                .toList();
        assertEquals(expected, hits.isEmpty() ? "-" : String.join(" ## ", hits));
    }

    private static boolean isOfTheChange(Finding finding) {
        return finding.location().path().endsWith("V2__change.sql");
    }
}
