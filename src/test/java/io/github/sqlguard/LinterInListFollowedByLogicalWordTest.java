package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An IN predicate ends at its closing parenthesis, so {@code id IN (1, 2) OR TRUE} holds for every row whatever the
 * list holds, as {@code b = 2 AND id IN (..) OR TRUE} does; an AND after the list narrows the rows again.
 */
class LinterInListFollowedByLogicalWordTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | DELETE FROM t WHERE id IN (1, 2) OR true                                    | 1:1 always-true-where ERROR
            POSTGRESQL | DELETE FROM t WHERE id IN (SELECT x FROM y WHERE y.k = 1) OR 1 = 1          | 1:1 always-true-where ERROR
            POSTGRESQL | DELETE FROM t WHERE id NOT IN (1, 2) OR true                                | 1:1 always-true-where ERROR
            POSTGRESQL | DELETE FROM t WHERE b = 2 AND id IN (1, 2) OR true                          | 1:1 always-true-where ERROR
            POSTGRESQL | DELETE FROM t WHERE NOT id IN (1, 2) OR true                                | 1:1 always-true-where ERROR
            POSTGRESQL | DELETE FROM t WHERE (id IN (1, 2) OR true)                                  | 1:1 always-true-where ERROR
            POSTGRESQL | DELETE FROM t WHERE id IN (1, 2) OR x IN (3) OR 2 > 1                       | 1:1 always-true-where ERROR
            POSTGRESQL | UPDATE t SET a = 1 WHERE id IN (SELECT x FROM y WHERE y.k = 1) OR true      | 1:1 always-true-where ERROR
            MYSQL      | DELETE FROM t WHERE id IN (1, 2) OR 1                                       | 1:1 always-true-where ERROR
            SQLSERVER  | DELETE FROM t WHERE id IN (1, 2) OR 1 = 1                                   | 1:1 always-true-where ERROR
            AUTO       | DELETE FROM t WHERE id IN (1, 2) OR true                                    | 1:1 always-true-where ERROR
            POSTGRESQL | DELETE FROM t WHERE id IN (1, 2) AND true                                   | ''
            POSTGRESQL | DELETE FROM t WHERE (id IN (1, 2) OR true) AND x = 1                        | ''
            POSTGRESQL | DELETE FROM t WHERE x = 1 AND (id IN (1, 2) OR true)                        | ''
            POSTGRESQL | DELETE FROM t WHERE id IN (1, 2) OR 1 = 1 AND x = 5                         | ''
            POSTGRESQL | DELETE FROM t WHERE id IN (SELECT x FROM y WHERE y.k IN (1) OR true) AND x = 1 | ''
            """)
    void theListEndsThePredicateBeforeTheNextLogicalWord(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql + ";\n");

        assertEquals(expected == null || expected.isEmpty() ? List.of() : List.of(expected), found);
    }
}
