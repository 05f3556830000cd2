package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Emptying a temporary table, or one the same script created, destroys nothing that outlives the migration. */
class ScratchTableRowChangesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | CREATE TEMP TABLE tmp_ids (id int);\\nDELETE FROM tmp_ids; | -",
        "POSTGRESQL | CREATE TABLE scratch_users AS SELECT * FROM users;\\nUPDATE scratch_users SET name = 'x'; | -",
        "SQLSERVER | DELETE FROM #ids;\\nUPDATE #snapshot SET a = 1; | -",
        "POSTGRESQL | DELETE FROM users; | 1:delete-without-where",
        "POSTGRESQL | CREATE TABLE IF NOT EXISTS users (id int);\\nDELETE FROM users; | 2:delete-without-where",
        "POSTGRESQL | CREATE TEMP TABLE t (id int);\\nDELETE FROM t USING users; | -",
        "POSTGRESQL | CREATE TEMP TABLE t (id int);\\nUPDATE users SET a = t.a FROM t; | 2:update-without-where",
    })
    void rowChangesOfScratchTablesAreNotReported(Dialect dialect, String sql, String expected) {
        List<String> found = RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .map(hit -> hit.line() + ":" + hit.rule())
                .filter(hit -> hit.endsWith("-where")).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
