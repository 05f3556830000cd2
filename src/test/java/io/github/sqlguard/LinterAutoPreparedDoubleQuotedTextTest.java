package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A MySQL script read in auto that prepares a statement from a variable it built of double-quoted texts ({@code SET
 * @s = (SELECT IF(COUNT(*) > 0, "SELECT 1", "ALTER TABLE ..") FROM INFORMATION_SCHEMA.COLUMNS ..); PREPARE st FROM
 * @s}) is read as MySQL reads it: the texts are strings, so what they run is checked, not reported as SQL built at
 * run time.
 */
class LinterAutoPreparedDoubleQuotedTextTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "SELECT 1", "ALTER TABLE items ADD COLUMN c INT"   |
            "ALTER TABLE items DROP COLUMN note", "SELECT 1"   | 2:54 drop-column ALTER TABLE items drops column note (inside dynamic SQL)
            """)
    void theDoubleQuotedTextsAPreparedStatementIsBuiltFromAreRead(String texts, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE items (id INT PRIMARY KEY, note VARCHAR(20));\n");
        TestProject.write(project, "db/V2__column.sql", "-- adds or drops a column once\n"
                + "SET @s = (SELECT IF(COUNT(*) > 0, " + texts + ") FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'items' AND COLUMN_NAME = 'c');\n"
                + "PREPARE st FROM @s;\nEXECUTE st;\nDEALLOCATE PREPARE st;\n");

        List<String> findings = TestProject.lint(project, Dialect.AUTO).findings().stream()
                .filter(f -> f.location().path().endsWith("V2__column.sql"))
                .map(LinterAutoPreparedDoubleQuotedTextTest::described).toList();

        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }

    private static String described(Finding finding) {
        return finding.location().line() + ":" + finding.location().column() + " " + finding.ruleId() + " "
                + finding.message();
    }
}
