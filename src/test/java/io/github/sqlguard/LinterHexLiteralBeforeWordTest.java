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
 * A binary literal such as {@code 0x01}, the usual way SQL Server and MySQL scripts name a {@code binary(16)} key,
 * followed by a space and a word that starts with a letter from A to F ({@code AND}, {@code AS}, {@code FROM},
 * {@code BETWEEN}): the statement is parsed and its WHERE read, instead of being reported as checked from its tokens
 * only, and one that really changes every row is still reported at the right place.
 */
class LinterHexLiteralBeforeWordTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            SQLSERVER | DELETE FROM idm_role WHERE id = 0x01 AND code = 'x'                                 | -
            SQLSERVER | UPDATE idm_role SET description = 0x0A  WHERE id = 0xFF AND code = 'x'               | -
            SQLSERVER | UPDATE r SET r.flag = 0x00 FROM idm_role r JOIN idm_cat c ON c.id = r.cat_id WHERE c.code = 'x' | -
            MYSQL     | DELETE FROM idm_role WHERE id BETWEEN 0x01 AND 0x0F AND code = 'x'                   | -
            SQLSERVER | DELETE FROM idm_role WHERE id = 0x01 AND 1 = 1 OR code = code                        \
                      | 1:1 always-true-where DELETE with an always-true WHERE removes every row of idm_role
            SQLSERVER | UPDATE r SET r.flag = 0x00 FROM idm_role r                                           \
                      | 1:1 update-without-where UPDATE without WHERE changes every row of idm_role
            """)
    void aSpaceAfterABinaryLiteralDoesNotStopTheParser(Dialect dialect, String sql, String expected)
            throws IOException {
        List<String> found = ProjectLint.findingsOfScript(project, dialect, sql + ";").stream()
                .map(ProjectLint::placeAndMessage).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
