package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A table rebuild (create the new table, copy the rows, drop the old one, rename the new one) guards the drop only
 * when the copy keeps each value as it was. A function that cuts, rounds or folds a value ({@code substr}, {@code
 * lower}, {@code round}, {@code date}) or a cast to a type that cannot hold it converts the column: the drop stays an
 * ERROR and names the column and what changed it. So does a copy into a narrower column of the new table, as the
 * same change by ALTER would be reported, except in SQLite, whose declared types set no length; there only a column
 * whose type affinity converts values does (a text column copied into a number column turns {@code '007'} into 7).
 */
class LinterLossyRebuildCopyTest {

    @TempDir
    Path project;

    /**
     * Each line: the dialect, the old column's type, the new column's type, the select item that copies it, and the
     * finding of the DROP TABLE at line 3 as {@code line:column rule SEVERITY}, then what its message ends with.
     */
    @ParameterizedTest(name = "{0}: {1} into {2} by {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SQLITE     | TEXT          | TEXT         | substr(name, 1, 10)        | ERROR | (values of name converted to new_items at line 2 by substr, which may change them)
            SQLITE     | TEXT          | TEXT         | lower(name)                | ERROR | (values of name converted to new_items at line 2 by lower, which may change them)
            SQLITE     | TEXT          | TEXT         | trim(i.name) AS name       | ERROR | (values of name converted to new_items at line 2 by trim, which may change them)
            SQLITE     | TEXT          | TEXT         | date(name)                 | ERROR | (values of name converted to new_items at line 2 by date, which may change them)
            POSTGRESQL | varchar(100)  | varchar(100) | substring(name from 1 for 10) | ERROR | (values of name converted to new_items at line 2 by substring, which may change them)
            POSTGRESQL | varchar(100)  | varchar(100) | upper(name)                | ERROR | (values of name converted to new_items at line 2 by upper, which may change them)
            POSTGRESQL | numeric(12,2) | numeric(12,2) | round(name)               | ERROR | (values of name converted to new_items at line 2 by round, which may change them)
            POSTGRESQL | numeric(12,2) | numeric(12,2) | trunc(name)               | ERROR | (values of name converted to new_items at line 2 by trunc, which may change them)
            POSTGRESQL | timestamp     | date         | CAST(name AS date)         | ERROR | (values of name converted to new_items at line 2 by a cast to date, which may change them)
            POSTGRESQL | timestamp     | date         | name::date                 | ERROR | (values of name converted to new_items at line 2 by a cast to date, which may change them)
            POSTGRESQL | timestamp     | date         | (name::date)               | ERROR | (values of name converted to new_items at line 2 by a cast to date, which may change them)
            POSTGRESQL | varchar(100)  | varchar(100) | ((lower(name)))            | ERROR | (values of name converted to new_items at line 2 by lower, which may change them)
            POSTGRESQL | varchar(100)  | varchar(100) | (SELECT upper(name)) AS name | ERROR | (values of name converted to new_items at line 2 by upper, which may change them)
            MYSQL      | varchar(100)  | varchar(100) | left(name, 10)             | ERROR | (values of name converted to new_items at line 2 by left, which may change them)
            MYSQL      | decimal(12,2) | decimal(12,2) | floor(name)               | ERROR | (values of name converted to new_items at line 2 by floor, which may change them)
            MYSQL      | varchar(100)  | varchar(100) | CAST(name AS CHAR(10))     | ERROR | (values of name converted to new_items at line 2 by a cast to CHAR(10), which may change them)
            MYSQL      | datetime      | datetime     | date(name)                 | ERROR | (values of name converted to new_items at line 2 by date, which may change them)
            SQLITE     | TEXT          | TEXT         | name                       | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | TEXT          | TEXT         | CAST(name AS TEXT)         | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | TEXT          | TEXT         | coalesce(name, '')         | INFO  | (guarded: rows copied to new_items at line 2)
            POSTGRESQL | varchar(100)  | text         | name::text                 | INFO  | (guarded: rows copied to new_items at line 2)
            POSTGRESQL | integer       | bigint       | CAST(name AS bigint)       | INFO  | (guarded: rows copied to new_items at line 2)
            POSTGRESQL | integer       | bigint       | (SELECT name::bigint)      | INFO  | (guarded: rows copied to new_items at line 2)
            POSTGRESQL | varchar(100)  | varchar(100) | CASE WHEN lower(name) = 'x' THEN 'y' ELSE name END | INFO | (guarded: rows copied to new_items at line 2)
            MYSQL      | varchar(100)  | varchar(100) | COALESCE(name, 'none')     | INFO  | (guarded: rows copied to new_items at line 2)
            """)
    void aCopyThroughALossyFunctionConvertsTheColumn(Dialect dialect, String oldType, String newType, String item,
            String severity, String ending) throws IOException {
        Finding drop = dropOfRebuild(dialect, oldType, newType, item);

        assertEquals("3:1 drop-table " + severity, place(drop));
        assertEquals("DROP TABLE removes table items and all its rows " + ending, drop.message());
    }

    /**
     * Each line: the dialect, the old column's type, the new column's type, and what the DROP TABLE's finding
     * says: a narrower column in the new table cuts or refuses the values that do not fit, as ALTER would; one that
     * only rounds them (a smaller scale, fewer fractional seconds) changes them without an error in every database.
     * UNSIGNED narrows nothing where the database has no unsigned integers (a PostgreSQL or SQLite script whose first
     * steps were written for MySQL).
     */
    @ParameterizedTest(name = "{0}: {1} into {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | varchar(100)  | varchar(10)  | ERROR | (values of name converted to new_items at line 2 into name varchar(10) (shorter: 100 to 10 characters): the copy fails on a value that does not fit)
            MYSQL      | varchar(100)  | varchar(10)  | ERROR | (values of name converted to new_items at line 2 into name varchar(10) (shorter: 100 to 10 characters): without strict mode MySQL cuts or clamps a value that does not fit, in strict mode the copy fails on it)
            MYSQL      | int           | smallint     | ERROR | (values of name converted to new_items at line 2 into name smallint (narrower integer): without strict mode MySQL cuts or clamps a value that does not fit, in strict mode the copy fails on it)
            POSTGRESQL | decimal(12,2) | decimal(8,2) | ERROR | (values of name converted to new_items at line 2 into name decimal(8, 2) (fewer integer digits: 10 to 6): the copy fails on a value that does not fit)
            ORACLE     | number(12,5)  | number(12,0) | ERROR | (values of name converted to new_items at line 2 into name number(12, 0) (scale 5 to 0 rounds values): the copy changes such values without an error)
            MYSQL      | decimal(12,4) | decimal(14,2) | ERROR | (values of name converted to new_items at line 2 into name decimal(14, 2) (scale 4 to 2 rounds values): the copy changes such values without an error)
            POSTGRESQL | timestamp(6)  | timestamp(0) | ERROR | (values of name converted to new_items at line 2 into name timestamp(0) (fractional seconds 6 to 0): the copy changes such values without an error)
            SQLITE     | varchar(100)  | varchar(10)  | INFO  | (guarded: rows copied to new_items at line 2)
            POSTGRESQL | varchar(10)   | varchar(100) | INFO  | (guarded: rows copied to new_items at line 2)
            MYSQL      | smallint      | int          | INFO  | (guarded: rows copied to new_items at line 2)
            MYSQL      | bigint unsigned | bigint     | ERROR | (values of name converted to new_items at line 2 into name bigint (signed holds only half the unsigned range): without strict mode MySQL cuts or clamps a value that does not fit, in strict mode the copy fails on it)
            POSTGRESQL | bigint unsigned | bigint     | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | bigint unsigned | bigint     | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | text          | integer      | ERROR | (values of name converted to new_items at line 2 into name integer (a text that reads as a number, '007' or '1.50', is stored as that number): SQLite converts such values without an error)
            SQLITE     | varchar(20)   | decimal(10,2) | ERROR | (values of name converted to new_items at line 2 into name decimal(10, 2) (a text that reads as a number, '007' or '1.50', is stored as that number): SQLite converts such values without an error)
            SQLITE     | clob          | double       | ERROR | (values of name converted to new_items at line 2 into name double (a text that reads as a number, '007' or '1.50', is stored as that number): SQLite converts such values without an error)
            SQLITE     | bigint        | real         | ERROR | (values of name converted to new_items at line 2 into name real (an integer beyond 2^53, 9007199254740993, is stored as a REAL that rounds it): SQLite converts such values without an error)
            SQLITE     | text          | datetime     | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | varchar(255)  | string       | ERROR | (values of name converted to new_items at line 2 into name string (string has NUMERIC affinity in SQLite, so a text that reads as a number, '007' or '1.50', is stored as that number): SQLite converts such values without an error)
            SQLITE     | string        | text         | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | text          | json         | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | text          | boolean      | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | text          | blob         | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | integer       | text         | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | real          | integer      | INFO  | (guarded: rows copied to new_items at line 2)
            SQLITE     | int           | bigint       | INFO  | (guarded: rows copied to new_items at line 2)
            POSTGRESQL | bigint unsigned | int        | ERROR | (values of name converted to new_items at line 2 into name int (narrower integer): the copy fails on a value that does not fit)
            """)
    void aCopyIntoANarrowerColumnConvertsIt(Dialect dialect, String oldType, String newType, String severity,
            String ending) throws IOException {
        Finding drop = dropOfRebuild(dialect, oldType, newType, "name");

        assertEquals("3:1 drop-table " + severity, place(drop));
        assertEquals("DROP TABLE removes table items and all its rows " + ending, drop.message());
    }

