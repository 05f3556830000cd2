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
        List<String> found = lint(dialect, "DO $$\nBEGIN " + sql + ";\nEND $$;").stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId() + " " + f.message())
                .toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    private List<Finding> lint(Dialect dialect, String sql) throws IOException {
        Path file = project.resolve("db/V1__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), dialect, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings();
    }
}
