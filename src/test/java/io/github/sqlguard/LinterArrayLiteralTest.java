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
 * The commas of a PostgreSQL array ({@code ARRAY['member', 'x']}, {@code ARRAY[[1, 2], [3, 4]]}) separate its
 * elements, not the assignments of an UPDATE's SET list: an UPDATE that fills a column the script just added with
 * an array is guarded like one that fills it with any other value. Each line: the script (one statement a line) and its
 * findings as {@code line:column rule SEVERITY guard}.
 */
class LinterArrayLiteralTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            ALTER TABLE users ADD COLUMN roles text[] NOT NULL DEFAULT '{}'; UPDATE users SET roles = ARRAY['member', 'org:' || 'x']; => 2:1 update-without-where INFO column roles was added earlier in this script and nothing has written it since
            ALTER TABLE users ADD COLUMN roles text[]; UPDATE users SET roles = ARRAY['a', 'b'], seen = now(); => 2:1 update-without-where ERROR
            ALTER TABLE users ADD COLUMN roles text[]; ALTER TABLE users ADD COLUMN seen text; UPDATE users SET roles = ARRAY['a', 'b'], seen = 'x'; => 3:1 update-without-where INFO columns roles, seen were added earlier in this script and nothing has written them since
            ALTER TABLE users ADD COLUMN pair int[]; UPDATE users SET pair = ARRAY[[1, 2], [3, 4]]; => 2:1 update-without-where INFO column pair was added earlier in this script and nothing has written it since
            """)
    void arrayElementsAreNotAssignments(String sql, String expected) throws IOException {
        List<String> findings = ProjectLint.placesAndGuardsOfOneScript(project, Dialect.POSTGRESQL, sql);

        assertEquals(List.of(expected), findings);
    }
}
