package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A MERGE whose WHEN MATCHED clause deletes or updates with no condition of its own is the DELETE (or UPDATE) ..
 * WHERE id IN (SELECT id FROM source) it equals: from the target itself it touches every row (each matches itself),
 * from another table read without a filter every row that has a related row, unless an UPDATE's SET reads the
 * source's row (a backfill). Findings point at the MERGE's DELETE or UPDATE word.
 */
class MergeMatchedSourceTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE     | MERGE INTO o_a t USING o_b s ON (t.id = s.id) WHEN MATCHED THEN DELETE"
                + " | 1:65 unfiltered-subquery MERGE .. WHEN MATCHED THEN DELETE on o_a is limited only by a related"
                + " row in o_b, which its source reads without a filter: it removes every row of o_a that has one",
        "POSTGRESQL | MERGE INTO o_a t\\nUSING (SELECT id FROM o_b) s ON t.id = s.id\\nWHEN MATCHED THEN\\n  DELETE"
                + " | 4:3 unfiltered-subquery MERGE .. WHEN MATCHED THEN DELETE on o_a is limited only by a related"
                + " row in o_b, which its source reads without a filter: it removes every row of o_a that has one",
        "SQLSERVER  | MERGE dbo.o_a WITH (HOLDLOCK) AS t USING dbo.o_b AS s ON s.id = t.id AND t.region = s.region"
                + " WHEN MATCHED THEN DELETE WHEN NOT MATCHED BY TARGET THEN INSERT (id) VALUES (s.id);"
                + " | 1:112 unfiltered-subquery MERGE .. WHEN MATCHED THEN DELETE on dbo.o_a is limited only by a"
                + " related row in dbo.o_b, which its source reads without a filter: it removes every row of dbo.o_a"
                + " that has one",
        "ORACLE     | MERGE INTO o_a t USING (SELECT id FROM o_a) s ON (t.id = s.id) WHEN MATCHED THEN DELETE"
                + " | 1:82 always-true-where MERGE .. WHEN MATCHED THEN DELETE matches every row (its source reads"
                + " every row of o_a and its ON pairs each row with itself on id): it removes every row of o_a but"
                + " those with NULL there",
        "POSTGRESQL | MERGE INTO o_a USING o_a AS s ON o_a.id = s.id WHEN MATCHED THEN DELETE"
                + " | 1:66 always-true-where MERGE .. WHEN MATCHED THEN DELETE matches every row (its source reads"
                + " every row of o_a and its ON pairs each row with itself on id): it removes every row of o_a but"
                + " those with NULL there",
        "ORACLE     | MERGE INTO o_a t USING o_b s ON (t.id = s.id)\\nWHEN MATCHED THEN UPDATE SET t.x = 1 DELETE WHERE 1 = 1"
                + " | 2:38 unfiltered-subquery MERGE .. WHEN MATCHED THEN DELETE on o_a is limited only by a related"
                + " row in o_b, which its source reads without a filter: it removes every row of o_a that has one",
        "SQLSERVER  | MERGE o_a t USING o_a s ON t.id = s.id WHEN MATCHED THEN DELETE;"
                + " | 1:58 always-true-where MERGE .. WHEN MATCHED THEN DELETE matches every row (its source reads"
                + " every row of o_a and its ON pairs each row with itself on id): it removes every row of o_a but"
                + " those with NULL there",
    })
    void mergeDeleteFromAnUnfilteredSourceIsReportedAtItsDelete(Dialect dialect, String sql, String expected) {
        RulePipeline.assertHits(dialect, sql, expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE     | MERGE INTO o_a c USING (SELECT id FROM o_a) s ON (c.id = s.id) WHEN MATCHED THEN UPDATE SET c.note = NULL"
                + " | 1:82 always-true-where MERGE .. WHEN MATCHED THEN UPDATE matches every row (its source reads"
                + " every row of o_a and its ON pairs each row with itself on id): it changes every row of o_a but"
                + " those with NULL there",
        "POSTGRESQL | MERGE INTO o_a t USING o_a s ON t.id = s.id WHEN MATCHED THEN UPDATE SET note = lower(s.note)"
                + " | 1:63 always-true-where MERGE .. WHEN MATCHED THEN UPDATE matches every row (its source reads"
                + " every row of o_a and its ON pairs each row with itself on id): it changes every row of o_a but"
                + " those with NULL there",
        "ORACLE     | MERGE INTO o_a t USING o_b s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.total = 0, t.note = 'x'"
                + " | 1:65 unfiltered-subquery MERGE .. WHEN MATCHED THEN UPDATE on o_a is limited only by a related"
                + " row in o_b, which its source reads without a filter: it changes every row of o_a that has one",
        "SQLSERVER  | MERGE dbo.o_a AS t USING dbo.o_b AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.flag = NULL"
                + " WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id);"
                + " | 1:72 unfiltered-subquery MERGE .. WHEN MATCHED THEN UPDATE on dbo.o_a is limited only by a"
                + " related row in dbo.o_b, which its source reads without a filter: it changes every row of dbo.o_a"
                + " that has one",
    })
    void mergeUpdateOfEveryMatchIsReportedAtItsUpdate(Dialect dialect, String sql, String expected) {
        RulePipeline.assertHits(dialect, sql, expected);
    }

    /** With other clauses, each is judged at its own DELETE: WHEN NOT MATCHED BY SOURCE too. */
    @Test
    void matchedDeleteIsFoundBesideANotMatchedBySourceDelete() {
        String sql = "MERGE o_a t USING o_b s ON t.id = s.id\nWHEN MATCHED THEN DELETE\n"
                + "WHEN NOT MATCHED BY SOURCE THEN DELETE;";
        List<String> hits = RulePipeline.run(Dialect.SQLSERVER, sql, RuleRegistry.all()).stream()
                .map(hit -> hit.line() + ":" + hit.column() + " " + hit.rule()).toList();
        assertEquals(List.of("3:33 merge-not-matched-by-source", "2:19 unfiltered-subquery"), hits);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | MERGE INTO o_a t USING o_b s ON t.id = s.id WHEN MATCHED AND s.gone = 1 THEN DELETE",
        "POSTGRESQL | MERGE INTO o_a t USING (SELECT id FROM o_b WHERE closed) s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "POSTGRESQL | MERGE INTO o_a t USING (SELECT id FROM o_a WHERE stale) s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "POSTGRESQL | MERGE INTO o_a t USING o_b s ON t.id = s.id AND s.gone WHEN MATCHED THEN DELETE",
        "POSTGRESQL | MERGE INTO o_a t USING o_b s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = s.x",
        "POSTGRESQL | MERGE INTO o_a t USING o_b s ON t.id = s.id WHEN MATCHED AND s.x > 1 THEN UPDATE SET x = s.x WHEN MATCHED THEN DELETE",
        "ORACLE     | MERGE INTO o_a t USING o_b s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.x = 1 DELETE WHERE t.x = 1",
        "ORACLE     | MERGE INTO o_a t USING (SELECT id FROM o_b GROUP BY id HAVING count(*) > 1) s ON (t.id = s.id) WHEN MATCHED THEN DELETE",
        "SQLSERVER  | MERGE o_a t USING #gone s ON t.id = s.id WHEN MATCHED THEN DELETE;",
        "SQLSERVER  | MERGE o_a t USING (VALUES (1), (2)) AS s (id) ON t.id = s.id WHEN MATCHED THEN DELETE;",
        "POSTGRESQL | WITH s AS (SELECT id FROM o_b WHERE closed) MERGE INTO o_a t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "POSTGRESQL | MERGE INTO o_a t USING o_b s ON t.id = s.id WHEN MATCHED THEN UPDATE SET total = total + 1",
        "ORACLE     | MERGE INTO o_a t USING o_b s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.x = 1 WHERE t.x IS NULL",
        "POSTGRESQL | MERGE INTO o_a t USING o_b s ON t.id = s.id WHEN MATCHED AND t.x IS NULL THEN UPDATE SET x = 0",
        "POSTGRESQL | MERGE INTO o_a t USING (SELECT id FROM o_a WHERE stale) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = 0",
    })
    void mergeDeleteLimitedByAConditionOrAFilteredSourceIsNotReported(Dialect dialect, String sql) {
        RulePipeline.assertHits(dialect, sql, "-");
    }
}
