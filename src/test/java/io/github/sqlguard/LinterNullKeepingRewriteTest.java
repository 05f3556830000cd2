package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An UPDATE that rewrites a column from its own value by an operator or function that keeps NULL as NULL, limited
 * only by that column not being NULL ({@code SET data = data - 'k' WHERE data IS NOT NULL}), rewrites every value
 * of the column, as without a WHERE: always-true-where. A further condition, another column's test, or a value that
 * does not start from the column restricts or may change the NULL rows, and stays quiet.
 */
class LinterNullKeepingRewriteTest {

    private static final String SCHEMA = "CREATE TABLE events (id BIGINT PRIMARY KEY, data JSONB, name VARCHAR(50),"
            + " tags TEXT[], score NUMERIC(10, 2));\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "UPDATE events SET data = data - 'value' WHERE data IS NOT NULL",
            "UPDATE events e SET data = e.data #- '{a,b}' WHERE e.data IS NOT NULL",
            "UPDATE events SET data = data -> 'inner' WHERE (data IS NOT NULL)",
            "UPDATE events SET name = upper(name) WHERE name IS NOT NULL",
            "UPDATE events SET name = substring(name FROM 1 FOR 10) WHERE name IS NOT NULL",
            "UPDATE events SET name = name || '-old' WHERE name IS NOT NULL",
            "UPDATE events SET score = round(score, 0), name = 'x' WHERE score IS NOT NULL",
            "UPDATE events SET data = data || '{\"k\": 1}'::jsonb WHERE data IS NOT NULL"
    })
    void aRewriteOfEveryValueIsReported(String sql) throws IOException {
        List<Finding> findings = lint(sql + ";\n");

        assertEquals(List.of("1:1 always-true-where"),
                findings.stream().map(f -> f.location().line() + ":" + f.location().column() + " " + f.ruleId()).toList(),
                findings.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "UPDATE events SET data = data - 'value' WHERE data IS NOT NULL AND id > 100",
            "UPDATE events SET data = data - 'value' WHERE name IS NOT NULL",
            "UPDATE events SET data = coalesce(data, '{}') WHERE data IS NOT NULL",
            "UPDATE events SET data = data - 'value' WHERE data IS NULL",
            "UPDATE events SET name = concat(name, 'x') WHERE name IS NOT NULL"
    })
    void aRestrictingConditionIsQuiet(String sql) throws IOException {
        List<Finding> findings = lint(sql + ";\n");

        assertEquals(List.of(), findings.stream().map(Finding::ruleId).toList(), findings.toString());
    }

    @Test
    void theMessageSaysWhyTheNullRowsDoNotCount() throws IOException {
        List<Finding> findings = lint("UPDATE events SET data = data #- '{a}' WHERE data IS NOT NULL;\n");

        assertTrue(findings.stream().anyMatch(f -> f.message().contains("(data IS NOT NULL leaves out only the rows"
                + " whose data is NULL, which data #- '{a}' leaves NULL, so every value of data is rewritten)")),
                findings.toString());
    }

    private List<Finding> lint(String sql) throws IOException {
        return ProjectLint.findingsAfterSchema(project, Dialect.POSTGRESQL, SCHEMA, sql);
    }
}
