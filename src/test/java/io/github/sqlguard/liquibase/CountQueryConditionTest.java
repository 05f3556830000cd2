package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountQueryConditionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT COUNT(*) FROM t | IF NOT EXISTS (SELECT 1 FROM t)
            select count(1) from t; | IF NOT EXISTS (SELECT 1 FROM t)
            SELECT COUNT(*) AS n FROM t | IF NOT EXISTS (SELECT 1 FROM t)
            SELECT COUNT(*) FROM t a | IF NOT EXISTS (SELECT 1 FROM t)
            SELECT COUNT(*) FROM t AS a | IF NOT EXISTS (SELECT 1 FROM t)
            SELECT COUNT(*) FROM t WHERE c IS NOT NULL | IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)
            select count(*) from obs where v is NOT NULL | IF NOT EXISTS (SELECT 1 FROM obs WHERE v IS NOT NULL)
            SELECT COUNT(*) FROM t WHERE t.c IS NOT NULL | IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)
            SELECT COUNT(*) FROM t o WHERE o.c IS NOT NULL | IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)
            SELECT COUNT(c) FROM t | IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)
            SELECT COUNT(DISTINCT c) FROM t | IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)
            SELECT COUNT(t.c) FROM app.t | IF NOT EXISTS (SELECT 1 FROM app.t WHERE c IS NOT NULL)
            SELECT COUNT(c) FROM t WHERE c IS NOT NULL | IF NOT EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL)
            SELECT COUNT(*) FROM t WHERE u.c IS NOT NULL | ''
            SELECT COUNT(u.c) FROM t | ''
            SELECT COUNT(c) FROM t WHERE d IS NOT NULL | ''
            SELECT COUNT(*) FROM t WHERE c = 1 | ''
            SELECT COUNT(*) FROM t JOIN u ON u.id = t.id | ''
            SELECT COUNT(*) FROM t, u | ''
            SELECT COUNT(*) FROM role where role = 'System Developer' | ''
            """)
    void countQueryExpectingZeroRequiresTheEmptinessItCounts(String query, String expected) {
        assertEquals(expected, CountQueryCondition.of(query).orElse(""));
    }
}
