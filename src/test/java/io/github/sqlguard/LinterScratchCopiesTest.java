package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table the script created holds only rows the script put there, so destroying it loses nothing, until the script
 * destroys the table those rows were copied from: the drop of the source is safe because of the copy, and from then
 * on the copy is the only one, so destroying it is reported.
 */
class LinterScratchCopiesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | CREATE TABLE o_a AS SELECT * FROM o_old;\\nDROP TABLE o_old;\\nDELETE FROM o_a; |"
                + " 2:1 drop-table INFO / 3:1 delete-without-where ERROR",
        "POSTGRESQL | CREATE TABLE o_a AS SELECT * FROM o_old;\\nDROP TABLE o_old;\\nDROP TABLE o_a; |"
                + " 2:1 drop-table INFO / 3:1 drop-table ERROR",
        "ORACLE | CREATE TABLE o_a (id NUMBER, name VARCHAR2(10));\\nINSERT INTO o_a SELECT id, name FROM o_old;\\n"
                + "TRUNCATE TABLE o_old;\\nTRUNCATE TABLE o_a; | 3:1 truncate-table ERROR / 4:1 truncate-table ERROR",
        "MYSQL | CREATE TABLE o_a (id INT, name VARCHAR(10));\\nINSERT INTO o_a SELECT o.id, o.name FROM x, o_old o;\\n"
                + "DELETE FROM o_old;\\nALTER TABLE o_a DROP COLUMN name; | 3:1 delete-without-where ERROR"
                + " / 4:17 drop-column ERROR",
        "POSTGRESQL | CREATE TABLE o_a (id int, name text);\\nINSERT INTO o_a (id) SELECT id FROM o_old;\\n"
                + "UPDATE o_a SET name = o.name FROM o_old o WHERE o.id = o_a.id;\\nALTER TABLE o_old DROP COLUMN name;\\n"
                + "UPDATE o_a SET name = NULL; | 4:19 drop-column ERROR / 5:1 update-without-where ERROR",
        // The copy is renamed onto a fresh name: the rows stay the only copy, and the rename breaks nothing.
        "POSTGRESQL | CREATE TABLE o_a AS SELECT * FROM o_old;\\nDROP TABLE o_old;\\nALTER TABLE o_a RENAME TO o_b;\\n"
                + "DELETE FROM o_b; | 2:1 drop-table INFO / 4:1 delete-without-where ERROR",
        // The source survives: the scratch table is only a copy.
        "POSTGRESQL | CREATE TABLE o_a AS SELECT * FROM o_old;\\nDELETE FROM o_a;\\nDROP TABLE o_a; | -",
        "POSTGRESQL | CREATE TABLE o_a AS SELECT * FROM o_old;\\nDELETE FROM o_old WHERE id = 1;\\nDROP TABLE o_a; | -",
        "POSTGRESQL | CREATE TABLE o_a (id int);\\nINSERT INTO o_a VALUES (1);\\nDROP TABLE o_old;\\nDROP TABLE o_a; |"
                + " 3:1 drop-table ERROR",
        // The copy was dropped before its source lost the column: a new table of its name holds none of it.
        "MYSQL | CREATE TABLE t1 (id INT, code VARCHAR(30));\\nINSERT INTO t1 SELECT id, code FROM billing;\\n"
                + "DROP TABLE IF EXISTS t1;\\nDELETE FROM billing;\\nCREATE TABLE t1 (id INT, seq INT);\\n"
                + "INSERT INTO t1 VALUES (1, 2);\\nDROP TABLE t1; | 4:1 delete-without-where ERROR",
        // A DELETE limited by a join chooses its rows as one limited by a WHERE does: the copy stays scratch.
        "MYSQL | CREATE TABLE gone (id INT);\\nINSERT INTO gone (id) SELECT o.id FROM orders o WHERE o.closed = 1;\\n"
                + "DELETE o FROM orders o JOIN gone g ON g.id = o.id;\\nDROP TABLE gone; | -",
        "MYSQL | CREATE TABLE gone (id INT);\\nINSERT INTO gone (id) SELECT o.id FROM orders o WHERE o.closed = 1;\\n"
                + "DELETE o FROM orders o LEFT JOIN gone g ON g.id = o.id;\\nDROP TABLE gone; |"
                + " 3:1 delete-without-where ERROR / 4:1 drop-table ERROR",
        "MYSQL | CREATE TABLE gone (id INT);\\nINSERT INTO gone (id) SELECT o.id FROM orders o;\\n"
                + "DELETE o FROM orders o JOIN gone g ON g.id = o.id;\\nDROP TABLE gone; |"
                + " 3:1 always-true-where ERROR / 4:1 drop-table ERROR",
        // A joined table that only chose the rows gave none of its values: the copy holds nothing of it.
        "MYSQL | CREATE TABLE ids (id INT);\\nINSERT INTO ids (id) SELECT p.id FROM pools p JOIN grants g ON"
                + " g.pool_id = p.id;\\nDELETE FROM grants;\\nDROP TABLE ids; | 3:1 delete-without-where ERROR",
        "MYSQL | CREATE TABLE ids (id INT);\\nINSERT INTO ids (id) SELECT g.pool_id FROM pools p JOIN grants g ON"
                + " g.pool_id = p.id;\\nDELETE FROM grants;\\nDROP TABLE ids; | 3:1 delete-without-where ERROR"
                + " / 4:1 drop-table ERROR",
        "MYSQL | CREATE TABLE ids (id INT);\\nINSERT INTO ids (id) SELECT pool_id FROM pools p JOIN grants g ON"
                + " g.pool_id = p.id;\\nDELETE FROM grants;\\nDROP TABLE ids; | 3:1 delete-without-where ERROR"
                + " / 4:1 drop-table ERROR",
        // The rebuild: the copy takes the old name and is the live table from then on, as before.
        "SQLITE | CREATE TABLE t_new (id INTEGER PRIMARY KEY);\\nINSERT INTO t_new SELECT id FROM t;\\nDROP TABLE t;\\n"
                + "ALTER TABLE t_new RENAME TO t; | 3:1 drop-table ERROR",
    })
    void aScratchTableHoldingTheOnlyCopyIsNoLongerScratch(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | CREATE TABLE o_a AS SELECT * FROM o_old;\\nALTER TABLE o_old DROP COLUMN note;\\nDROP TABLE o_a; |"
                + " DROP TABLE removes table o_a and all its rows: o_a holds the only copy of column note of o_old,"
                + " which line 2 drops",
        "POSTGRESQL | CREATE TABLE o_a AS SELECT * FROM o_old;\\nDELETE FROM o_old;\\nDELETE FROM o_a; |"
                + " DELETE without WHERE removes every row of o_a: o_a holds the only copy of the rows of o_old,"
                + " which line 2 deletes",
        "ORACLE | CREATE TABLE o_a AS SELECT * FROM o_old;\\nTRUNCATE TABLE o_old;\\nALTER TABLE o_a RENAME TO o_b;\\n"
                + "TRUNCATE TABLE o_b; | TRUNCATE removes every row of table o_b: o_b holds the only copy of the rows"
                + " of o_old, which line 2 truncates",
    })
    void theFindingAboutTheOnlyCopySaysWhatItHolds(Dialect dialect, String sql, String expected) {
        assertEquals(expected, OneScript.findings(dialect, sql.replace("\\n", "\n")).get(1).message(), sql);
    }
}
