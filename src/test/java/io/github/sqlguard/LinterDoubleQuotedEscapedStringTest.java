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
 * MySQL reads {@code "..."} as a string, and scripts that store JSON escape its quotes with backslashes inside it
 * ({@code SET v = "{\"k\":1}"}): such a statement is parsed and its WHERE read, instead of being reported as checked
 * from its tokens only, and one that really changes every row is still reported as such.
 */
class LinterDoubleQuotedEscapedStringTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            MYSQL   | UPDATE type_key SET hint = "Input JSON: {\\"param\\":\\"value\\"}" WHERE name = "Input JSON" | -
            MYSQL   | UPDATE type_key SET hint = "it's {\\"a\\":1}" WHERE id = 7                               | -
            MARIADB | DELETE FROM type_key WHERE hint = "{\\"a\\":1}"                                          | -
            MYSQL   | UPDATE type_key SET hint = "{\\"a\\":1}"                                                 \
                    | 1:1 update-without-where UPDATE without WHERE changes every row of type_key
            MYSQL   | DELETE FROM type_key WHERE hint = "{\\"a\\":1}" OR 1 = 1                                 \
                    | 1:1 always-true-where DELETE with an always-true WHERE removes every row of type_key
            """)
    void anEscapedDoubleQuotedStringDoesNotStopTheParser(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> found = ProjectLint.findingsOfScript(project, dialect, sql + ";").stream()
                .map(ProjectLint::placeAndMessage).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
