package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL's ALTER TABLE .. SET UNLOGGED is reported at UNLOGGED; a table made unlogged loses its rows on a crash.
 * MySQL's ENGINE = MEMORY is reported at ENGINE: a restart empties the table.
 */
class UnloggedTableRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "ALTER TABLE metrics SET UNLOGGED | 1:25 unlogged-table ALTER TABLE metrics SET UNLOGGED: from now on a crash empties table metrics, and standbys and point-in-time restores do not have its rows",
        "ALTER TABLE IF EXISTS ONLY app.page_views\\n  SET (fillfactor = 70),\\n  SET UNLOGGED | 3:7 unlogged-table ALTER TABLE app.page_views SET UNLOGGED: from now on a crash empties table app.page_views, and standbys and point-in-time restores do not have its rows",
        "ALTER TABLE metrics SET LOGGED | -",
        "CREATE UNLOGGED TABLE cache_entries (k text PRIMARY KEY, v text) | -",
        "ALTER TABLE metrics SET TABLESPACE fast_ssd | -",
        "CREATE TABLE scratch (id int);\\nALTER TABLE scratch SET UNLOGGED | -",
    })
    void setUnloggedIsReportedAtUnlogged(String sql, String expected) {
        List<String> hits = RulePipeline.run(Dialect.POSTGRESQL, sql.replace("\\n", "\n")).stream()
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule() + " " + hit.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, sql);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "ALTER TABLE sessions ENGINE=MEMORY | 1:22 unlogged-table ALTER TABLE sessions ENGINE = MEMORY: table sessions keeps its rows only in memory from now on, so the next server restart empties it",
        "ALTER TABLE `sessions`\\n  ADD INDEX idx_user (user_id),\\n  ENGINE = 'heap' | 3:3 unlogged-table ALTER TABLE `sessions` ENGINE = HEAP: table `sessions` keeps its rows only in memory from now on, so the next server restart empties it",
        "ALTER TABLE sessions ENGINE=InnoDB | -",
        "CREATE TABLE rate_limits (k VARCHAR(64) PRIMARY KEY) ENGINE=MEMORY | -",
        "CREATE TABLE scratch (id int);\\nALTER TABLE scratch ENGINE = MEMORY | -",
    })
    void mySqlMemoryEngineIsReportedAtEngine(String sql, String expected) {
        List<String> hits = RulePipeline.run(Dialect.MYSQL, sql.replace("\\n", "\n")).stream()
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule() + " " + hit.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), hits, sql);
    }
}
