package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.Map;
import java.util.Set;

/**
 * The family a column type belongs to and how much it holds, which is all {@link TypeChange} needs to decide
 * whether existing values survive a conversion. Sizes follow each dialect's documented defaults; where a
 * dialect leaves a size open ({@code DECIMAL} without precision outside PostgreSQL), it is unknown (-1).
 */
enum TypeFamily {
    TEXT, INTEGER, EXACT, APPROXIMATE, BOOLEAN, DATE, TIME, TIMESTAMP, BINARY, UUID, JSON, OTHER;

    private static final Map<String, TypeFamily> BY_BASE = Map.ofEntries(
            Map.entry("CHAR", TEXT), Map.entry("VARCHAR", TEXT), Map.entry("NCHAR", TEXT), Map.entry("NVARCHAR", TEXT),
            Map.entry("TEXT", TEXT), Map.entry("TINYTEXT", TEXT), Map.entry("MEDIUMTEXT", TEXT),
            Map.entry("LONGTEXT", TEXT), Map.entry("CLOB", TEXT), Map.entry("NCLOB", TEXT), Map.entry("CITEXT", TEXT),
            Map.entry("VARCHAR_IGNORECASE", TEXT),
            Map.entry("TINYINT", INTEGER), Map.entry("SMALLINT", INTEGER), Map.entry("MEDIUMINT", INTEGER),
            Map.entry("INTEGER", INTEGER), Map.entry("BIGINT", INTEGER),
            Map.entry("DECIMAL", EXACT), Map.entry("NUMERIC", EXACT), Map.entry("NUMBER", EXACT),
            Map.entry("DECFLOAT", EXACT),
            Map.entry("MONEY", EXACT), Map.entry("SMALLMONEY", EXACT),
            Map.entry("REAL", APPROXIMATE), Map.entry("FLOAT", APPROXIMATE), Map.entry("DOUBLE", APPROXIMATE),
            Map.entry("BOOLEAN", BOOLEAN), Map.entry("DATE", DATE), Map.entry("TIME", TIME),
            Map.entry("TIMESTAMP", TIMESTAMP), Map.entry("DATETIME", TIMESTAMP), Map.entry("DATETIME2", TIMESTAMP),
            Map.entry("SMALLDATETIME", TIMESTAMP),
            Map.entry("BINARY", BINARY), Map.entry("VARBINARY", BINARY), Map.entry("BYTEA", BINARY),
            Map.entry("BLOB", BINARY), Map.entry("TINYBLOB", BINARY), Map.entry("MEDIUMBLOB", BINARY),
            Map.entry("LONGBLOB", BINARY), Map.entry("RAW", BINARY), Map.entry("LONG RAW", BINARY),
            Map.entry("IMAGE", BINARY), Map.entry("UUID", UUID), Map.entry("UNIQUEIDENTIFIER", UUID),
            Map.entry("JSON", JSON), Map.entry("JSONB", JSON));

    /** Decimal digits an integer type holds in full, signed. */
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("TINYINT", 2, "SMALLINT", 4,
            "MEDIUMINT", 6, "INTEGER", 9, "BIGINT", 18);

    /** Decimal digits an integer type may need to print, signed. */
    private static final Map<String, Integer> INTEGER_WIDTH = Map.of("TINYINT", 3, "SMALLINT", 5,
            "MEDIUMINT", 8, "INTEGER", 10, "BIGINT", 19);

    private static final Map<String, Integer> INTEGER_BYTES = Map.of("TINYINT", 1, "SMALLINT", 2,
            "MEDIUMINT", 3, "INTEGER", 4, "BIGINT", 8);

    private static final Set<String> NATIONAL = Set.of("NCHAR", "NVARCHAR", "NCLOB");

    static TypeFamily of(SqlType type) {
        if (type.base().equals("BIT")) {
            return type.firstArgument() <= 1 ? BOOLEAN : OTHER;
        }
        return BY_BASE.getOrDefault(type.base(), OTHER);
    }

    /** What MySQL's {@code TEXT(n)} or {@code BLOB(n)} holds: a TEXT's 65,535, a MEDIUMTEXT's or a LONGTEXT's. */
    private static long mySqlSizedLob(SqlType type) {
        long asked = type.firstArgument();
        return asked <= 65_535 ? 65_535 : asked <= 16_777_215 ? 16_777_215 : SqlType.MAX;
    }

    /** Characters (text) or bytes (binary) a value may hold; {@link SqlType#MAX} when unbounded; -1 unknown. */
    static long length(SqlType type, Dialect dialect) {
        boolean mysql = dialect.isMySqlFamily();
        return switch (type.base()) {
            // CockroachDB's and BigQuery's STRING(n) holds n characters; MySQL makes TEXT(n) and BLOB(n) the
            // smallest of its TEXT or BLOB types that holds n: a whole TEXT at least (a TINYTEXT's size depends on
            // the character set), a MEDIUMTEXT for TEXT(81920).
            case "TEXT" -> mysql ? mySqlSizedLob(type)
                    : type.arguments().isEmpty() ? SqlType.MAX : type.firstArgument();
            // Db2, H2 and HSQLDB bound a large object by the length it is declared with (CLOB(1M)); unbounded
            // without one, as in Oracle and PostgreSQL.
            case "BLOB" -> mysql ? mySqlSizedLob(type)
                    : type.arguments().isEmpty() ? SqlType.MAX : type.firstArgument();
            case "CLOB", "NCLOB" -> type.arguments().isEmpty() ? SqlType.MAX : type.firstArgument();
            case "TINYTEXT", "TINYBLOB" -> 255;
            case "MEDIUMTEXT", "MEDIUMBLOB" -> 16_777_215;
            case "LONGTEXT", "LONGBLOB", "CITEXT", "BYTEA", "IMAGE", "LONG RAW" -> SqlType.MAX;
            case "CHAR", "NCHAR", "BINARY" -> type.arguments().isEmpty() ? 1 : type.firstArgument();
            // SQL Server: a column's VARCHAR, NVARCHAR or VARBINARY without a length holds one character or byte
            // (30 only in CAST and CONVERT, which declare no column).
            case "VARCHAR", "NVARCHAR", "VARBINARY" -> type.arguments().isEmpty()
                    ? unsizedVaryingLength(dialect) : type.firstArgument();
            default -> type.arguments().isEmpty()
                    ? (dialect == Dialect.POSTGRESQL || dialect == Dialect.H2 ? SqlType.MAX : -1)
                    : type.firstArgument();
        };
    }

