package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A MERGE deletes and updates rows too: an always-true ON reaches every target row through WHEN MATCHED, and
 * WHEN NOT MATCHED BY SOURCE reaches every target row the source lacks. A MERGE joined on keys is fine.
 */
class MergeRowChangesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SQLSERVER  | MERGE INTO dbo.customers AS t USING (SELECT 1 AS id) AS s ON (1 = 1) WHEN MATCHED THEN UPDATE SET t.email = NULL;"
                + " | 1:88 always-true-where MERGE with an always-true ON condition matches every row, so its WHEN MATCHED UPDATE changes every row of dbo.customers",
        "ORACLE     | MERGE INTO customers t USING dual ON (1 = 1) WHEN MATCHED THEN UPDATE SET t.email = NULL;"
                + " | 1:64 always-true-where MERGE with an always-true ON condition matches every row, so its WHEN MATCHED UPDATE changes every row of customers",
        "POSTGRESQL | MERGE INTO u USING t ON true WHEN MATCHED THEN DELETE;"
                + " | 1:48 always-true-where MERGE with an always-true ON condition matches every row, so its WHEN MATCHED DELETE removes every row of u",
        "AUTO       | MERGE u USING t ON 1 = 1 WHEN MATCHED AND 2 > 1 THEN DELETE"
                + " | 1:54 always-true-where MERGE with an always-true ON condition matches every row, so its WHEN MATCHED DELETE removes every row of u",
        "SQLSERVER  | MERGE t USING s ON t.id = s.id WHEN NOT MATCHED BY SOURCE THEN DELETE;"
                + " | 1:64 merge-not-matched-by-source MERGE .. WHEN NOT MATCHED BY SOURCE THEN DELETE removes every row of t that the source does not hold",
        "POSTGRESQL | MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED BY SOURCE AND TRUE THEN UPDATE SET active = false"
                + " | 1:78 merge-not-matched-by-source MERGE .. WHEN NOT MATCHED BY SOURCE THEN UPDATE changes every row of t that the source does not hold",
        "SQLSERVER  | MERGE TOP (10) INTO t WITH (HOLDLOCK) USING s ON t.id = s.id\\nWHEN MATCHED THEN UPDATE SET t.a = CASE WHEN s.a = 1 THEN 2 END\\nWHEN NOT MATCHED BY SOURCE THEN DELETE OUTPUT $action;"
                + " | 3:33 merge-not-matched-by-source MERGE .. WHEN NOT MATCHED BY SOURCE THEN DELETE removes every row of t that the source does not hold",
    })
    void mergeThatReachesEveryTargetRowIsReportedAtItsAction(Dialect dialect, String sql, String expected) {
        List<String> hits = RulePipeline.run(dialect, sql.replace("\\n", "\n"), RuleRegistry.all()).stream()
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule() + " " + hit.message()).toList();
        assertEquals(List.of(expected), hits);
    }

    /** Oracle's DELETE WHERE removes rows the UPDATE changed: every row only when the ON matches every row. */
    @Test
    void oracleDeleteWhereAfterAnAlwaysTrueOnRemovesEveryRow() {
        String sql = "MERGE INTO customers t USING dual ON (1 = 1)\n"
                + "WHEN MATCHED THEN UPDATE SET t.email = NULL DELETE WHERE 1 = 1;";
        List<String> hits = RulePipeline.run(Dialect.ORACLE, sql, RuleRegistry.all()).stream()
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule()).toList();
        assertEquals(List.of("2:19 always-true-where", "2:45 always-true-where"), hits);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | MERGE INTO u USING t ON u.id = t.id WHEN MATCHED AND t.gone THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (t.id)",
        "SQLSERVER  | MERGE dbo.t AS t USING dbo.s AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.a = s.a WHEN NOT MATCHED BY TARGET THEN INSERT (id, a) VALUES (s.id, s.a);",
        "SQLSERVER  | MERGE t USING s ON t.id = s.id WHEN NOT MATCHED BY SOURCE AND t.batch = 3 THEN DELETE;",
        "ORACLE     | MERGE INTO customers t USING src s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.email = NULL DELETE WHERE s.gone = 1",
        "ORACLE     | MERGE INTO customers t USING dual ON (1 = 1) WHEN MATCHED THEN UPDATE SET t.email = NULL WHERE t.id = 5",
        "AUTO       | MERGE u USING t ON 1 = 1 WHEN MATCHED AND u.stale THEN DELETE",
        "POSTGRESQL | MERGE INTO u USING t ON true WHEN NOT MATCHED THEN INSERT VALUES (t.id)",
        "POSTGRESQL | MERGE INTO u USING t ON true WHEN MATCHED THEN DO NOTHING",
        "SQLSERVER  | CREATE TABLE #stage (id INT); MERGE #stage t USING s ON 1 = 1 WHEN MATCHED THEN DELETE WHEN NOT MATCHED BY SOURCE THEN DELETE;",
    })
    void mergeLimitedByKeysOrConditionsIsNotReported(Dialect dialect, String sql) {
        assertEquals(List.of(), RulePipeline.run(dialect, sql, RuleRegistry.all()));
    }

    @Test
    void bothMergeRulesFailTheBuildByDefault() {
        assertEquals(Severity.ERROR, new MergeNotMatchedBySourceRule().info().defaultSeverity());
        assertEquals(Severity.ERROR, new AlwaysTrueWhereRule().info().defaultSeverity());
    }
}
