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
 * A collation ({@code name COLLATE "C"}) only orders and compares: a batched backfill that pages by it is parsed
 * and judged like the same statement without it, instead of being reported as checked from its tokens only.
 */
class LinterCollationTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | WITH b AS (SELECT id FROM t WHERE (n COLLATE "C", k) > ('a', 1) LIMIT 9) \
                         DELETE FROM t USING b WHERE t.id = b.id | -
            AUTO       | DELETE FROM t WHERE (name COLLATE pg_catalog."default", k) > ('a', 1) | -
            POSTGRESQL | DELETE FROM t WHERE 1 = 1 OR name COLLATE "C" > 'a'                  \
                       | 1:1 always-true-where DELETE with an always-true WHERE removes every row of t
            POSTGRESQL | WITH b AS (SELECT id FROM t ORDER BY n COLLATE "C" LIMIT 9) UPDATE t SET v = 1 FROM b \
                       | 1:61 update-without-where UPDATE without WHERE changes every row of t
            """)
    void aCollationDoesNotStopTheParser(Dialect dialect, String sql, String expected) throws IOException {
        List<String> found = ProjectLint.findingsOfScript(project, dialect, sql + ";").stream()
                .map(ProjectLint::placeAndMessage).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

}
