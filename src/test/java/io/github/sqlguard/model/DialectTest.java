package io.github.sqlguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            postgresql, POSTGRESQL
            ' PostgreSQL ', POSTGRESQL
            postgres, POSTGRESQL
            PG, POSTGRESQL
            pgsql, POSTGRESQL
            sqlserver, SQLSERVER
            mssql, SQLSERVER
            tsql, SQLSERVER
            sqlite3, SQLITE
            SQL_SERVER, SQLSERVER
            cockroachdb, POSTGRESQL
            MariaDB, MARIADB
            auto, AUTO
            """)
    void aConfiguredNameOrTheNameTheDatabaseGoesByElsewhereIsRead(String value, Dialect expected) {
        assertEquals(expected, Dialect.fromConfig(value));
    }

    @Test
    void anUnknownNameIsRefusedWithTheValidValues() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Dialect.fromConfig("postgress"));
        assertEquals("Unknown dialect 'postgress'; valid values are: auto, postgresql, mysql, mariadb, sqlserver, "
                + "oracle, h2, sqlite", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dialect.fromConfig(""));
    }

    @Test
    void aDatabaseWithoutADialectOfItsOwnIsPointedAtAuto() {
        String message = assertThrows(IllegalArgumentException.class, () -> Dialect.fromConfig("DB2")).getMessage();
        assertTrue(message.endsWith("(db2 has no dialect of its own here: auto reads the forms the dialects share)"),
                message);
        assertFalse(Dialect.fromConfig("mysql").isSameFamily(Dialect.POSTGRESQL));
        // the same names as folders of scripts per database are read by
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dialect.fromConfig("ClickHouse")).getMessage()
                .endsWith("(clickhouse has no dialect of its own here: auto reads the forms the dialects share)"));
    }
}
