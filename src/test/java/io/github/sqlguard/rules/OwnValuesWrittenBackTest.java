package io.github.sqlguard.rules;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An UPDATE whose every assignment gives a column its own value (hoppscotch's {@code UPDATE "UserRequest" SET
 * request = request WHERE request IS NOT NULL}, written to fire a trigger) changes no stored value, with or
 * without WHERE. A value read from another table, computed from the column, or any other assignment beside it
 * is still judged. Nor does one that fills only the column's NULLs ({@code SET paid = COALESCE(paid, FALSE)}, as
 * {@code WHERE paid IS NULL} would) change a stored value, nor one that maps listed values and keeps the rest
 * ({@code SET state = CASE WHEN state = 'a' THEN 'b' ELSE state END}, as {@code WHERE state = 'a'} would), or
 * Oracle's and H2's {@code DECODE(state, 'a', 'b', state)}, PostgreSQL's {@code array_replace(roles, 'a', 'b')} and
 * {@code array_remove(tags, 'a')} of the column itself. Nor
 * does a T-SQL assignment of a variable alone ({@code SET @last = total}), which reads the row and writes no column;
 * the chained {@code SET @running = total = @running + 1} writes total. Findings point at the verb (line 2).
 */
class OwnValuesWrittenBackTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "POSTGRESQL | UPDATE \"UserRequest\" SET request = request                           | -",
        "POSTGRESQL | UPDATE \"UserRequest\" SET request = request WHERE 1 = 1               | -",
        "POSTGRESQL | UPDATE \"UserRequest\" SET \"request\" = request, note = \"note\"      | -",
        "MYSQL      | UPDATE orders o SET o.note = o.note                                   | -",
        "SQLSERVER  | UPDATE orders SET note = note                                         | -",
        "POSTGRESQL | UPDATE orders SET note = lower(note)                                  | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET note = note, total = 0                              | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET note = u.note FROM users u WHERE u.id = 1            | update-without-where 2:3",
        "MYSQL      | UPDATE orders o, users u SET o.note = u.note                          | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET note = lower(note) WHERE 1 = 1                      | always-true-where 2:3",
        "POSTGRESQL | UPDATE orders SET paid = COALESCE(paid, FALSE)                         | -",
        "POSTGRESQL | UPDATE orders SET paid = coalesce(paid, FALSE), note = note             | -",
        "MYSQL      | UPDATE orders SET total = IFNULL(total, 0)                            | -",
        "ORACLE     | UPDATE orders SET total = NVL(total, 0)                               | -",
        "SQLSERVER  | UPDATE orders SET total = ISNULL(total, 0)                            | -",
        "POSTGRESQL | UPDATE orders SET total = COALESCE(total, 0) + 1                      | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET total = COALESCE(0, total)                          | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET total = COALESCE(other, total)                      | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET total = COALESCE(total, 0), note = 'x'              | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET state = CASE WHEN state = 'a' THEN 'b' WHEN state = 'c' THEN 'd' ELSE state END | -",
        "POSTGRESQL | UPDATE orders SET state = (CASE WHEN state = 'a' AND total > 1 THEN 'b' ELSE state END)     | -",
        "POSTGRESQL | UPDATE orders SET state = CASE state WHEN 'a' THEN 'b' ELSE state END, note = note          | -",
        "POSTGRESQL | UPDATE orders SET state = CASE WHEN (state IN ('a')) THEN CASE WHEN total > 1 THEN 'x' END ELSE state END | -",
        "POSTGRESQL | UPDATE orders SET state = CASE WHEN state = 'a' THEN 'b' END                   | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET state = CASE WHEN state = 'a' THEN 'b' ELSE note END         | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET state = CASE WHEN 1 = 1 THEN 'b' ELSE state END              | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET state = CASE WHEN state = 'a' OR TRUE THEN 'b' ELSE state END | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET state = CASE 1 WHEN 1 THEN 'b' ELSE state END                | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET total = CASE WHEN total > 5 THEN 5 ELSE total END + 1       | update-without-where 2:3",
        "POSTGRESQL | UPDATE orders SET state = CASE WHEN state = 'a' THEN 'b' ELSE state END, note = 'x' | update-without-where 2:3",
        "SQLSERVER  | UPDATE dbo.orders SET @last = total                                  | -",
        "SQLSERVER  | UPDATE dbo.orders SET @last = total, @count = @count + 1, note = note | -",
        "SQLSERVER  | UPDATE o SET @last = o.total FROM dbo.orders o                        | -",
        "SQLSERVER  | UPDATE dbo.orders SET @running = total = @running + 1                 | update-without-where 2:3",
        "SQLSERVER  | UPDATE dbo.orders SET @running = [total] = @running + 1               | update-without-where 2:3",
        "SQLSERVER  | UPDATE dbo.orders SET @last = total, note = 'x'                       | update-without-where 2:3",
        "SQLSERVER  | UPDATE dbo.orders SET @@last = total                                 | update-without-where 2:3",
        "SQLSERVER  | UPDATE dbo.orders SET @running = note = note                          | -",
        "H2         | UPDATE orders SET state = DECODE(state, 'a', 'b', 'c', 'd', state)      | -",
        "ORACLE     | UPDATE orders o SET o.state = decode(o.state, 1, 2, o.state)            | -",
        "H2         | UPDATE orders SET state = DECODE(state, 'a', 'b')                       | update-without-where 2:3",
        "H2         | UPDATE orders SET state = DECODE(state, 'a', 'b', note)                 | update-without-where 2:3",
        "H2         | UPDATE orders SET state = DECODE(note, 'a', 'b', state)                 | update-without-where 2:3",
        "ORACLE     | UPDATE orders SET state = DECODE(state, note, 'b', state)               | update-without-where 2:3",
        "H2         | UPDATE orders SET state = DECODE(state, 'a', 'b', state) + 1            | update-without-where 2:3",
        "POSTGRESQL | UPDATE \"User\" SET \"roles\" = array_replace(\"roles\", 'OWNER', 'ADMIN')   | -",
        "POSTGRESQL | UPDATE users SET roles = ARRAY_REPLACE(roles, 'OWNER'::\"Role\", 'ADMIN'::\"Role\") | -",
        "POSTGRESQL | UPDATE users SET tags = array_remove(tags, 'old')                         | -",
        "POSTGRESQL | UPDATE users SET tags = array_remove(tags, 'old'), note = 'x'             | update-without-where 2:3",
        "POSTGRESQL | UPDATE users SET tags = array_replace(other_tags, 'a', 'b')                | update-without-where 2:3",
        "POSTGRESQL | UPDATE users SET tags = array_replace(tags, 'a', name)                     | update-without-where 2:3",
        "POSTGRESQL | UPDATE users SET tags = array_cat(array_remove(tags, 'a'), '{x}')         | update-without-where 2:3",
    })
    void writingBackOwnValuesChangesNothing(Dialect dialect, String sql, String expected) {
        AlwaysTrueConditionFormsTest.assertRowFindings(dialect, sql, expected);
    }
}
