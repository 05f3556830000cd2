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
 * A variable joined twice into MySQL dynamic SQL holds one value at both places: a helper that builds {@code CHANGE
 * COLUMN c c type} from its parameters (to retype a column in place) keeps the column's name, and is not read as a
 * rename; two variables may hold two names, and are. The helper is never called, so what it may do is reported at
 * its body.
 */
class LinterRepeatedVariableStandInTest {

    private static final String HELPER = """
            DELIMITER //
            CREATE PROCEDURE retype(tbl varchar(64), col varchar(64), other varchar(64), typ varchar(64))
            BEGIN
              SET @s = CONCAT(%s);
              PREPARE st FROM @s;
              EXECUTE st;
            END //
            DELIMITER ;
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "~'ALTER TABLE ', tbl, ' CHANGE COLUMN ', col, ' ', col, ' ', typ~ | alter-column-type",
        "~'alter table ', tbl, ' change ', COL, ' ', col, ' ', typ~ | alter-column-type",
        "~'ALTER TABLE ', tbl, ' CHANGE COLUMN ', col, ' ', other, ' ', typ~ | alter-column-type rename-column",
    })
    void oneVariableTwiceIsOneName(String parts, String expected) throws IOException {
        TestProject.write(project, "db/V1__x.sql", HELPER.formatted(parts));

        List<String> rules = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.location().line() == 4).map(f -> f.ruleId()).sorted().toList();

        assertEquals(List.of(expected.split(" ")), rules, parts);
    }
}
