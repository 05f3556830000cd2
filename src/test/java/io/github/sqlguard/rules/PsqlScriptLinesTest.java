package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * psql lines as psql reads them: {@code \gexec} runs what a query returns, a meta-command ends at its line's
 * end, COPY data is not SQL, and a psql variable names a table.
 */
class PsqlScriptLinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT format('DROP TABLE %I', tablename) FROM pg_tables WHERE schemaname = 'old' \\gexec | 1",
        "SELECT 'x \\gexec' FROM t; | 0",
    })
    void gexecRunsSqlBuiltAtRunTime(String sql, int expected) {
        long found = RulePipeline.run(Dialect.POSTGRESQL, sql, RuleRegistry.all()).stream()
                .filter(hit -> hit.rule().equals("runtime-sql")).count();
        assertEquals(expected, found);
    }

    /** A meta-command ends at its line's end: the statement on the next line is judged on its own. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\connect other_db\\nDROP TABLE customers; | 2:1 drop-table",
        "\\ir cleanup.sql\\nDELETE FROM orders; | 1:1 script-include, 2:1 delete-without-where",
        "\\set ON_ERROR_STOP on\\nTRUNCATE sessions; | 2:1 truncate-table",
        "COPY t (a) FROM stdin;\\n1\\tDROP TABLE x;\\n\\.\\nUPDATE t SET a = 1; | 4:1 update-without-where",
    })
    void statementsAfterPsqlLinesAreJudged(String sql, String expected) {
        List<String> found = RulePipeline.run(Dialect.POSTGRESQL, sql.replace("\\n", "\n").replace("\\t", "\t"),
                RuleRegistry.all()).stream().map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule()).toList();
        assertEquals(List.of(expected.split(", ")), found);
    }

    /**
     * The text of {@code \\echo} and {@code \\qecho} is printed, not run: a line that shows the statement to run
     * later by hand changes no row and is no statement to parse.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\qecho UPDATE orders SET id = id WHERE source IS NOT NULL;\\nSELECT 1; | ''",
        "\\echo DELETE FROM orders;\\nDELETE FROM orders; | 2:1 delete-without-where",
        "\\qecho The next UPDATE takes a minute per 100000 rows\\nUPDATE orders SET total = 0; | 2:1 update-without-where",
    })
    void echoedStatementsAreText(String sql, String expected) {
        List<String> found = RulePipeline.run(Dialect.POSTGRESQL, sql.replace("\\n", "\n"), RuleRegistry.all())
                .stream().map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule()).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(", ")), found);
    }

    /** A psql variable standing for a table is named as written, so the reader sees which one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\set tbl sessions\\nDELETE FROM :\"tbl\"; | 2:1 DELETE without WHERE removes every row of :\"tbl\"",
        "UPDATE :schema.orders SET note = NULL; | 1:1 UPDATE without WHERE changes every row of :schema.orders",
    })
    void psqlVariablesNameTheTable(String sql, String expected) {
        List<String> found = RulePipeline.run(Dialect.POSTGRESQL, sql.replace("\\n", "\n"), RuleRegistry.all())
                .stream().filter(hit -> !hit.rule().equals("unparsed-statement"))
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.message()).toList();
        assertEquals(List.of(expected), found);
    }
}