    /**
     * A copy of every column in their order, {@code SELECT *}, fills the new table's columns at the same places: a
     * narrower one there converts its column as a column list would. Each line: the dialect, the old and the new type
     * of the second column, and the DROP TABLE's finding.
     */
    @ParameterizedTest(name = "{0}: {1} into {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | varchar(100) | varchar(10)  | 3:1 drop-table ERROR DROP TABLE removes table items and all its rows (values of name converted to new_items at line 2 into name varchar(10) (shorter: 100 to 10 characters): the copy fails on a value that does not fit)
            MYSQL      | int          | tinyint      | 3:1 drop-table ERROR DROP TABLE removes table items and all its rows (values of name converted to new_items at line 2 into name tinyint (narrower integer): without strict mode MySQL cuts or clamps a value that does not fit, in strict mode the copy fails on it)
            SQLITE     | varchar(100) | varchar(10)  | 3:1 drop-table INFO DROP TABLE removes table items and all its rows (guarded: rows copied to new_items at line 2)
            POSTGRESQL | varchar(100) | varchar(100) | 3:1 drop-table INFO DROP TABLE removes table items and all its rows (guarded: rows copied to new_items at line 2)
            """)
    void aCopyOfEveryColumnIntoANarrowerOneConvertsIt(Dialect dialect, String oldType, String newType,
            String expected) throws IOException {
        Finding drop = dropOfRebuildCopiedBy(dialect, oldType, newType, "INSERT INTO new_items SELECT * FROM items");

        assertEquals(expected, place(drop) + " " + drop.message());
    }

    /**
     * An UPDATE that copies a column into a narrower one of the same table, before the old one is dropped, converts
     * its values as a cast to that type would: the drop stays an ERROR and says so. Each line: the dialect, the
     * types of the old and the new column, and the finding of the drop at line 3.
     */
    @ParameterizedTest(name = "{0}: {1} into {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | varchar(100)  | varchar(10)   | 3:19 drop-column ERROR ALTER TABLE items drops column name (values of name converted to name_new at line 2 into name_new varchar(10) (shorter: 100 to 10 characters): the copy fails on a value that does not fit)
            MYSQL      | decimal(12,2) | decimal(12,0) | 3:19 drop-column ERROR ALTER TABLE items drops column name (values of name converted to name_new at line 2 into name_new decimal(12, 0) (scale 2 to 0 rounds values): the copy changes such values without an error)
            SQLITE     | varchar(100)  | varchar(10)   | 3:19 drop-column INFO ALTER TABLE items drops column name (guarded: values of name copied to name_new at line 2)
            SQLITE     | text          | integer       | 3:19 drop-column ERROR ALTER TABLE items drops column name (values of name converted to name_new at line 2 into name_new integer (a text that reads as a number, '007' or '1.50', is stored as that number): SQLite converts such values without an error)
            POSTGRESQL | varchar(10)   | varchar(100)  | 3:19 drop-column INFO ALTER TABLE items drops column name (guarded: values of name copied to name_new at line 2)
            """)
    void anUpdateCopyIntoANarrowerColumnConvertsIt(Dialect dialect, String oldType, String newType, String expected)
            throws IOException {
        write("db/V0__init.sql", "CREATE TABLE items (id integer PRIMARY KEY, name " + oldType + ");\n");
        List<Finding> findings = ProjectLint.findingsOfScript(project, dialect, """
                ALTER TABLE items ADD COLUMN name_new %s;
                UPDATE items SET name_new = name;
                ALTER TABLE items DROP COLUMN name;""".formatted(newType)).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(List.of(expected), findings.stream().map(f -> place(f) + " " + f.message()).toList());
    }

