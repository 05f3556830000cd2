package io.github.sqlguard.rules;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Oracle's (and MySQL's) DUAL has exactly one row, so a query of it gives the values its select list computes: a
 * row tied to it ({@code id IN (SELECT 10 FROM dual)}, the upsert idiom {@code MERGE .. USING (SELECT :id id FROM
 * dual) s ON (t.id = s.id)}) is tied to those values, a filter like {@code id = 10}. Only a condition that names no
 * column of the target ({@code EXISTS (SELECT 1 FROM dual)}) holds for every row.
 */
class OneRowTableSourceTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ORACLE | MERGE INTO dept d USING (SELECT 10 AS deptno FROM dual) s ON (d.deptno = s.deptno)"
                + " WHEN MATCHED THEN DELETE | -",
        "ORACLE | MERGE INTO dept d USING (SELECT :p_id deptno, 'SALES' dname FROM dual) s ON (d.deptno = s.deptno)"
                + "\\nWHEN MATCHED THEN UPDATE SET d.note = 'x' DELETE WHERE 1 = 1 | -",
        "ORACLE | MERGE INTO dept d USING (SELECT p_id AS deptno FROM sys.dual) s ON (d.deptno = s.deptno)"
                + " WHEN MATCHED THEN UPDATE SET d.note = NULL | -",
        "ORACLE | DELETE FROM dept WHERE deptno IN (SELECT 10 FROM dual) | -",
        "MYSQL  | DELETE FROM dept WHERE deptno IN (SELECT 10 FROM DUAL) | -",
        "ORACLE | DELETE FROM dept WHERE EXISTS (SELECT 1 FROM dual) | 1:1 unfiltered-subquery DELETE on dept is"
                + " limited only by a subquery that reads dual without a filter and names no column of dept: it"
                + " removes every row of dept as soon as dual has a row",
        "ORACLE | MERGE INTO dept d USING (SELECT deptno FROM dept_stage) s ON (d.deptno = s.deptno)"
                + " WHEN MATCHED THEN DELETE | 1:102 unfiltered-subquery MERGE .. WHEN MATCHED THEN DELETE on dept"
                + " is limited only by a related row in dept_stage, which its source reads without a filter: it"
                + " removes every row of dept that has one",
    })
    void aRowTiedToTheOneRowOfDualIsTiedToTheValuesItSelects(Dialect dialect, String sql, String expected) {
        RulePipeline.assertHits(dialect, sql, expected);
    }
}
