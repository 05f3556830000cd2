package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MERGE is an unreserved word in PostgreSQL and MySQL, so a script may name a joined table's alias {@code merge}:
 * {@code UPDATE a SET n = merge.id FROM names_merge merge WHERE a.n = merge.old}. The word is the alias, not the
 * start of a MERGE statement, and the WHERE after it is the UPDATE's own.
 */
class LinterMergeAliasTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | UPDATE a SET n = merge.id FROM names_merge merge WHERE a.n = merge.old            | ''
            AUTO       | UPDATE a SET n = merge.id FROM names_merge merge WHERE a.n = merge.old            | ''
            POSTGRESQL | DELETE FROM a USING names_merge merge WHERE a.id = merge.id                      | ''
            POSTGRESQL | UPDATE a SET n = merge.id FROM names_merge merge                                  | 1:1 update-without-where ERROR
            POSTGRESQL | DELETE FROM a USING names_merge merge WHERE true                                  | 1:1 always-true-where ERROR
            MYSQL      | UPDATE a JOIN names_merge merge ON a.n = merge.old SET a.n = merge.id WHERE a.k = 1 | ''
            """)
    void anAliasNamedMergeKeepsTheStatementWhole(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql + ";\n");

        assertEquals(expected == null || expected.isEmpty() ? List.of() : List.of(expected), found);
    }
}
