package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rename that ends a SQLite rebuild gives the new table the name of the old one, which the script dropped (or,
 * in MySQL's swap, renamed away), so no code that uses either name breaks; the same whether the new table was made
 * by {@code CREATE TABLE} or by {@code CREATE TABLE IF NOT EXISTS} (some projects write both). A table the script did
 * not create, or a name the script did not free, is a rename as any other.
 */
class RebuildRenameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE \"_t_tmp\" (id INTEGER);\\nDROP TABLE t;\\nALTER TABLE \"_t_tmp\" RENAME TO \"t\"; | -",
        "CREATE TABLE IF NOT EXISTS \"_t_tmp\" (id INTEGER);\\nDROP TABLE t;\\nALTER TABLE \"_t_tmp\" RENAME TO \"t\";"
                + " | -",
        "CREATE TABLE IF NOT EXISTS _t_tmp (id INTEGER);\\nDROP TABLE other;\\nALTER TABLE _t_tmp RENAME TO t;"
                + " | 3:rename-table",
        "CREATE TABLE IF NOT EXISTS _t_tmp (id INTEGER);\\nALTER TABLE _t_tmp RENAME TO t; | 2:rename-table",
        "DROP TABLE t;\\nALTER TABLE legacy_t RENAME TO t; | 2:rename-table",
        "CREATE TABLE IF NOT EXISTS t_new (id INTEGER);\\nALTER TABLE t RENAME TO t_old;"
                + "\\nALTER TABLE t_new RENAME TO t; | 2:rename-table",
        "CREATE TABLE IF NOT EXISTS t_new (id INTEGER);\\nALTER TABLE t RENAME TO t_old;"
                + "\\nALTER TABLE t_old RENAME TO t;\\nALTER TABLE t_new RENAME TO t;"
                + " | 2:rename-table, 3:rename-table, 4:rename-table",
        "CREATE TABLE IF NOT EXISTS _t_tmp (id INTEGER);\\nDROP TABLE _t_tmp;\\nDROP TABLE t;"
                + "\\nALTER TABLE _t_tmp RENAME TO t; | 4:rename-table",
    })
    void theRenameThatEndsARebuildIsNotReported(String sql, String expected) {
        List<String> found = RulePipeline.run(Dialect.SQLITE, sql.replace("\\n", "\n")).stream()
                .filter(hit -> hit.rule().equals("rename-table")).map(hit -> hit.line() + ":" + hit.rule()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(", ")), found);
    }
}
