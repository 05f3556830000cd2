package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MySQL install scripts and dumps that create their database first ({@code CREATE DATABASE shop; USE shop;}, or after
 * {@code DROP DATABASE IF EXISTS shop;}) and then drop each table before creating it: every table of that database
 * is new, so its drops, truncations and deletes lose nothing. {@code CREATE DATABASE IF NOT EXISTS} alone keeps a
 * database that may hold rows, as does a {@code USE} of another database. sqlcmd and psql go on after a
 * {@code CREATE DATABASE} that failed, so their scripts' drops stay reported.
 */
class LinterNewDatabaseTablesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "MYSQL | CREATE DATABASE `shop` DEFAULT CHARACTER SET utf8mb4;\\nUSE `shop`;\\n"
                + "DROP TABLE IF EXISTS `orders`;\\nCREATE TABLE `orders` (`id` bigint NOT NULL);\\n"
                + "TRUNCATE TABLE `customers`; | -",
        "MYSQL | DROP DATABASE IF EXISTS shop;\\nCREATE DATABASE IF NOT EXISTS shop;\\nUSE shop;\\n"
                + "DROP TABLE IF EXISTS orders;\\nDELETE FROM customers; | 1:1 drop-database ERROR",
        "MYSQL | CREATE SCHEMA shop;\\nDROP TABLE IF EXISTS shop.orders; | -",
        "MYSQL | CREATE DATABASE IF NOT EXISTS shop;\\nUSE shop;\\nDROP TABLE IF EXISTS orders;"
                + " | 3:1 drop-table ERROR",
        "MYSQL | CREATE DATABASE shop;\\nUSE legacy;\\nDROP TABLE IF EXISTS orders; | 3:1 drop-table ERROR",
        "MYSQL | CREATE DATABASE shop;\\nDROP TABLE IF EXISTS orders; | 2:1 drop-table ERROR",
        "MYSQL | CREATE DATABASE shop;\\nUSE shop;\\nDROP TABLE legacy.orders; | 3:1 drop-table ERROR",
        "MYSQL | CREATE DATABASE shop;\\nUSE shop;\\nDROP DATABASE shop;\\nDROP TABLE orders;"
                + " | 3:1 drop-database ERROR / 4:1 drop-table ERROR",
        "SQLSERVER | CREATE DATABASE [shop]\\nGO\\nUSE [shop]\\nGO\\n"
                + "IF EXISTS (SELECT * FROM sys.objects WHERE object_id = OBJECT_ID(N'[dbo].[orders]'))\\n"
                + "    DROP TABLE [dbo].[orders]\\nGO | 6:5 drop-table ERROR",
        "POSTGRESQL | CREATE DATABASE shop;\\n\\c shop\\nDROP TABLE IF EXISTS orders; | 3:1 drop-table ERROR",
        "AUTO | CREATE DATABASE `shop`;\\nUSE `shop`;\\nALTER TABLE orders DROP COLUMN note; | -",
        "AUTO | CREATE DATABASE shop\\nGO\\nUSE shop\\nGO\\nDROP TABLE orders\\nGO | 5:1 drop-table ERROR",
        "POSTGRESQL | CREATE TABLE t (id INT);\\n\\c legacy\\nDROP TABLE t; | 3:1 drop-table ERROR",
        "MYSQL | CREATE DATABASE IF NOT EXISTS a;\\nUSE a;\\nDROP TABLE IF EXISTS t;\\nCREATE TABLE t (id INT);\\n"
                + "CREATE DATABASE IF NOT EXISTS b;\\nUSE b;\\nDROP TABLE IF EXISTS t;\\nCREATE TABLE t (id INT);\\n"
                + "USE b;\\nDROP TABLE t; | 3:1 drop-table ERROR / 7:1 drop-table ERROR",
        // b.t may have held rows before CREATE TABLE IF NOT EXISTS: its drop is reported, not taken for a new table.
        // Nor is it a.t, which line 2 dropped: the name means b's table there.
        "MYSQL | USE a;\\nDROP TABLE t;\\nUSE b;\\nCREATE TABLE IF NOT EXISTS t (id INT);\\nDROP TABLE t;"
                + " | 2:1 drop-table ERROR / 5:1 drop-table ERROR",
    })
    void tablesOfADatabaseTheScriptCreatedHoldNothingYet(Dialect dialect, String sql, String expected) {
        List<String> found = OneScript.placesAndSeverities(dialect, sql);
        assertEquals(expected.equals("-") ? List.of() : List.of(expected.split(" / ")), found, sql);
    }
}
