package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guards that remember a table by name within one run (created in the script, emptied or dropped earlier, copied
 * earlier) compare names as the database resolves them: an unqualified name means the current database or schema,
 * which {@code USE}, psql's {@code \c} and {@code SET search_path} change, a qualified one its own. A table of the
 * same name in another database or schema is another table, whose rows a drop loses.
 */
class LinterNamesResolvedInTheirDatabaseTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // dropped earlier in the run
        "MYSQL | DROP TABLE shop2.orders;\\nDROP TABLE orders; | 1:1 drop-table ERROR / 2:1 drop-table ERROR",
        "MYSQL | DROP TABLE orders;\\nDROP TABLE orders; | 1:1 drop-table ERROR / 2:1 drop-table INFO",
        "MYSQL | DROP TABLE shop2.orders;\\nDROP TABLE shop2.orders; | 1:1 drop-table ERROR / 2:1 drop-table INFO",
        "MYSQL | DROP TABLE s.t;\\nUSE s;\\nDROP TABLE t; | 1:1 drop-table ERROR / 3:1 drop-table INFO",
        "MYSQL | USE a;\\nDROP TABLE t;\\nUSE b;\\nDROP TABLE t; | 2:1 drop-table ERROR / 4:1 drop-table ERROR",
        "SQLSERVER | DROP TABLE shop2.dbo.orders\\nGO\\nDROP TABLE orders\\nGO"
                + " | 1:1 drop-table ERROR / 3:1 drop-table ERROR",
        "SQLSERVER | DROP TABLE dbo.orders\\nGO\\nDROP TABLE orders\\nGO | 1:1 drop-table ERROR / 3:1 drop-table INFO",
        "SQLSERVER | USE shop2\\nGO\\nDROP TABLE orders\\nGO\\nDROP TABLE shop2.dbo.orders\\nGO"
                + " | 3:1 drop-table ERROR / 5:1 drop-table INFO",
        "POSTGRESQL | DROP TABLE orders;\\nSET search_path TO app;\\nDROP TABLE orders;"
                + " | 1:1 drop-table ERROR / 3:1 drop-table ERROR",
        "POSTGRESQL | DROP TABLE orders;\\n\\\\c other\\nDROP TABLE orders;"
                + " | 1:1 drop-table ERROR / 3:1 drop-table ERROR",
        // created in the script
        "MYSQL | CREATE TABLE t (id INT);\\nDROP TABLE t; | -",
        "MYSQL | CREATE TABLE s.t (id INT);\\nDROP TABLE s.t; | -",
        "MYSQL | CREATE TABLE s.t (id INT);\\nDROP TABLE t; | 2:1 drop-table ERROR",
        "MYSQL | CREATE TABLE s.t (id INT);\\nUSE s;\\nDROP TABLE t; | -",
        "MYSQL | USE s;\\nCREATE TABLE t (id INT);\\nUSE r;\\nDROP TABLE s.t; | -",
        "SQLSERVER | CREATE TABLE t (id INT)\\nGO\\nDROP TABLE other.dbo.t\\nGO | 3:1 drop-table ERROR",
        "SQLSERVER | USE other\\nGO\\nCREATE TABLE t (id INT)\\nGO\\nDROP TABLE other.dbo.t\\nGO | -",
        "POSTGRESQL | CREATE TABLE t (id INT);\\nSET search_path TO app;\\nDROP TABLE t; | 3:1 drop-table ERROR",
        "POSTGRESQL | CREATE TABLE app.t (id INT);\\nSET search_path TO app;\\nDROP TABLE t; | -",
        "POSTGRESQL | CREATE TABLE t (id INT);\\nDROP TABLE public.t; | -",
        "POSTGRESQL | SET search_path = public, pg_catalog;\\nCREATE TABLE t (id INT);\\nDROP TABLE public.t; | -",
        "POSTGRESQL | SET search_path TO app, public;\\nCREATE TABLE t (id INT);\\nDROP TABLE t; | -",
        // With several schemas on the path, t may mean app.t or public.t depending on what exists (fail closed).
        "POSTGRESQL | SET search_path TO app, public;\\nCREATE TABLE t (id INT);\\nDROP TABLE app.t;"
                + " | 3:1 drop-table ERROR",
        "POSTGRESQL | CREATE TABLE t (id INT);\\nDO $$ BEGIN PERFORM set_config('search_path', 'app', false); END $$;"
                + "\\nDROP TABLE t; | 3:1 drop-table ERROR",
        "POSTGRESQL | CREATE TABLE t (id INT);\\nSELECT set_config('search_path', 'app', false);\\nDROP TABLE t;"
                + " | 3:1 drop-table ERROR",
        "POSTGRESQL | CREATE TABLE t (id INT);\\nUPDATE pg_settings SET setting = 'app' WHERE name = 'search_path';"
                + "\\nDROP TABLE t; | 3:1 drop-table ERROR",
        // Reading the search path, or saving it to put it back later, switches nothing.
        "POSTGRESQL | CREATE TABLE t (id INT);\\nCREATE TEMP TABLE saved AS SELECT setting FROM pg_settings"
                + " WHERE name = 'search_path';\\nDROP TABLE t;\\nDROP TABLE saved; | -",
        "POSTGRESQL | CREATE TABLE t (id INT);\\nSELECT current_setting('search_path');\\nSHOW search_path;"
                + "\\nDROP TABLE t; | -",
        // PostgreSQL looks an unqualified name up among the session's temporary tables before the search path.
        "POSTGRESQL | CREATE TEMP TABLE saved AS SELECT 1 AS x;\\nSET search_path TO app;\\nDROP TABLE saved; | -",
        "POSTGRESQL | SELECT * INTO TEMPORARY saved FROM orders;\\nUPDATE pg_settings SET setting = 'app'"
                + " WHERE name = 'search_path';\\nDROP TABLE saved; | -",
        "POSTGRESQL | CREATE TEMP TABLE saved (x INT);\\nSET search_path TO app;\\nDROP TABLE app.saved;"
                + " | 3:1 drop-table ERROR",
        "POSTGRESQL | CREATE TEMP TABLE saved (x INT);\\nDROP TABLE saved;\\nSET search_path TO app;"
                + "\\nDROP TABLE saved; | 4:1 drop-table ERROR",
        // emptied earlier in the run
        "MYSQL | TRUNCATE TABLE orders;\\nDROP TABLE orders; | 1:1 truncate-table ERROR / 2:1 drop-table INFO",
        "MYSQL | TRUNCATE TABLE shop2.orders;\\nDROP TABLE orders; | 1:1 truncate-table ERROR / 2:1 drop-table ERROR",
        "MYSQL | TRUNCATE TABLE orders;\\nUSE other;\\nDROP TABLE orders;"
                + " | 1:1 truncate-table ERROR / 3:1 drop-table ERROR",
        "MYSQL | TRUNCATE TABLE s.orders;\\nUSE s;\\nDROP TABLE orders;"
                + " | 1:1 truncate-table ERROR / 3:1 drop-table INFO",
        "POSTGRESQL | TRUNCATE orders;\\nSET search_path TO app;\\nDROP TABLE orders;"
                + " | 1:1 truncate-table ERROR / 3:1 drop-table ERROR",
        // copied earlier in the run
        "MYSQL | CREATE TABLE orders_copy AS SELECT * FROM orders;\\nDROP TABLE orders; | 2:1 drop-table INFO",
        "MYSQL | CREATE TABLE orders_copy AS SELECT * FROM shop2.orders;\\nDROP TABLE orders; | 2:1 drop-table ERROR",
        "MYSQL | CREATE TABLE orders_copy AS SELECT * FROM orders;\\nUSE other;\\nDROP TABLE orders;"
                + " | 3:1 drop-table ERROR",
        "SQLSERVER | SELECT * INTO orders_copy FROM orders\\nGO\\nDROP TABLE other.dbo.orders\\nGO"
                + " | 3:1 drop-table ERROR",
        // columns added earlier in the run
        "MYSQL | ALTER TABLE a.t ADD COLUMN c INT;\\nALTER TABLE a.t DROP COLUMN c; | 2:17 drop-column INFO",
        "MYSQL | ALTER TABLE a.t ADD COLUMN c INT;\\nALTER TABLE b.t DROP COLUMN c; | 2:17 drop-column ERROR",
        "MYSQL | ALTER TABLE t ADD COLUMN c INT;\\nUSE other;\\nALTER TABLE t DROP COLUMN c; | 3:15 drop-column ERROR",
        "POSTGRESQL | ALTER TABLE t ADD COLUMN c INT;\\nSET search_path TO app;\\nALTER TABLE t DROP COLUMN c;"
                + " | 3:15 drop-column ERROR",
        // a name given back later in the run
        "POSTGRESQL | ALTER TABLE t RENAME TO t_old;\\nCREATE TABLE t (id INT); | 1:15 rename-table INFO",
        "POSTGRESQL | ALTER TABLE t RENAME TO t_old;\\nCREATE TABLE other.t (id INT); | 1:15 rename-table WARNING",
        "POSTGRESQL | ALTER TABLE s.t RENAME TO t_old;\\nALTER TABLE s.t_new RENAME TO t;"
                + " | 1:17 rename-table INFO / 2:21 rename-table WARNING",
        "MYSQL | RENAME TABLE t TO t_old;\\nUSE other;\\nCREATE TABLE t (id INT); | 1:1 rename-table WARNING",
        "MYSQL | RENAME TABLE a TO t_lc;\\nRENAME TABLE t_lc TO b; | 1:1 rename-table WARNING / 2:1 rename-table INFO",
        "MYSQL | RENAME TABLE a TO t_lc;\\nUSE other;\\nRENAME TABLE t_lc TO b;"
                + " | 1:1 rename-table WARNING / 3:1 rename-table WARNING",
        // a column swapped for its copy
        "POSTGRESQL | ALTER TABLE t ADD COLUMN c_new TEXT;\\nUPDATE t SET c_new = c;\\n"
                + "ALTER TABLE t RENAME COLUMN c TO c_old;\\nALTER TABLE t RENAME COLUMN c_new TO c;"
                + " | 2:1 update-without-where INFO / 3:15 rename-column INFO / 4:15 rename-column INFO",
        "POSTGRESQL | ALTER TABLE t ADD COLUMN c_new TEXT;\\nUPDATE archive.t SET c_new = c;\\n"
                + "ALTER TABLE t RENAME COLUMN c TO c_old;\\nALTER TABLE t RENAME COLUMN c_new TO c;"
                + " | 2:1 update-without-where ERROR / 3:15 rename-column WARNING / 4:15 rename-column WARNING",
    })
    void aNameMeansTheTableOfItsDatabase(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }
}