    /**
     * A copy of some columns to another table keeps a DROP COLUMN of them INFO only when it kept their values: one
     * through a lossy function or into a narrower column leaves the drop an ERROR that says so.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | varchar(100) | lower(name)   | varchar(100) | 2:19 drop-column ERROR ALTER TABLE items drops column name (values of name converted to item_names at line 1 by lower, which may change them)
            MYSQL      | varchar(100) | name          | varchar(10)  | 2:19 drop-column ERROR ALTER TABLE items drops column name (values of name converted to item_names at line 1 into name varchar(10) (shorter: 100 to 10 characters): without strict mode MySQL cuts or clamps a value that does not fit, in strict mode the copy fails on it)
            POSTGRESQL | varchar(100) | name          | varchar(100) | 2:19 drop-column INFO ALTER TABLE items drops column name (guarded: rows copied to item_names at line 1)
            """)
    void aColumnCopiedThroughAConversionStaysLostToItsDrop(Dialect dialect, String oldType, String item,
            String newType, String expected) throws IOException {
        write("db/V0__init.sql", "CREATE TABLE items (id integer PRIMARY KEY, name " + oldType + ");\n"
                + "CREATE TABLE item_names (id integer PRIMARY KEY, name " + newType + ");\n");
        List<Finding> findings = ProjectLint.findingsOfScript(project, dialect, """
                INSERT INTO item_names (id, name) SELECT id, %s FROM items;
                ALTER TABLE items DROP COLUMN name;""".formatted(item)).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(List.of(expected), findings.stream().map(f -> place(f) + " " + f.message()).toList());
    }

    /** The DROP TABLE of a rebuild whose copy reads {@code item} into {@code name}, by a column list. */
    private Finding dropOfRebuild(Dialect dialect, String oldType, String newType, String item) throws IOException {
        return dropOfRebuildCopiedBy(dialect, oldType, newType,
                "INSERT INTO new_items (id, name) SELECT id, " + item + " FROM items i");
    }

    private Finding dropOfRebuildCopiedBy(Dialect dialect, String oldType, String newType, String copy)
            throws IOException {
        write("db/V0__init.sql", "CREATE TABLE items (id integer PRIMARY KEY, name " + oldType + ");\n");
        List<Finding> drops = ProjectLint.findingsOfScript(project, dialect, """
                CREATE TABLE new_items (id integer PRIMARY KEY, name %s);
                %s;
                DROP TABLE items;
                ALTER TABLE new_items RENAME TO items;""".formatted(newType, copy)).stream()
                .filter(f -> f.ruleId().equals("drop-table")).toList();
        assertEquals(1, drops.size(), drops.toString());
        return drops.get(0);
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private static String place(Finding finding) {
        return finding.location().line() + ":" + finding.location().column() + " " + finding.ruleId() + " "
                + finding.severity();
    }
}
