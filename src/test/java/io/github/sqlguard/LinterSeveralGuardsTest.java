package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One statement can be guarded against each of its losses by a different fact of the script: the rename that starts
 * MySQL's swap has its rows copied just before, which answers no rename, and its name taken by the new table just
 * after (or in the same {@code RENAME TABLE t TO t_old, t_new TO t}), which does.
 */
class LinterSeveralGuardsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "MYSQL | CREATE TABLE t_new AS SELECT * FROM t;\\nALTER TABLE t RENAME TO t_old;\\n"
                + "ALTER TABLE t_new RENAME TO t;\\nDROP TABLE t_old; | 2:15 rename-table INFO / 4:1 drop-table INFO",
        "SQLITE | CREATE TABLE t_new AS SELECT * FROM t;\\nALTER TABLE t RENAME TO t_old;\\n"
                + "ALTER TABLE t_new RENAME TO t;\\nDROP TABLE t_old; | 2:15 rename-table INFO / 4:1 drop-table INFO",
        "MYSQL | CREATE TABLE t_new AS SELECT * FROM t;\\nALTER TABLE t RENAME TO t_old;\\nDROP TABLE t_old;"
                + " | 2:15 rename-table WARNING / 3:1 drop-table INFO",
        "MYSQL | CREATE TABLE t_new LIKE t;\\nINSERT INTO t_new SELECT * FROM t;\\n"
                + "RENAME TABLE t TO t_old, t_new TO t;\\nDROP TABLE t_old; | 3:1 rename-table INFO / 4:1 drop-table INFO",
        "MYSQL | CREATE TABLE IF NOT EXISTS t_new SELECT DISTINCT * FROM t;\\n"
                + "RENAME TABLE t TO t_old, t_new TO t; | 2:1 rename-table INFO",
        "MYSQL | RENAME TABLE t TO t_old, t_new TO t; | 1:1 rename-table WARNING",
        "MYSQL | CREATE TABLE t_new (id INT);\\nRENAME TABLE t TO t_old, t_new TO u; | 2:1 rename-table WARNING",
    })
    void eachLossTakesTheGuardThatAnswersIt(Dialect dialect, String sql, String expected) {
        assertEquals(List.of(expected.split(" / ")), OneScript.placesAndSeverities(dialect, sql), sql);
    }
}