    /**
     * The length of VARCHAR written without one: unbounded in PostgreSQL and H2, one in SQL Server, elsewhere
     * required or small, so not known.
     */
    private static long unsizedVaryingLength(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL, H2 -> SqlType.MAX;
            case SQLSERVER -> 1;
            default -> -1;
        };
    }

    static boolean national(SqlType type) {
        return NATIONAL.contains(type.base());
    }

    static int integerBytes(SqlType type) {
        return INTEGER_BYTES.get(type.base());
    }

    /** Digits held in full; an unsigned type holds the same digits. */
    static int integerDigits(SqlType type) {
        return INTEGER_DIGITS.get(type.base());
    }

    /** Characters needed to print any value, sign included. */
    static int integerWidth(SqlType type) {
        return INTEGER_WIDTH.get(type.base()) + 1;
    }

    /** Precision of an exact numeric: {@link SqlType#MAX} when unbounded, -1 when the dialect's default is unknown. */
    static long precision(SqlType type, Dialect dialect) {
        // T-SQL's and PostgreSQL's 8-byte MONEY holds 19 digits; T-SQL's 4-byte SMALLMONEY holds 10.
        if (type.base().endsWith("MONEY")) {
            return type.base().equals("MONEY") ? 19 : 10;
        }
        if (!type.arguments().isEmpty()) {
            return type.firstArgument();
        }
        if (type.base().equals("DECFLOAT")) {
            // H2 keeps 100,000 significant digits; Db2 and Firebird 34, which is the most a reading in auto trusts.
            return dialect == Dialect.H2 ? 100_000 : 34;
        }
        if (dialect == Dialect.H2) {
            // H2 2.x: NUMBER is its DECFLOAT(40), and DECIMAL and NUMERIC without a precision are NUMERIC(100000, 0).
            return type.base().equals("NUMBER") ? 40 : 100_000;
        }
        if (type.base().equals("NUMBER") || dialect == Dialect.POSTGRESQL) {
            return SqlType.MAX;
        }
        return dialect.isMySqlFamily() ? 10 : dialect == Dialect.SQLSERVER ? 18 : -1;
    }

    /**
     * True for a decimal type whose point floats: each value keeps its own exponent, so only the count of significant
     * digits limits it (DECFLOAT, and H2's NUMBER written without a precision).
     */
    static boolean floatingDecimal(SqlType type, Dialect dialect) {
        return type.base().equals("DECFLOAT")
                || dialect == Dialect.H2 && type.base().equals("NUMBER") && type.arguments().isEmpty();
    }

    /** Scale of an exact numeric; 0 when a precision alone was written. */
    static long scale(SqlType type, Dialect dialect) {
        if (type.base().endsWith("MONEY")) {
            // T-SQL keeps four decimal places; PostgreSQL the two of its default lc_monetary.
            return dialect == Dialect.POSTGRESQL && type.base().equals("MONEY") ? 2 : 4;
        }
        if (type.arguments().size() >= 2) {
            return type.secondArgument();
        }
        if (floatingDecimal(type, dialect)) {
            return SqlType.MAX;
        }
        return precision(type, dialect) == SqlType.MAX && type.arguments().isEmpty() ? SqlType.MAX : 0;
    }

    /** Significant decimal digits an approximate type keeps: 6 for single, 15 for double precision. */
    static int approximateDigits(SqlType type, Dialect dialect) {
        if (type.base().equals("REAL")) {
            return 6;
        }
        if (type.base().equals("FLOAT")) {
            if (type.arguments().isEmpty()) {
                return dialect.isMySqlFamily() ? 6 : 15;
            }
            return type.firstArgument() <= 24 ? 6 : 15;
        }
        return 15;
    }

    /**
     * Fractional-second digits of a time or timestamp. Defaults differ: MySQL 0, SQL Server DATETIME about 3
     * and DATETIME2 / TIME 7, PostgreSQL and Oracle 6.
     */
    static long fractionDigits(SqlType type, Dialect dialect, boolean sqlServerContext) {
        if (!type.arguments().isEmpty()) {
            return type.firstArgument();
        }
        return switch (type.base()) {
            case "SMALLDATETIME" -> 0;
            case "DATETIME2" -> 7;
            case "DATETIME" -> dialect == Dialect.SQLSERVER || sqlServerContext ? 3 : 0;
            case "TIME" -> dialect == Dialect.SQLSERVER ? 7 : dialect.isMySqlFamily() ? 0 : 6;
            default -> dialect.isMySqlFamily() ? 0 : 6;
        };
    }
}
