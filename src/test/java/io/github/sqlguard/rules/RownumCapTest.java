package io.github.sqlguard.rules;

import static io.github.sqlguard.rules.RuleHarness.messages;
import static io.github.sqlguard.rules.RuleHarness.models;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Oracle's {@code WHERE ROWNUM <= n} takes arbitrary rows, as T-SQL's {@code TOP (n)} does: batch deletes repeat
 * it in a loop until the table is empty. A WHERE made only of such caps is no restriction of which rows go.
 */
class RownumCapTest {

    private static final String DELETE_CAP = "DELETE whose WHERE only caps how many rows it takes removes "
            + "arbitrary rows of audit_log, and every row when it runs in a loop until none is left";

    private final Rule delete = new DeleteWithoutWhereRule();
    private final Rule update = new UpdateWithoutWhereRule();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM <= 10000",
        "ORACLE     | delete from audit_log where rownum < 5000",
        "ORACLE     | DELETE audit_log WHERE ROWNUM = 1",
        "ORACLE     | DELETE FROM audit_log WHERE 10000 >= ROWNUM",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM BETWEEN 1 AND 100",
        "ORACLE     | DELETE FROM audit_log WHERE (ROWNUM <= :batch_size)",
        "ORACLE     | DELETE FROM audit_log WHERE 1 = 1 AND ROWNUM <= v_batch",
        "AUTO       | DELETE FROM audit_log WHERE ROWNUM <= 10000",
        // H2 numbers the rows of a DELETE or UPDATE with ROWNUM(), and reads ROWNUM alone the same way.
        "H2         | DELETE FROM audit_log WHERE ROWNUM() <= 10000",
        "H2         | DELETE FROM audit_log WHERE 100 > ROWNUM()",
        "H2         | DELETE FROM audit_log WHERE ROWNUM < 10",
        // A subquery of the table itself that keeps its first rows takes them as arbitrarily.
        "ORACLE     | DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE ROWNUM <= 100)",
        "POSTGRESQL | DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log LIMIT 1000)",
        "POSTGRESQL | DELETE FROM audit_log WHERE ctid IN (SELECT ctid FROM audit_log ORDER BY ctid LIMIT 1000)",
        "POSTGRESQL | DELETE FROM audit_log WHERE (id IN (SELECT id FROM public.audit_log LIMIT 10))",
        "H2         | DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log FETCH FIRST 5 ROWS ONLY)",
        "SQLSERVER  | DELETE FROM audit_log WHERE id IN (SELECT TOP (500) id FROM audit_log ORDER BY id)",
        "MYSQL      | DELETE FROM audit_log WHERE audit_log.id IN (SELECT id FROM audit_log LIMIT 10)",
    })
    void aWhereOfRownumCapsOnlyTakesArbitraryRows(Dialect dialect, String sql) {
        assertEquals(List.of(DELETE_CAP), messages(delete, dialect, sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE     | DELETE FROM audit_log WHERE created_at < SYSDATE - 30 AND ROWNUM <= 10000",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM <= 10000 AND status = 'DONE'",
        "ORACLE     | DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE ROWNUM <= 100"
                + " AND status = 'DONE')",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM > 1",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM >= 2 OR id = 3",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM <> 1",
        "POSTGRESQL | DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE status = 'DONE' LIMIT 100)",
        "POSTGRESQL | DELETE FROM audit_log WHERE id IN (SELECT log_id FROM audit_archive LIMIT 100)",
        "POSTGRESQL | DELETE FROM audit_log WHERE id IN (SELECT a.id FROM audit_log a JOIN runs r ON r.id = a.run"
                + " LIMIT 100)",
        "POSTGRESQL | DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id LIMIT 100) AND kept",
        "ORACLE     | DELETE FROM audit_log WHERE \"ROWNUM\" <= 10",
        "H2         | DELETE FROM audit_log WHERE ROWNUM() <= 10 AND status = 'DONE'",
        "H2         | DELETE FROM audit_log WHERE ROWNUM(id) <= 10",
        // Elsewhere rownum is an ordinary column, such as one a window function filled in.
        "POSTGRESQL | DELETE FROM audit_log WHERE rownum <= 10000",
        "SQLSERVER  | DELETE FROM audit_log WHERE rownum <= 10000",
    })
    void aRownumCapBesideARealConditionOrOutsideOracleRestricts(Dialect dialect, String sql) {
        assertEquals(List.of(), messages(delete, dialect, sql));
    }

    /**
     * ROWNUM numbers from 1 the rows that passed the condition so far: a comparison every number passes holds for
     * every row, and the statement takes them all.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE | DELETE FROM audit_log WHERE ROWNUM > 0",
        "ORACLE | DELETE FROM audit_log WHERE ROWNUM >= 1",
        "ORACLE | DELETE FROM audit_log WHERE 0 < ROWNUM",
        "ORACLE | DELETE FROM audit_log WHERE ROWNUM <> 0",
        "ORACLE | DELETE FROM audit_log WHERE ROWNUM != 1.5",
        "ORACLE | DELETE FROM audit_log WHERE ROWNUM ^= 0",
        "ORACLE | DELETE FROM audit_log WHERE ROWNUM > -1",
        "ORACLE | DELETE FROM audit_log WHERE ROWNUM >= 0.5",
        "ORACLE | DELETE FROM audit_log WHERE ROWNUM > 0 OR id = 3",
        "H2     | DELETE FROM audit_log WHERE ROWNUM() >= 0",
    })
    void aComparisonEveryRowNumberPassesTakesEveryRow(Dialect dialect, String sql) {
        assertEquals(List.of("DELETE with an always-true WHERE removes every row of audit_log"),
                messages(new AlwaysTrueWhereRule(), dialect, sql));
        assertEquals(List.of(), messages(delete, dialect, sql));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM > 1",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM > 0 AND id = 3",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM <= 10",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM <> 1.0",
        "ORACLE     | DELETE FROM audit_log WHERE ROWNUM < 100000000000000000000",
        "POSTGRESQL | DELETE FROM audit_log WHERE rownum > 0",
    })
    void otherRowNumberComparisonsAreNoAlwaysTrueWhere(Dialect dialect, String sql) {
        assertEquals(List.of(), messages(new AlwaysTrueWhereRule(), dialect, sql));
    }

    @Test
    void anUpdateCappedByRownumChangesArbitraryRows() {
        assertEquals(List.of("UPDATE whose WHERE only caps how many rows it takes changes arbitrary rows of "
                + "settings, and every row when it runs in a loop until none is left"),
                messages(update, Dialect.ORACLE, "UPDATE settings SET v = NULL WHERE ROWNUM <= 1"));
    }

    @Test
    void aBatchDeleteLoopIsReportedAtItsDelete() {
        String sql = """
                BEGIN
                  LOOP
                    DELETE FROM audit_log WHERE ROWNUM <= 10000;
                    EXIT WHEN SQL%ROWCOUNT = 0;
                    COMMIT;
                  END LOOP;
                END;
                /
                """;

        List<String> found = new ArrayList<>();
        for (StatementModel model : models(Dialect.ORACLE, sql)) {
            for (Violation violation : delete.check(model)) {
                found.add(violation.at().line() + ":" + violation.at().column() + " " + violation.message());
            }
        }

        assertEquals(List.of("3:5 " + DELETE_CAP), found);
    }
}
