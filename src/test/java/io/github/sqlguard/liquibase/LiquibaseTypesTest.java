package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiquibaseTypesTest {

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CURRENCY           | POSTGRESQL | DECIMAL
            currency           | MYSQL      | DECIMAL
            CURRENCY           | ORACLE     | NUMBER(15,2)
            CURRENCY           | H2         | DECIMAL(18,4)
            smallmoney         | SQLSERVER  | SMALLMONEY
            BOOLEAN            | MYSQL      | TINYINT
            boolean            | SQLSERVER  | BIT
            BOOLEAN            | ORACLE     | NUMBER(1)
            bool               | POSTGRESQL | BOOLEAN
            bit                | POSTGRESQL | bit
            DATETIME           | POSTGRESQL | TIMESTAMP
            datetime(3)        | ORACLE     | TIMESTAMP(3)
            datetime2(6)       | MYSQL      | DATETIME(6)
            DATETIME           | H2         | TIMESTAMP
            datetime2(3)       | SQLSERVER  | datetime2(3)
            timestamp(3)       | SQLSERVER  | DATETIME2(3)
            CLOB               | POSTGRESQL | TEXT
            clob               | MYSQL      | LONGTEXT
            mediumtext         | MARIADB    | MEDIUMTEXT
            text               | ORACLE     | CLOB
            ntext              | SQLSERVER  | NVARCHAR(MAX)
            text(100)          | POSTGRESQL | text(100)
            BLOB               | POSTGRESQL | OID
            varbinary(16)      | POSTGRESQL | BYTEA
            varbinary(16)      | ORACLE     | RAW(16)
            BLOB               | SQLSERVER  | VARBINARY(MAX)
            TINYINT            | POSTGRESQL | SMALLINT
            tinyint            | ORACLE     | NUMBER(3)
            smallint           | ORACLE     | NUMBER(5)
            SMALLINT(6)        | ORACLE     | NUMBER(5)
            int(20)            | ORACLE     | INTEGER
            SMALLINT           | MYSQL      | SMALLINT
            tinyint(1)         | MYSQL      | tinyint(1)
            UUID               | MYSQL      | CHAR(36)
            uuid               | ORACLE     | RAW(16)
            UUID               | SQLSERVER  | UNIQUEIDENTIFIER
            NVARCHAR(100)      | POSTGRESQL | VARCHAR(100)
            nvarchar(100)      | ORACLE     | NVARCHAR2(100)
            NUMBER(10)         | MYSQL      | NUMERIC(10)
            number             | ORACLE     | NUMBER
            BIGINT             | ORACLE     | NUMBER(38,0)
            java.lang.Long     | ORACLE     | NUMBER(38,0)
            BIGINT             | MYSQL      | BIGINT
            VARCHAR(10)        | POSTGRESQL | VARCHAR(10)
            timestamp with time zone | POSTGRESQL | timestamp with time zone
            CURRENCY           | AUTO       | CURRENCY
            """)
    void aLiquibaseTypeNameIsTheTypeTheDatabaseGets(String written, Dialect dialect, String expected) {
        assertEquals(expected, LiquibaseTypes.forDatabase(written, dialect));
    }
}
