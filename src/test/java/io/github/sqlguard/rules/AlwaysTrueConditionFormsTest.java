package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditions that hold for every row in forms beyond {@code 1 = 1}: the finding points at the verb of the
 * statement (on its second line here), whether the statement is analysed as the plugin does or from its tokens.
 */
class AlwaysTrueConditionFormsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1)                 | always-true-where 2:3",
        "SQLSERVER  | UPDATE t SET a = 1 WHERE EXISTS (SELECT 'x', NULL)    | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE 'x' IS NOT NULL                   | always-true-where 2:3",
        "MYSQL      | DELETE FROM t WHERE 1 = '1'                           | always-true-where 2:3",
        "POSTGRESQL | UPDATE t SET a = 1 WHERE '2' > 1                       | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE 1 BETWEEN 0 AND 2                 | always-true-where 2:3",
        "MYSQL      | DELETE FROM t WHERE 1 LIKE 1                          | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE 't'::boolean                      | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE CAST('yes' AS boolean)            | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE 1::boolean                        | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE 42::bool                          | always-true-where 2:3",
        "H2         | DELETE FROM t WHERE CAST(1 AS BOOLEAN)                | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE id = 3 OR 1::boolean              | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE x IS NOT DISTINCT FROM x          | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE id = 4 OR 2 NOT BETWEEN 3 AND 5   | always-true-where 2:3",
        "MYSQL      | \"DELETE FROM t WHERE id = 5 || 1=1\"                    | always-true-where 2:3",
        "MARIADB    | \"UPDATE t SET a = 1 WHERE id = 5 || 1=1\"               | always-true-where 2:3",
        "MYSQL      | \"DELETE FROM t WHERE id = 5 || 1\"                      | always-true-where 2:3",
        "MARIADB    | \"UPDATE t SET a = 1 WHERE a = 2 || TRUE\"               | always-true-where 2:3",
        "MYSQL      | \"DELETE FROM t WHERE name = 'x' || 2\"                  | always-true-where 2:3",
        "MYSQL      | DELETE FROM t WHERE -1                                | always-true-where 2:3",
        "MARIADB    | UPDATE t SET a = 1 WHERE id = 4 OR -2.5               | always-true-where 2:3",
        "MYSQL      | DELETE FROM t WHERE NOT -0                            | always-true-where 2:3",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id AND u.closed) | -",
        "POSTGRESQL | DELETE FROM t WHERE NOT EXISTS (SELECT 1)             | -",
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT x)                 | -",
        "ORACLE     | DELETE FROM t WHERE '' IS NOT NULL                    | -",
        "POSTGRESQL | DELETE FROM t WHERE x IS NOT NULL                     | -",
        "MYSQL      | DELETE FROM t WHERE 1 = 'one'                         | -",
        "MYSQL      | DELETE FROM t WHERE 1 = '2'                           | -",
        "POSTGRESQL | DELETE FROM t WHERE 3 BETWEEN 0 AND 2                 | -",
        "POSTGRESQL | DELETE FROM t WHERE id BETWEEN 0 AND 2                | -",
        "MYSQL      | DELETE FROM t WHERE 1 LIKE 2                          | -",
        "MYSQL      | DELETE FROM t WHERE name LIKE 1                       | -",
        "POSTGRESQL | DELETE FROM t WHERE 'f'::boolean                      | -",
        "POSTGRESQL | DELETE FROM t WHERE 0::boolean                        | -",
        "POSTGRESQL | DELETE FROM t WHERE 1.5::boolean                      | -",
        "POSTGRESQL | DELETE FROM t WHERE flag::boolean                     | -",
        "POSTGRESQL | DELETE FROM t WHERE x IS DISTINCT FROM x              | -",
        "POSTGRESQL | DELETE FROM t WHERE x IS NOT DISTINCT FROM y          | -",
        "MYSQL      | \"DELETE FROM t WHERE id = 5 || id = 6\"                 | -",
        "POSTGRESQL | \"DELETE FROM t WHERE name = 'a' || 'b'\"                | -",
        "POSTGRESQL | \"DELETE FROM t WHERE id = 5 || 1=1\"                    | -",
        "POSTGRESQL | \"DELETE FROM t WHERE name = 'x' || 1\"                  | -",
        "MYSQL      | \"DELETE FROM t WHERE name = 'x' || 0\"                  | -",
        "MYSQL      | DELETE FROM t WHERE -0                                | -",
        "MYSQL      | DELETE FROM t WHERE id = 4 OR -0.0                    | -",
        "MYSQL      | DELETE FROM t WHERE n - 1                             | -",
    })
    void conditionThatHoldsForEveryRow(Dialect dialect, String sql, String expected) {
        assertRowFindings(dialect, sql, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "POSTGRESQL | DELETE FROM t WHERE EXISTS (SELECT 1)",
        "MYSQL      | \"DELETE FROM t WHERE id = 5 || 1=1\"",
    })
    void messageNamesTheTable(Dialect dialect, String sql) {
        List<String> messages = RuleHarness.messages(new AlwaysTrueWhereRule(), dialect, sql);
        assertEquals(List.of("DELETE with an always-true WHERE removes every row of t"), messages);
    }

    /**
     * Asserts the findings of the rules about DELETE and UPDATE on {@code sql} (standing on line 2, column 3), both
     * as analysed and from tokens only: {@code expected} is "rule line:column", or "-" for none.
     */
    static void assertRowFindings(Dialect dialect, String sql, String expected) {
        String script = "SELECT 1;\n  " + sql + ";\n";
        List<String> wanted = expected.equals("-") ? List.of() : List.of(expected);
        assertEquals(wanted, rowFindings(RuleHarness.models(dialect, script)), "as analysed");
        assertEquals(wanted, rowFindings(RuleHarness.tokenModels(dialect, script)), "from tokens");
    }

    /** The rule id and line:column of each finding of the rules about DELETE and UPDATE. */
    static List<String> rowFindings(List<StatementModel> models) {
        List<String> found = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            if (!(rule instanceof RowChangeRule) && !(rule instanceof UnfilteredSubqueryRule)) {
                continue;
            }
            for (StatementModel model : models) {
                for (Violation violation : rule.check(model)) {
                    found.add(rule.info().id() + " " + violation.at().line() + ":" + violation.at().column());
                }
            }
        }
        return found;
    }
}
