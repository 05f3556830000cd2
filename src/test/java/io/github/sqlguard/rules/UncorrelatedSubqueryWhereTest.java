package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A WHERE whose only columns are those of a subquery's own tables ({@code WHERE EXISTS (SELECT 1 FROM u WHERE
 * u.live = 1)}, {@code WHERE (SELECT count(*) FROM u) > 0}) names no column of the target: it holds for every row or
 * for none, like a WHERE on the other tables of a USING list. A subquery that names the target's columns, or an
 * unqualified column that may be the target's, ties it to the row. Findings point at the verb (line 2).
 */
class UncorrelatedSubqueryWhereTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.live = 1)                   | delete-without-where 2:3",
        "MYSQL      | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u x WHERE x.live = 1 AND x.id > 3)    | delete-without-where 2:3",
        "H2         | UPDATE t SET a = 1 WHERE EXISTS (SELECT 1 FROM u WHERE u.live = 1)              | update-without-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE (SELECT count(*) FROM u WHERE u.live) > 0                  | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.version >= 3)          | delete-without-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.u_id)               | unfiltered-subquery 2:3",
        "POSTGRESQL | DELETE FROM t x WHERE EXISTS (SELECT 1 FROM u WHERE u.id = x.u_id AND u.live)   | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE live = 1)                     | -",
        "POSTGRESQL | DELETE FROM t WHERE t.a = 1 AND EXISTS (SELECT 1 FROM u WHERE u.live = 1)       | -",
        "POSTGRESQL | DELETE FROM t WHERE a IN (SELECT u.a FROM u WHERE u.live = 1)                   | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.live = 1 GROUP BY u.k)     | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u JOIN w ON w.id = u.w WHERE u.live) | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id IN (SELECT v.id FROM v WHERE v.t = t.id)) | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id IN (SELECT v.id FROM v WHERE v.live)) | delete-without-where 2:3",
    })
    void aWhereOnlyAnUncorrelatedSubqueryDecidesTouchesEveryRowOrNone(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }

    @Test
    void messageSaysTheWhereNamesNoColumnOfTheTarget() {
        assertEquals(List.of("DELETE whose WHERE names no column of t removes every row of t as soon as a row of the"
                + " other tables matches"), RuleHarness.messages(new DeleteWithoutWhereRule(), Dialect.POSTGRESQL,
                "DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.live = 1)"));
    }
}
