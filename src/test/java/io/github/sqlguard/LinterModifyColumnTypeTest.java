package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Snowflake's {@code MODIFY [COLUMN] c [SET DATA] TYPE t} changes the type as {@code ALTER COLUMN c TYPE t} does:
 * the new type is {@code t}, not a type called "{@code TYPE t}", and it is judged against the type the replay knows.
 */
class LinterModifyColumnTypeTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MODIFY COLUMN note TYPE VARCHAR(20)|db/V2__x.sql:1:19 alter-column-type ALTER TABLE notes changes the type"
                + " of column note from VARCHAR(100) to VARCHAR(20) (shorter: 100 to 20 characters)",
        "MODIFY note SET DATA TYPE VARCHAR(20)|db/V2__x.sql:1:19 alter-column-type ALTER TABLE notes changes the type"
                + " of column note from VARCHAR(100) to VARCHAR(20) (shorter: 100 to 20 characters)",
        "MODIFY COLUMN note TYPE VARCHAR(200)|",
    })
    void typeAfterModifyIsTheNewType(String clause, String expected) throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE notes (id INT, note VARCHAR(100));\n");
        TestProject.write(project, "db/V2__x.sql", "ALTER TABLE notes " + clause + ";\n");

        List<String> findings = TestProject.lint(project, Dialect.AUTO).findings().stream()
                .filter(f -> !f.ruleId().equals("unparsed-statement"))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
        assertEquals(expected == null ? List.of() : List.of(expected), findings);
    }
}
