package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code UNKNOWN} is a truth value only right after {@code IS} or {@code IS NOT}; anywhere else the databases read it
 * as a name, and a column may be called so. A condition on such a column restricts the rows like one on any other,
 * while one of literals alone still holds for every row or for none. Each line: dialect, script, findings as
 * {@code line:column rule SEVERITY}.
 */
class LinterUnknownNamedColumnTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | UPDATE page_history SET unknowing = unknown WHERE unknown IS NOT NULL AND unknowing IS NULL; | -",
        "MYSQL      | UPDATE page_history SET unknowing = unknown WHERE unknown IS NOT NULL AND unknowing IS NULL; | -",
        "POSTGRESQL | DELETE FROM page_history WHERE unknown = 0; | -",
        "POSTGRESQL | DELETE FROM page_history WHERE unknown > 3 OR unknown IS NULL; | -",
        "POSTGRESQL | DELETE FROM page_history WHERE 1 = 1 OR 2 = 2; | 1:1 always-true-where ERROR",
        "MYSQL      | UPDATE page_history SET unknowing = 0 WHERE 'a' = 'a'; | 1:1 always-true-where ERROR",
    })
    void unknownIsANameOutsideIsUnknown(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(", ")), found);
    }
}
