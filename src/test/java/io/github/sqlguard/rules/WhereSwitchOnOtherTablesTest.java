package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL writes the join of {@code DELETE .. USING} and {@code UPDATE .. FROM} in the WHERE: a part of it on the
 * other tables' columns alone, joined to the rest by OR, holds for every row of the target as soon as one row of those
 * tables meets it, whatever the other parts tie. A part that names the target in every branch, or a join written with
 * ON that already limits the target, keeps the rows chosen. Findings point at the verb (line 2).
 */
class WhereSwitchOnOtherTablesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "POSTGRESQL | DELETE FROM orders o USING programs p WHERE o.program_id = p.id OR p.active | delete-without-where 2:3",
        "POSTGRESQL | UPDATE orders o SET status = p.name FROM programs p WHERE o.program_id = p.id OR p.retired"
                + " | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET status = p.name FROM programs p WHERE (orders.program_id = p.id"
                + " OR p.name = 'all') | update-without-where 2:3",
        "POSTGRESQL | DELETE FROM orders o USING programs p WHERE o.program_id = p.id AND (p.active OR o.total = 0) | -",
        "POSTGRESQL | DELETE FROM orders o USING programs p WHERE o.program_id = p.id OR o.total = 0 | -",
        "POSTGRESQL | DELETE FROM orders o USING programs p WHERE (o.program_id = p.id AND p.active)"
                + " OR (o.program_id = p.id AND o.total = 0) | -",
        "POSTGRESQL | DELETE FROM orders WHERE total = 0 OR status = 'void' | -",
        "MYSQL      | DELETE o FROM orders o JOIN programs p ON o.program_id = p.id WHERE o.total = 0 OR p.active | -",
    })
    void aPartOnTheOtherTablesAloneJoinedByOrReachesEveryRow(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }

    @Test
    void messageSaysWhichPartReachesEveryRow() {
        assertEquals(List.of("DELETE whose WHERE has a part on the other tables' columns alone, joined by OR, removes"
                + " every row of orders as soon as a row of the other tables meets that part"),
                RuleHarness.messages(new DeleteWithoutWhereRule(), Dialect.POSTGRESQL,
                        "DELETE FROM orders o USING programs p WHERE o.program_id = p.id OR p.active"));
    }
}
