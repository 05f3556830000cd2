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
 * PL/pgSQL's {@code SELECT .. FROM .. INTO v} names variables, not rows: a block's batched backfill written that
 * way is parsed and judged like the same query without INTO, instead of being reported as checked from its
 * tokens only.
 */
class LinterSelectIntoVariablesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | WITH u AS (UPDATE t SET v = 1 FROM b WHERE t.id = b.id) SELECT count(*) FROM b INTO n | -
            AUTO       | WITH u AS (UPDATE t SET v = 1 FROM b WHERE t.id = b.id) SELECT 1 FROM b INTO STRICT n, s.m | -
            POSTGRESQL | WITH u AS (UPDATE t SET v = 1 RETURNING id) SELECT count(*) FROM u INTO n \
                       | 2:18 update-without-where UPDATE without WHERE changes every row of t (inside DO block)
            """)
    void intoVariablesAfterFromDoNotStopTheParser(Dialect dialect, String sql, String expected) throws IOException {
        List<String> found = ProjectLint.findingsOfScript(project, dialect, "DO $$\nBEGIN " + sql + ";\nEND $$;")
                .stream()
                .map(ProjectLint::placeAndMessage).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

}
