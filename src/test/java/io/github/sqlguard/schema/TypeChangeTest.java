package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeChangeTest {

    @ParameterizedTest(name = "{2}: {0} -> {1} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            VARCHAR(100)                | VARCHAR(200)                | POSTGRESQL | LOSSLESS
            character varying(100)      | varchar(100)                | POSTGRESQL | LOSSLESS
            VARCHAR(200)                | VARCHAR(100)                | POSTGRESQL | LOSSY
            varchar(255)                | text                        | POSTGRESQL | LOSSLESS
            text                        | varchar(255)                | POSTGRESQL | LOSSY
            varchar(50)                 | varchar                     | POSTGRESQL | LOSSLESS
            user_role                   | text                        | POSTGRESQL | LOSSLESS
            inet                        | varchar                     | POSTGRESQL | LOSSLESS
            user_role                   | varchar(20)                 | POSTGRESQL | LOSSY
            geometry                    | text                        | MYSQL      | LOSSY
            int4                        | int8                        | POSTGRESQL | LOSSLESS
            serial                      | bigint                      | POSTGRESQL | LOSSLESS
            SERIAL                      | INT                         | MYSQL      | LOSSY
            YEAR                        | SMALLINT                    | MYSQL      | LOSSLESS
            YEAR(4)                     | INT                         | MYSQL      | LOSSLESS
            YEAR                        | TINYINT UNSIGNED            | MYSQL      | LOSSY
            YEAR                        | VARCHAR(4)                  | MYSQL      | LOSSLESS
            YEAR                        | CHAR(2)                     | MYSQL      | LOSSY
            SERIAL                      | BIGINT UNSIGNED             | MYSQL      | LOSSLESS
            int8                        | integer                     | POSTGRESQL | LOSSY
            integer                     | bigint                      | H2         | LOSSLESS
            longvarbinary               | blob                        | H2         | LOSSLESS
            longvarchar                 | clob                        | H2         | LOSSLESS
            longvarchar                 | varchar(255)                | H2         | LOSSY
            NUMERIC(10,2)               | NUMERIC(14,2)               | POSTGRESQL | LOSSLESS
            NUMERIC(14,2)               | NUMERIC(10,2)               | POSTGRESQL | LOSSY
            NUMERIC(10,4)               | NUMERIC(12,2)               | POSTGRESQL | LOSSY
            decimal(19,6)               | decimal(19,2)               | MYSQL      | LOSSY
            numeric(10,2)               | numeric                     | POSTGRESQL | LOSSLESS
            numeric(10,2)               | integer                     | POSTGRESQL | LOSSY
            numeric(9,0)                | integer                     | POSTGRESQL | LOSSLESS
            integer                     | numeric(10,0)               | POSTGRESQL | LOSSLESS
            integer                     | numeric(5,0)                | POSTGRESQL | LOSSY
            varchar(20)                 | integer                     | POSTGRESQL | LOSSY
            text                        | numeric(10,2)               | POSTGRESQL | LOSSY
            timestamp                   | date                        | POSTGRESQL | LOSSY
            date                        | timestamp                   | POSTGRESQL | LOSSLESS
            timestamp                   | timestamptz                 | POSTGRESQL | LOSSLESS
            timestamp with time zone    | timestamp without time zone | POSTGRESQL | LOSSY
            timestamp(6)                | timestamp(3)                | POSTGRESQL | LOSSY
            jsonb                       | json                        | POSTGRESQL | LOSSLESS
            json                        | jsonb                       | POSTGRESQL | LOSSY
            json                        | json                        | POSTGRESQL | LOSSLESS
            varchar(36)                 | uuid                        | POSTGRESQL | LOSSY
            uuid                        | varchar(36)                 | POSTGRESQL | LOSSLESS
            boolean                     | integer                     | POSTGRESQL | LOSSLESS
            INT                         | BIGINT                      | MYSQL      | LOSSLESS
            INT(11)                     | BIGINT(20)                  | MYSQL      | LOSSLESS
            BIGINT                      | INT                         | MYSQL      | LOSSY
            INT                         | INT UNSIGNED                | MYSQL      | LOSSY
            INT UNSIGNED                | BIGINT                      | MYSQL      | LOSSLESS
            INT UNSIGNED                | INT                         | MYSQL      | LOSSY
            datetime                    | datetime(6)                 | MYSQL      | LOSSLESS
            DATETIME(6)                 | DATETIME                    | MARIADB    | LOSSY
            DATETIME                    | TIMESTAMP                   | MYSQL      | LOSSY
            VARCHAR(255)                | TEXT                        | MYSQL      | LOSSLESS
            VARCHAR(${limit})           | TEXT                        | MYSQL      | LOSSLESS
            VARCHAR(${limit})           | TINYTEXT                    | MYSQL      | UNKNOWN
            VARCHAR(100)                | TINYTEXT                    | MYSQL      | LOSSY
            VARCHAR(63)                 | TINYTEXT                    | MYSQL      | LOSSLESS
            VARCHAR(64)                 | TINYTEXT                    | MARIADB    | LOSSY
            CHAR(100)                   | TINYTEXT                    | MYSQL      | LOSSY
            VARCHAR(100) CHARACTER SET gbk | TINYTEXT CHARACTER SET gbk | MYSQL    | LOSSLESS
            VARCHAR(200) CHARACTER SET latin1 | TINYTEXT CHARACTER SET latin1 | MYSQL | LOSSLESS
            VARCHAR(20000)              | TEXT                        | MYSQL      | LOSSLESS
            VARCHAR(16000)              | MEDIUMTEXT                  | MYSQL      | LOSSLESS
            VARCHAR                     | text                        | AUTO       | LOSSLESS
            VARCHAR                     | clob                        | H2         | LOSSLESS
            VARCHAR(255)                | LONGTEXT                    | MARIADB    | LOSSLESS
            VARCHAR(255)                | LONGVARCHAR                 | AUTO       | LOSSLESS
            LONGVARCHAR                 | VARCHAR(255)                | AUTO       | LOSSY
            TEXT                        | TINYTEXT                    | MYSQL      | LOSSY
            MEDIUMTEXT                  | TEXT                        | MYSQL      | LOSSY
            MEDIUMTEXT                  | TEXT(81920)                 | MYSQL      | LOSSLESS
            TEXT(81920)                 | TEXT                        | MYSQL      | LOSSY
            TEXT(81920)                 | MEDIUMTEXT                  | MARIADB    | LOSSLESS
            VARCHAR(256)                | TEXT(81920)                 | MYSQL      | LOSSLESS
            TEXT(100)                   | TEXT                        | MYSQL      | LOSSLESS
            LONGTEXT                    | TEXT(20000000)              | MYSQL      | LOSSLESS
            MEDIUMBLOB                  | BLOB(70000)                 | MYSQL      | LOSSLESS
            BLOB(70000)                 | BLOB                        | MYSQL      | LOSSY
            DECIMAL(10,2)               | DECIMAL(19,2)               | MYSQL      | LOSSLESS
            MONEY                       | DECIMAL(19,4)               | SQLSERVER  | LOSSLESS
            MONEY                       | DECIMAL(18,2)               | SQLSERVER  | LOSSY
            SMALLMONEY                  | MONEY                       | SQLSERVER  | LOSSLESS
            MONEY                       | SMALLMONEY                  | SQLSERVER  | LOSSY
            NUMERIC(12,2)               | MONEY                       | POSTGRESQL | LOSSLESS
            MONEY                       | NUMERIC                     | POSTGRESQL | LOSSLESS
            MONEY                       | NUMERIC(10,2)               | POSTGRESQL | LOSSY
            NUMERIC(12,3)               | MONEY                       | POSTGRESQL | LOSSY
            DECIMAL                     | DECIMAL(12,0)               | MYSQL      | LOSSLESS
            double                      | float                       | MYSQL      | LOSSY
            tinyint(1)                  | boolean                     | MYSQL      | LOSSLESS
            TINYINT                     | BOOL                        | MARIADB    | LOSSLESS
            TINYINT UNSIGNED            | BOOLEAN                     | MYSQL      | LOSSY
            smallint                    | boolean                     | MYSQL      | LOSSY
            boolean                     | bit(1)                      | MYSQL      | LOSSLESS
            tinyint(1)                  | bit(1)                      | MYSQL      | LOSSY
            integer                     | boolean                     | POSTGRESQL | LOSSY
            double                      | real                        | MYSQL      | LOSSLESS
            double                      | float4                      | MYSQL      | LOSSY
            double precision            | real                        | POSTGRESQL | LOSSY
            mediumint                   | int3                        | MYSQL      | LOSSLESS
            year(4)                     | year                        | MYSQL      | LOSSLESS
            national varchar(50)        | varchar(50) character set utf8 | MYSQL   | LOSSLESS
            varchar(50) character set utf8 | nvarchar(50)             | MYSQL      | LOSSLESS
            national varchar(50)        | varchar(50) character set utf8mb3 | MYSQL | LOSSLESS
            varchar(50) character set utf8mb3 | varchar(50) character set utf8 | MARIADB | LOSSLESS
            nchar(10)                   | char(10) character set latin1 | MYSQL    | LOSSY
            sysname                     | nvarchar(128)               | SQLSERVER  | LOSSLESS
            sysname                     | nvarchar(100)               | SQLSERVER  | LOSSY
            varchar(200)                | sysname                     | SQLSERVER  | LOSSY
            year                        | year(2)                     | MYSQL      | UNKNOWN
            float                       | double                      | MYSQL      | LOSSLESS
            VARCHAR(100)                | VARCHAR(50)                 | MYSQL      | LOSSY
            STRING                      | STRING(10)                  | AUTO       | LOSSY
            STRING(10)                  | STRING(20)                  | AUTO       | LOSSLESS
            STRING(20)                  | STRING                      | AUTO       | LOSSLESS
            VARCHAR(40)                 | STRING(10)                  | AUTO       | LOSSY
            NVARCHAR(100)               | NVARCHAR(MAX)               | SQLSERVER  | LOSSLESS
            NVARCHAR(100)               | VARCHAR(100)                | SQLSERVER  | LOSSY
            VARCHAR(100)                | NVARCHAR(100)               | SQLSERVER  | LOSSLESS
            VARCHAR(MAX)                | VARCHAR(4000)               | SQLSERVER  | LOSSY
            DATETIME                    | DATETIME2                   | SQLSERVER  | LOSSLESS
            DATETIME                    | DATETIME2(0)                | SQLSERVER  | LOSSY
            DATETIME2                   | DATETIME                    | SQLSERVER  | LOSSY
            DATETIME2(3)                | DATETIMEOFFSET(3)           | SQLSERVER  | LOSSLESS
            DATETIME                    | SMALLDATETIME               | SQLSERVER  | LOSSY
            BIT                         | INT                         | SQLSERVER  | LOSSLESS
            INT                         | BIT                         | SQLSERVER  | LOSSY
            DECIMAL(18,2)               | MONEY                       | SQLSERVER  | LOSSY
            VARCHAR2(100)               | VARCHAR2(200)               | ORACLE     | LOSSLESS
            VARCHAR2(100 CHAR)          | VARCHAR2(100 BYTE)          | ORACLE     | LOSSY
            VARCHAR2(100 BYTE)          | VARCHAR2(100 CHAR)          | ORACLE     | LOSSLESS
            VARCHAR2(4000)              | CLOB                        | ORACLE     | LOSSLESS
            CLOB                        | VARCHAR2(4000)              | ORACLE     | LOSSY
            CLOB(10M)                   | CLOB(1M)                    | AUTO       | LOSSY
            CLOB(1048576)               | CLOB(1000)                  | AUTO       | LOSSY
            CLOB(1M)                    | CLOB(2M)                    | AUTO       | LOSSLESS
            CLOB(100K)                  | CLOB                        | H2         | LOSSLESS
            CLOB                        | CLOB(100K)                  | H2         | LOSSY
            BLOB(2G)                    | BLOB(1M)                    | AUTO       | LOSSY
            BLOB(1M)                    | BLOB(100M)                  | AUTO       | LOSSLESS
            CLOB(1M)                    | VARCHAR(32000)              | AUTO       | LOSSY
            CLOB(16K)                   | VARCHAR(32000)              | AUTO       | LOSSLESS
            vargraphic(100)             | vargraphic(200)             | AUTO       | LOSSLESS
            vargraphic(200)             | vargraphic(50)              | AUTO       | LOSSY
            varchar(100)                | vargraphic(100)             | AUTO       | LOSSLESS
            vargraphic(100)             | varchar(100)                | AUTO       | LOSSY
            graphic(10)                 | vargraphic(10)              | AUTO       | LOSSLESS
            dbclob(1M)                  | dbclob(2M)                  | AUTO       | LOSSLESS
            dbclob(2M)                  | vargraphic(16000)           | AUTO       | LOSSY
            NUMBER(10)                  | NUMBER(19)                  | ORACLE     | LOSSLESS
            int(20)                     | bigint(20)                  | ORACLE     | LOSSLESS
            INTEGER                     | BIGINT                      | ORACLE     | LOSSLESS
            BIGINT                      | NUMBER(5)                   | ORACLE     | LOSSY
            TINYINT                     | NUMBER(3)                   | ORACLE     | LOSSLESS
            NUMBER(19)                  | NUMBER(10)                  | ORACLE     | LOSSY
            NUMBER(19,4)                | NUMBER                      | ORACLE     | LOSSLESS
            NUMBER                      | NUMBER(19)                  | ORACLE     | LOSSY
            NUMBER(10,2)                | NUMBER(10)                  | ORACLE     | LOSSY
            NUMBER(*,0)                 | INTEGER                     | ORACLE     | LOSSLESS
            NUMBER(*,2)                 | NUMBER(38,2)                | ORACLE     | LOSSLESS
            NUMBER(*,2)                 | INTEGER                     | ORACLE     | LOSSY
            NUMBER                      | NUMBER(*,0)                 | ORACLE     | LOSSY
            DATE                        | TIMESTAMP                   | ORACLE     | LOSSLESS
            TIMESTAMP                   | DATE                        | ORACLE     | LOSSY
            CHAR(10)                    | VARCHAR2(10)                | ORACLE     | LOSSLESS
            VARCHAR2(10)                | CHAR(10)                    | ORACLE     | LOSSY
            VARCHAR(255)                | VARCHAR(255)                | AUTO       | LOSSLESS
            text                        | MEDIUMTEXT                  | AUTO       | LOSSLESS
            TEXT                        | longtext                    | AUTO       | LOSSLESS
            MEDIUMTEXT                  | TEXT                        | AUTO       | LOSSY
            BLOB                        | MEDIUMBLOB                  | AUTO       | LOSSLESS
            TEXT                        | VARCHAR(100)                | AUTO       | LOSSY
            DECIMAL                     | DECIMAL(10,2)               | AUTO       | UNKNOWN
            DATETIME(6)                 | TIMESTAMP                   | AUTO       | LOSSY
            DATETIME(3)                 | TIMESTAMP(3)                | AUTO       | LOSSY
            TIMESTAMP(6)                | DATETIME(6)                 | AUTO       | LOSSLESS
            TIMESTAMP(6)                | DATETIME                    | AUTO       | LOSSY
            DATETIME(3)                 | DATETIME(6)                 | AUTO       | LOSSLESS
            DATETIME(6)                 | DATETIME                    | AUTO       | LOSSY
            timestamp                   | timestamp(6)                | AUTO       | LOSSLESS
            VARCHAR                     | VARCHAR(100)                | SQLSERVER  | LOSSLESS
            NVARCHAR                    | NVARCHAR(50)                | SQLSERVER  | LOSSLESS
            VARCHAR(100)                | VARCHAR                     | SQLSERVER  | LOSSY
            VARBINARY(16)               | VARBINARY                   | SQLSERVER  | LOSSY
            VARCHAR                     | VARCHAR(100)                | MYSQL      | UNKNOWN
            my_enum                     | other_enum                  | POSTGRESQL | UNKNOWN
            """)
    void judgesConversion(String from, String to, Dialect dialect, TypeChange.Verdict expected) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), dialect);
        assertEquals(expected, change.verdict(), change.reason());
    }

    /**
     * A boolean kept as a number holds 0 and 1, one digit each; the number type declared as itself holds -9 or -128
     * too; SQL Server writes a BIT as a digit; PostgreSQL, H2 and Oracle 23 write a BOOLEAN as a word.
     */
    @ParameterizedTest(name = "{2}: {0} -> {1} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            NUMBER(1) DECLARED BOOLEAN  | varchar2(1)                 | ORACLE     | LOSSLESS
            NUMBER(1) DECLARED BOOLEAN  | CHAR(1)                     | ORACLE     | LOSSLESS
            NUMBER(1) DECLARED BOOLEAN  | NUMBER(1)                   | ORACLE     | LOSSLESS
            NUMBER(1) DECLARED BOOLEAN  | INTEGER                     | ORACLE     | LOSSLESS
            NUMBER(1) DECLARED BOOLEAN  | DATE                        | ORACLE     | LOSSY
            NUMBER(1)                   | varchar2(1)                 | ORACLE     | LOSSY
            NUMBER(1)                   | varchar2(2)                 | ORACLE     | LOSSLESS
            varchar2(1)                 | NUMBER(1) DECLARED BOOLEAN  | ORACLE     | LOSSY
            INTEGER                     | NUMBER(1) DECLARED BOOLEAN  | ORACLE     | LOSSY
            boolean                     | varchar2(1)                 | ORACLE     | LOSSY
            boolean                     | varchar2(5)                 | ORACLE     | LOSSLESS
            TINYINT DECLARED BOOLEAN    | VARCHAR(1)                  | MYSQL      | LOSSLESS
            BOOLEAN DECLARED BOOLEAN    | varchar2(1)                 | ORACLE     | LOSSLESS
            BOOLEAN DECLARED BOOLEAN    | VARCHAR(1)                  | MARIADB    | LOSSLESS
            BOOLEAN DECLARED BOOLEAN    | VARCHAR(1)                  | SQLSERVER  | LOSSLESS
            BOOLEAN DECLARED BOOLEAN    | varchar(1)                  | POSTGRESQL | LOSSY
            BOOLEAN DECLARED BOOLEAN    | VARCHAR(1)                  | AUTO       | LOSSY
            BOOLEAN DECLARED BOOLEAN    | VARCHAR(5)                  | AUTO       | LOSSLESS
            boolean                     | varchar(1)                  | MYSQL      | LOSSLESS
            bool                        | char(1)                     | MARIADB    | LOSSLESS
            tinyint(1)                  | varchar(1)                  | MYSQL      | LOSSY
            bit(1)                      | varchar(1)                  | MYSQL      | LOSSY
            varchar(1)                  | boolean                     | MYSQL      | LOSSY
            BIT                         | VARCHAR(1)                  | SQLSERVER  | LOSSLESS
            BIT                         | NCHAR(1)                    | SQLSERVER  | LOSSLESS
            TINYINT                     | VARCHAR(1)                  | SQLSERVER  | LOSSY
            VARCHAR(1)                  | BIT                         | SQLSERVER  | LOSSY
            boolean                     | varchar(1)                  | POSTGRESQL | LOSSY
            boolean                     | varchar(4)                  | POSTGRESQL | LOSSY
            boolean                     | varchar(5)                  | POSTGRESQL | LOSSLESS
            boolean                     | char(5)                     | POSTGRESQL | LOSSLESS
            bit(1)                      | varchar(1)                  | POSTGRESQL | LOSSLESS
            boolean                     | varchar(1)                  | H2         | LOSSY
            """)
    void judgesABooleanByTheTextItsDatabaseWrites(String from, String to, Dialect dialect,
            TypeChange.Verdict expected) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), dialect);
        assertEquals(expected, change.verdict(), change.reason());
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            character varying(100)            | VARCHAR   | 100
            VARCHAR2(20 CHAR)                 | VARCHAR   | 20
            nvarchar(max)                     | NVARCHAR  | 9223372036854775807
            int4                              | INTEGER   | -1
            "int8"                            | BIGINT    | -1
            double precision                  | DOUBLE    | -1
            timestamp(3) with time zone       | TIMESTAMP | 3
            NUMERIC( 10 , 2 )                 | NUMERIC   | 10
            varchar(10) CHARACTER SET utf8mb4 | VARCHAR   | 10
            clob(1M)                          | CLOB      | 1048576
            blob(2 G)                         | BLOB      | 2147483648
            CHARACTER LARGE OBJECT(10K CHARACTERS) | CLOB | 10240
            """)
    void readsWrittenTypes(String written, String base, long first) {
        SqlType type = SqlType.parse(written);
        assertEquals(base, type.base());
        assertEquals(first, type.firstArgument());
    }

    /** MySQL's TIMESTAMP both stops at 2038 and, written without digits, rounds to whole seconds: say both. */
    @ParameterizedTest(name = "{2}: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            DATETIME(6)                 | TIMESTAMP      | MYSQL   | MySQL TIMESTAMP holds only 1970 to 2038; fractional seconds 6 to 0
            DATETIME(6)                 | TIMESTAMP      | AUTO    | MySQL TIMESTAMP holds only 1970 to 2038; fractional seconds 6 to 0
            DATETIME(3)                 | TIMESTAMP(3)   | MARIADB | MySQL TIMESTAMP holds only 1970 to 2038
            DATETIME                    | TIMESTAMP      | MYSQL   | MySQL TIMESTAMP holds only 1970 to 2038
            """)
    void namesTheRangeAndTheFractionMySqlTimestampLoses(String from, String to, Dialect dialect, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), dialect);
        assertEquals(TypeChange.Verdict.LOSSY, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /** MySQL converts ENUM and SET by value: what matters is whether every old value is still allowed. */
    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ENUM('a', 'b')                    | ENUM('a', 'b', 'c', 'd')          | LOSSLESS | every value kept
            enum('new','paid')                | ENUM('draft', 'new', 'paid')      | LOSSLESS | every value kept
            SET('r', 'w')                     | SET('r', 'w', 'x')                | LOSSLESS | every value kept
            ENUM('a', 'b', 'c')               | ENUM('a', 'b')                    | LOSSY    | leaves out value 'c': rows holding it become '' or, in strict mode, make the statement fail
            ENUM('a', 'b', 'c')               | ENUM('a')                         | LOSSY    | leaves out values 'b', 'c': rows holding them become '' or, in strict mode, make the statement fail
            SET('r', 'w', 'x')                | SET('r', 'w')                     | LOSSY    | leaves out value 'x': rows holding it become '' or, in strict mode, make the statement fail
            ENUM('it''s', 'b')                | ENUM('b', 'it''s')                | LOSSLESS | every value kept
            ENUM('a', 'b', 'c')               | ENUM('a', 'b', 'x')               | LOSSY    | leaves out value 'c': rows holding it become '' or, in strict mode, make the statement fail
            ENUM('low', 'high')               | SET('high', 'low', 'mid')         | LOSSLESS | every value kept
            ENUM('low', 'high', 'max')        | SET('low', 'high')                | LOSSY    | leaves out value 'max': rows holding it become '' or, in strict mode, make the statement fail
            SET('r', 'w')                     | ENUM('r', 'w')                    | LOSSY    | a SET value of several members is no ENUM value: rows holding one become '' or, in strict mode, make the statement fail
            SET('r', 'w', 'x')                | ENUM('w', 'r')                    | LOSSY    | leaves out value 'x': rows holding it become '' or, in strict mode, make the statement fail; a SET value of several members is no ENUM value: rows holding one become '' or, in strict mode, make the statement fail
            """)
    void judgesMySqlValueListsByTheirValues(String from, String to, TypeChange.Verdict expected, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(expected, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /**
     * MySQL turns an ENUM or SET into the text of each row's value: a text type that holds the longest value (for a
     * SET every member joined by commas) keeps every row, a shorter one cuts the rows holding longer values.
     */
    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ENUM('a', 'b')                    | VARCHAR(1)                        | LOSSLESS | every value fits
            ENUM('draft', 'paid')             | VARCHAR(20)                       | LOSSLESS | every value fits
            ENUM('draft', 'paid')             | CHAR(5)                           | LOSSLESS | every value fits
            ENUM('draft', 'paid')             | TEXT                              | LOSSLESS | every value fits
            ENUM('it''s')                     | VARCHAR(4)                        | LOSSLESS | every value fits
            SET('r', 'w', 'x')                | VARCHAR(5)                        | LOSSLESS | every value fits
            ENUM('abc')                       | VARCHAR(2)                        | LOSSY    | shorter: its longest value takes 3 characters, VARCHAR holds 2 characters
            ENUM('draft', 'cancelled')        | CHAR(8)                           | LOSSY    | shorter: its longest value takes 9 characters, CHAR holds 8 characters
            SET('r', 'w', 'x')                | VARCHAR(4)                        | LOSSY    | shorter: a value holding every member of the SET takes 5 characters, VARCHAR holds 4 characters
            ENUM('a', 'b')                    | INT                               | LOSSY    | other to integer can fail or change values
            """)
    void judgesMySqlValueListsTurnedIntoTextByTheirLongestValue(String from, String to, TypeChange.Verdict expected,
            String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(expected, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /**
     * MySQL reads a double-quoted ENUM or SET value as the string it quotes, as it does a single-quoted one; text made
     * an ENUM or SET keeps only the values the list holds.
     */
    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ENUM("STARTED", "COMPLETED", "FAILED") | CHAR(9)             | LOSSLESS | every value fits
            ENUM("draft", "cancelled")             | CHAR(8)             | LOSSY    | shorter: its longest value takes 9 characters, CHAR holds 8 characters
            ENUM("it's", "x")                      | VARCHAR(4)          | LOSSLESS | every value fits
            ENUM("a ""b"" c")                      | VARCHAR(6)          | LOSSY    | shorter: its longest value takes 7 characters, VARCHAR holds 6 characters
            ENUM("a", "b")                         | ENUM('a', 'b', 'c') | LOSSLESS | every value kept
            ENUM('a', "it's")                      | ENUM('it''s')       | LOSSY    | leaves out value 'a': rows holding it become '' or, in strict mode, make the statement fail
            ENUM("a", "b", "c")                    | ENUM("a", "b")      | LOSSY    | leaves out value 'c': rows holding it become '' or, in strict mode, make the statement fail
            VARCHAR(10)                            | ENUM("a", "b")      | LOSSY    | a value the list does not hold becomes '' or, in strict mode, makes the statement fail
            TEXT                                   | SET('r', 'w')       | LOSSY    | a value the list does not hold becomes '' or, in strict mode, makes the statement fail
            """)
    void readsDoubleQuotedMySqlValues(String from, String to, TypeChange.Verdict expected, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(expected, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /**
     * MySQL's TEXT types are measured in bytes and its VARCHAR in characters: the reason keeps each unit, and says
     * bytes on both sides when one TEXT type becomes a shorter one.
     */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            TEXT                        | VARCHAR(100)  | shorter: 65535 bytes to 100 characters
            MEDIUMTEXT                  | CHAR(20)      | shorter: 16777215 bytes to 20 characters
            TINYTEXT                    | VARCHAR(10)   | shorter: 255 bytes to 10 characters
            LONGTEXT                    | VARCHAR(100)  | shorter: unlimited to 100 characters
            VARCHAR(200)                | VARCHAR(100)  | shorter: 200 to 100 characters
            MEDIUMTEXT                  | TEXT(1000)    | shorter: 16777215 to 65535 bytes
            MEDIUMTEXT                  | TINYTEXT      | shorter: 16777215 to 255 bytes
            LONGTEXT                    | TEXT          | shorter: unlimited to 65535 bytes
            JSON                        | TEXT          | shorter: unlimited to 65535 bytes
            JSON                        | MEDIUMTEXT    | shorter: unlimited to 16777215 bytes
            JSON                        | VARCHAR(100)  | shorter: unlimited to 100 characters
            """)
    void namesBytesAndCharactersApartOnMySql(String from, String to, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(TypeChange.Verdict.LOSSY, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /** H2 refuses an ENUM value the new list lacks, where MySQL outside strict mode stores ''. */
    @Test
    void anH2EnumLeavingAValueOutFailsTheStatement() {
        TypeChange change = TypeChange.of(SqlType.parse("ENUM('a', 'b', 'c')"), SqlType.parse("ENUM('a', 'b')"),
                Dialect.H2);
        assertEquals("leaves out value 'c': rows holding it make the statement fail", change.reason());
    }

    /** A character set that lacks characters is one loss, a shorter length another: the reason names both. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            varchar(200) CHARACTER SET utf8mb4 | VARCHAR(200) CHARACTER SET latin1 | character set latin1 cannot hold every character: those it lacks become '?', or the statement fails in strict mode
            varchar(200)                       | varchar(40) CHARACTER SET utf8    | shorter: 200 to 40 characters; character set utf8 cannot hold every character: those it lacks become '?', or the statement fails in strict mode
            text                               | varchar(90) CHARSET latin1        | shorter: 65535 bytes to 90 characters; character set latin1 cannot hold every character: those it lacks become '?', or the statement fails in strict mode
            """)
    void namesEveryLossOfANarrowerCharacterSet(String from, String to, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(TypeChange.Verdict.LOSSY, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /**
     * A character set that holds every character of the old one loses none ({@code ascii} to {@code utf8}, a single
     * byte set to MySQL's three-byte {@code utf8}); {@code utf8mb4} to {@code utf8}, or {@code latin1} to
     * {@code ascii}, still loses some.
     */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            varchar(128) CHARACTER SET ascii   | varchar(128) CHARACTER SET utf8    | LOSSLESS
            varchar(128) CHARACTER SET ascii   | varchar(128) CHARACTER SET latin1  | LOSSLESS
            varchar(128) CHARSET latin1        | varchar(128) CHARACTER SET utf8mb3 | LOSSLESS
            varchar(128) CHARACTER SET cp1251  | varchar(128) CHARACTER SET ucs2    | LOSSLESS
            varchar(128) CHARACTER SET ascii   | varchar(128) CHARACTER SET swe7    | LOSSY
            varchar(128) CHARACTER SET utf8mb4 | varchar(128) CHARACTER SET utf8    | LOSSY
            varchar(128) CHARACTER SET latin1  | varchar(128) CHARACTER SET ascii   | LOSSY
            varchar(128) CHARACTER SET sjis    | varchar(128) CHARACTER SET utf8    | LOSSY
            """)
    void aCharacterSetHoldingEveryCharacterOfTheOldOneLosesNone(String from, String to,
            TypeChange.Verdict verdict) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(verdict, change.verdict(), change.reason());
    }

    /**
     * A number, date or time becomes text of ASCII characters, which every character set holds: only the length of
     * the new column can lose it.
     */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            DECIMAL(10)  | VARCHAR(40) CHARACTER SET utf8   | LOSSLESS
            INT          | VARCHAR(20) CHARACTER SET latin1 | LOSSLESS
            DATE         | VARCHAR(20) CHARACTER SET ascii  | LOSSLESS
            DECIMAL(12)  | VARCHAR(5) CHARACTER SET utf8    | LOSSY
            """)
    void aNumberOrDateBecomesTextEveryCharacterSetHolds(String from, String to, TypeChange.Verdict verdict) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(verdict, change.verdict(), change.reason());
        assertFalse(change.reason().contains("character set"), change.reason());
    }

    /** An exact number's text is its digits and sign, with a point only when it has a scale. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            DECIMAL(3)          | VARCHAR(4) | LOSSLESS | longer
            DECIMAL(3)          | VARCHAR(3) | LOSSY    | shorter: 4 to 3 characters
            DECIMAL(3) UNSIGNED | VARCHAR(3) | LOSSLESS | longer
            DECIMAL(5, 2)       | VARCHAR(7) | LOSSLESS | longer
            DECIMAL(5, 2)       | VARCHAR(6) | LOSSY    | shorter: 7 to 6 characters
            DECIMAL(2, 2)       | VARCHAR(4) | LOSSY    | shorter: 5 to 4 characters
            """)
    void anExactNumbersTextCountsAPointOnlyWithAScale(String from, String to, TypeChange.Verdict verdict,
            String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(verdict, change.verdict(), change.reason());
        if (verdict == TypeChange.Verdict.LOSSY) {
            assertEquals(reason, change.reason());
        }
    }

    /**
     * Oracle stores INTEGER and SMALLINT as NUMBER(38), FLOAT and REAL as a decimal NUMBER with a floating point,
     * and DATE with its time of day to the second.
     */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            integer             | number(10)      | LOSSY    | fewer integer digits: 38 to 10
            smallint            | number(5)       | LOSSY    | fewer integer digits: 38 to 5
            int                 | number(38)      | LOSSLESS | same type
            decimal             | number(10)      | LOSSY    | fewer integer digits: 38 to 10
            decimal             | number(38)      | LOSSLESS | as wide or wider
            numeric             | number(38,2)    | LOSSY    | fewer integer digits: 38 to 36
            number(12,2)        | decimal         | LOSSY    | scale 2 to 0 rounds values
            number(20)          | integer         | LOSSLESS | as wide or wider
            float(24)           | number          | LOSSLESS | unbounded numeric
            float               | number          | LOSSLESS | unbounded numeric
            real                | number(20)      | LOSSY    | scale unlimited to 0 rounds values
            number(10,2)        | float           | LOSSLESS | as many significant digits or more
            number(20)          | float(24)       | LOSSY    | fewer significant digits: 20 to 8
            number              | float           | LOSSLESS | as many significant digits or more
            binary_double       | number          | LOSSY    | floating point to numeric rounds
            timestamp           | date            | LOSSY    | fractional seconds 6 to 0
            timestamp(0)        | date            | LOSSLESS | same type
            date                | timestamp(0)    | LOSSLESS | same type
            date                | timestamp(3)    | LOSSLESS | as precise or more
            timestamp with time zone | date       | LOSSY    | drops the time zone
            """)
    void judgesOracleTypesAsOracleStoresThem(String from, String to, TypeChange.Verdict expected, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.ORACLE);
        assertEquals(expected, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /**
     * Converting to CHAR names the loss that matters most: values cut off before the padding; MySQL and MariaDB strip
     * the trailing spaces of a CHAR when they read it, so there the values lose the spaces they ended with.
     */
    @ParameterizedTest(name = "{0} -> {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            VARCHAR2(200)       | CHAR(10)   | ORACLE    | shorter: 200 to 10 characters
            NVARCHAR(100)       | NCHAR(20)  | SQLSERVER | shorter: 100 to 20 characters
            VARCHAR2(10)        | CHAR(10)   | ORACLE    | CHAR pads every value with spaces
            VARCHAR(10)         | CHAR(40)   | MYSQL     | CHAR drops the spaces every value ends with: MySQL strips them when it reads a CHAR
            VARCHAR(10)         | CHAR(10)   | MARIADB   | CHAR drops the spaces every value ends with: MySQL strips them when it reads a CHAR
            VARCHAR(10)         | CHAR(10)   | POSTGRESQL | CHAR pads every value with spaces
            CHAR(20)            | CHAR(5)    | ORACLE    | shorter: 20 to 5 characters
            """)
    void narrowingToCharSaysValuesAreCutOff(String from, String to, Dialect dialect, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), dialect);
        assertEquals(TypeChange.Verdict.LOSSY, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /** Oracle's character lengths in bytes: the old length is counted in the bytes the new type counts. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            VARCHAR2(255 CHAR)  | VARCHAR2(255)       | shorter: 1020 to 255 bytes
            VARCHAR2(100 CHAR)  | VARCHAR2(300 BYTE)  | shorter: 400 to 300 bytes
            """)
    void characterLengthsNarrowedToBytesAreComparedInBytes(String from, String to, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.ORACLE);
        assertEquals(TypeChange.Verdict.LOSSY, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /** An unsigned integer made a smaller signed one loses its width first: the message says so, not only the sign. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            bigint unsigned     | INT              | narrower integer, 8 to 4 bytes, and signed
            int unsigned        | int              | signed holds only half the unsigned range
            bigint(20) unsigned | bigint(20)       | signed holds only half the unsigned range
            """)
    void unsignedToSignedIntegersNameTheNarrowing(String from, String to, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.MYSQL);
        assertEquals(TypeChange.Verdict.LOSSY, change.verdict(), change.reason());
        assertEquals(reason, change.reason());
    }

    /**
     * Only MySQL and MariaDB have unsigned integers: elsewhere a column written UNSIGNED (in scripts kept for SQLite
     * and PostgreSQL alike, whose first steps were written for MySQL) holds signed values, and copying it into a
     * signed column as wide loses nothing; a narrower one still does.
     */
    @ParameterizedTest(name = "{2}: {0} -> {1} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            BIGINT UNSIGNED     | BIGINT          | POSTGRESQL | LOSSLESS
            BIGINT UNSIGNED     | INT             | POSTGRESQL | LOSSY
            INT UNSIGNED        | INTEGER         | SQLSERVER  | LOSSLESS
            bigint unsigned     | bigint          | SQLITE     | LOSSLESS
            BIGINT UNSIGNED     | BIGINT          | MYSQL      | LOSSY
            BIGINT UNSIGNED     | BIGINT          | MARIADB    | LOSSY
            BIGINT              | BIGINT UNSIGNED | MYSQL      | LOSSY
            """)
    void unsignedCountsOnlyWhereTheDatabaseHasIt(String from, String to, Dialect dialect,
            TypeChange.Verdict verdict) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), dialect);
        assertEquals(verdict, change.verdict(), change.reason());
    }

    /**
     * PostgreSQL: an oid column (Liquibase's BLOB there, Hibernate's @Lob) holds the number of a large object; the
     * reason says what a change to bytea does to it rather than naming the families.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            OID | BYTEA
            oid | bytea
            """)
    void anOidMadeBinarySaysItHoldsTheNumberOfALargeObject(String from, String to) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.POSTGRESQL);
        assertEquals(TypeChange.Verdict.LOSSY, change.verdict(), change.reason());
        assertEquals("an oid holds the number of a large object, not its bytes: PostgreSQL has no cast from oid to"
                + " bytea, so the change fails unless a USING clause reads the objects (lo_get)", change.reason());
    }
}
