package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.MySqlRowLosingClauses;
import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Set;

/**
 * Whether converting a column from one type to another keeps every existing value. A change is lossless
 * when the database converts each value exactly (a longer {@code VARCHAR}, {@code VARCHAR} to {@code TEXT},
 * a wider integer or numeric, more fractional seconds, the same type); lossy when values can be cut, rounded
 * or fail to convert (narrowing, less precision or scale, text to number, numeric to integer, timestamp to
 * date); unknown when a size is not known, which callers treat like lossy.
 *
 * @param from the old type
 * @param to the new type
 * @param verdict lossless, lossy or unknown
 * @param reason why, for messages: {@code "shorter: 100 to 20 characters"}
 * @param silent true for a lossy change that alters values without an error (rounds a fraction, drops the time of
 *     day or the zone, pads with spaces), which no database refuses; false where a value that does not fit may make
 *     it fail
 */
public record TypeChange(SqlType from, SqlType to, Verdict verdict, String reason, boolean silent) {

    public TypeChange(SqlType from, SqlType to, Verdict verdict, String reason) {
        this(from, to, verdict, reason, false);
    }

    /** What a conversion does to existing values. */
    public enum Verdict { LOSSLESS, LOSSY, UNKNOWN }

    /**
     * Types no other database has: where one side is one, the other is sized as MySQL sizes it, so that
     * {@code TEXT} to {@code MEDIUMTEXT} read in auto is the widening it is, not PostgreSQL's unbounded TEXT cut.
     */
    private static final Set<String> MYSQL_ONLY = Set.of("TINYTEXT", "MEDIUMTEXT", "LONGTEXT",
            "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "MEDIUMINT");

    /** Judges converting {@code from} to {@code to} in {@code dialect}. */
    public static TypeChange of(SqlType written, SqlType into, Dialect configured) {
        return of(written, into, configured, Set.of());
    }

    /** Judges the conversion of a column no row of which holds {@code movedValues} (ENUM values) any more. */
    static TypeChange of(SqlType written, SqlType into, Dialect configured, Set<String> movedValues) {
        Dialect dialect = configured == Dialect.AUTO && writtenForMySql(written, into) ? Dialect.MYSQL : configured;
        SqlType from = inDialect(written, dialect);
        SqlType to = inDialect(into, dialect);
        // Before the same-type test, which compares neither character sets nor ENUM values.
        if (!to.characterSet().isEmpty() && !to.characterSet().equals(from.characterSet())
                && TypeFamily.of(to) == TypeFamily.TEXT && !writesOnlyAscii(TypeFamily.of(from))
                && !MySqlRowLosingClauses.holdsEveryCharacterOf(to.characterSet(), from.characterSet())) {
            String lostCharacters = "character set " + to.characterSet().toLowerCase(java.util.Locale.ROOT)
                    + " cannot hold every character: those it lacks become '?', or the statement fails in strict mode";
            // MySQL `VARCHAR(255)` to `VARCHAR(64) CHARACTER SET utf8` also cuts values: name that loss too.
            TypeChange rest = of(written, withCharacterSet(into, from.characterSet()), configured, movedValues);
            return lossy(from, to, rest.lossless() ? lostCharacters : rest.reason() + "; " + lostCharacters);
        }
        if (EnumValues.isValueList(from) && EnumValues.isValueList(to)) {
            return EnumValues.change(from, to, movedValues, dialect);
        }
        if (from.sameTypeAs(to)) {
            return lossless(from, to, "same type");
        }
        // A declared boolean kept as a number holds 0 and 1 only: judged as the boolean, not as the number type.
        TypeFamily source = from.declaredBoolean() ? TypeFamily.BOOLEAN : TypeFamily.of(from);
        TypeFamily target = TypeFamily.of(to);
        boolean sqlServerTypes = from.base().startsWith("DATETIME2") || to.base().startsWith("DATETIME2")
                || from.base().equals("SMALLDATETIME") || to.base().equals("SMALLDATETIME");
        TypeJudge judge = new TypeJudge(from, to, dialect, sqlServerTypes);
        return switch (target) {
            case TEXT -> judge.toText(source);
            case INTEGER -> judge.toInteger(source);
            case EXACT -> judge.toExact(source);
            case APPROXIMATE -> judge.toApproximate(source);
            case TIMESTAMP, TIME, DATE -> judge.toTemporal(source, target);
            case BINARY -> source == TypeFamily.BINARY ? judge.longer(TypeFamily.length(from, dialect),
                    TypeFamily.length(to, dialect), "bytes")
                    : lossy(from, to, largeObjectReference(from, dialect) ? LARGE_OBJECT_MADE_BINARY
                            : judge.familyChange());
            case BOOLEAN -> source == TypeFamily.BOOLEAN ? lossless(from, to, "same values")
                    : lossy(from, to, judge.familyChange());
            case UUID -> source == TypeFamily.UUID ? lossless(from, to, "same values")
                    : lossy(from, to, judge.familyChange());
            // PostgreSQL: json keeps a document's text as written, jsonb parses it and keeps one value per key.
            case JSON -> source != TypeFamily.JSON ? lossy(from, to, judge.familyChange())
                    : from.base().equals("JSON") && to.base().equals("JSONB")
                    ? lossy(from, to, "jsonb keeps only the last value of a duplicate key and rejects \\u0000")
                    : lossless(from, to, "same documents");
            case OTHER -> source == TypeFamily.OTHER && from.base().equals(to.base())
                    ? new TypeChange(from, to, Verdict.UNKNOWN, "sizes of " + to.base() + " not compared")
                    : source == TypeFamily.OTHER ? new TypeChange(from, to, Verdict.UNKNOWN, "types not compared")
                    : source == TypeFamily.TEXT && EnumValues.isValueList(to) ? lossy(from, to, TEXT_MADE_VALUE_LIST)
                    : lossy(from, to, judge.familyChange());
        };
    }

    /**
     * True for a pair of types only MySQL and MariaDB write: one side a type no other database has, or a DATETIME with
     * fractional digits (SQL Server's DATETIME takes none, PostgreSQL and Oracle have no DATETIME). Read in auto,
     * {@code DATETIME(6)} to {@code TIMESTAMP} is then MySQL's cut to 1970 to 2038 and to whole seconds, not the shared
     * reading's TIMESTAMP of six fractional digits. A plain DATETIME does not decide it: HSQLDB and H2 take it for their
     * TIMESTAMP.
     */
    private static boolean writtenForMySql(SqlType written, SqlType into) {
        return MYSQL_ONLY.contains(written.base()) || MYSQL_ONLY.contains(into.base())
                || datetimeWithDigits(written) || datetimeWithDigits(into);
    }

    private static boolean datetimeWithDigits(SqlType type) {
        return type.base().equals("DATETIME") && !type.arguments().isEmpty();
    }

    /** MySQL converts text into an ENUM or SET by value, as it converts one value list into another. */
    private static final String TEXT_MADE_VALUE_LIST = "a value the list does not hold becomes '' or, in strict mode,"
            + " makes the statement fail";

    private static final String LARGE_OBJECT_MADE_BINARY = "an oid holds the number of a large object, not its"
            + " bytes: PostgreSQL has no cast from oid to bytea, so the change fails unless a USING clause reads the"
            + " objects (lo_get)";

    /** PostgreSQL: an oid column, where Liquibase's BLOB and Hibernate's @Lob keep references to large objects. */
    private static boolean largeObjectReference(SqlType type, Dialect dialect) {
        return dialect == Dialect.POSTGRESQL && type.base().equals("OID");
    }

    /**
     * True for types whose values become text of digits, signs, points, dashes and colons: every character set
     * holds those, so MySQL's {@code DECIMAL(10)} to {@code VARCHAR(40)} in a {@code utf8} table loses no character.
     */
    private static boolean writesOnlyAscii(TypeFamily source) {
        return switch (source) {
            case INTEGER, EXACT, APPROXIMATE, BOOLEAN, DATE, TIME, TIMESTAMP, UUID -> true;
            case TEXT, BINARY, JSON, OTHER -> false;
        };
    }

    /** True when every existing value is kept. */
    public boolean lossless() {
        return verdict == Verdict.LOSSLESS;
    }

    /**
     * The type as the dialect stores it. MySQL's is {@link #mySqlStored}; an integer written UNSIGNED is a signed one
     * where the database has no unsigned integers ({@link #signed}). Oracle stores INTEGER, INT and SMALLINT
     * as NUMBER(38) (BIGINT and TINYINT as Liquibase has them created), and DECIMAL and NUMERIC written without a precision as NUMBER(38,0); FLOAT(b), REAL and
     * DOUBLE PRECISION as a decimal NUMBER of b binary digits (126 unless written, 63 for REAL) that keeps the
     * decimal point where the value needs it, unlike the IEEE BINARY_FLOAT and BINARY_DOUBLE; and a DATE with its
     * time of day to the second, as TIMESTAMP(0) does.
     */
    private static SqlType inDialect(SqlType type, Dialect dialect) {
        // SQL Server's (and Sybase's) type for object names, in every dialect: no other database has it.
        if (type.base().equals("SYSNAME")) {
            return new SqlType(type.written(), "NVARCHAR", List.of(128L), false, false, false, "");
        }
        if (dialect.isMySqlFamily()) {
            return mySqlStored(type);
        }
        if (type.unsigned() && !dialect.hasUnsignedIntegers()) {
            return signed(type);
        }
        if (dialect == Dialect.H2 && type.base().equals("IDENTITY")) {
            // H2's legacy IDENTITY type is a BIGINT that an identity fills (HSQLDB's an INTEGER, so only in h2).
            return new SqlType(type.written(), "BIGINT", List.of(), false, false, false, "");
        }
        if (dialect != Dialect.ORACLE) {
            return type;
        }
        return switch (type.base()) {
            case "INTEGER", "SMALLINT" -> oracleNumber(type, List.of(38L));
            // Oracle has neither: only a Liquibase type name (read under `auto`, judged per database) writes them,
            // and Liquibase makes them NUMBER(38,0) and NUMBER(3).
            case "BIGINT" -> oracleNumber(type, List.of(38L, 0L));
            case "TINYINT" -> oracleNumber(type, List.of(3L));
            case "DECIMAL", "NUMERIC" -> type.arguments().isEmpty() ? oracleNumber(type, List.of(38L, 0L))
                    : withOraclePrecision(type);
            case "NUMBER" -> withOraclePrecision(type);
            case "FLOAT", "REAL", "DOUBLE" -> type.written().toUpperCase(java.util.Locale.ROOT).startsWith("BINARY_")
                    ? type : oracleNumber(type, List.of(decimalDigits(type), SqlType.MAX));
            case "DATE" -> new SqlType(type.written(), "TIMESTAMP", List.of(0L), false, false, false, "");
            default -> type;
        };
    }

    /**
     * The type as MySQL and MariaDB store it. SERIAL is BIGINT UNSIGNED (NOT NULL AUTO_INCREMENT UNIQUE), not
     * PostgreSQL's four-byte integer; they have no boolean type and store BOOL and BOOLEAN as TINYINT(1), so
     * {@code TINYINT(1)} to {@code BOOLEAN} changes nothing, though a column declared BOOLEAN holds only the 0 and 1
     * that TRUE and FALSE are; REAL is their DOUBLE (unless the REAL_AS_FLOAT mode is
     * set), not the single precision REAL of the others; YEAR(4), the only width MySQL 8 still accepts, is YEAR; and
     * the national types are their utf8 (utf8mb3) character set.
     */
    private static SqlType mySqlStored(SqlType type) {
        if (type.characterSet().equalsIgnoreCase("UTF8MB3")) {
            return mySqlStored(withCharacterSet(type, "UTF8")); // utf8 is the name MySQL long gave utf8mb3
        }
        if (type.written().equalsIgnoreCase("SERIAL")) {
            return new SqlType(type.written(), "BIGINT", List.of(), true, false, false, "");
        }
        return switch (type.base()) {
            case "NVARCHAR", "NCHAR" -> new SqlType(type.written(), type.base().substring(1), type.arguments(), false,
                    false, false, "UTF8");
            case "BOOLEAN" -> new SqlType(type.written(), "TINYINT", List.of(1L), false, false, false, "")
                    .asDeclaredBoolean();
            case "YEAR" -> type.firstArgument() == 4
                    ? new SqlType(type.written(), "YEAR", List.of(), false, false, false, "") : type;
            // FLOAT4 reads as REAL too, but is the single precision FLOAT: only REAL as written is a DOUBLE.
            case "REAL" -> type.written().toUpperCase(java.util.Locale.ROOT).startsWith("REAL")
                    ? new SqlType(type.written(), "DOUBLE", type.arguments(), type.unsigned(), false, false, "") : type;
            default -> type;
        };
    }

    /**
     * The type without its UNSIGNED, for a database that has no unsigned integers ({@link Dialect#hasUnsignedIntegers}):
     * the column holds signed values, as old steps written for MySQL and kept for every database declare them.
     */
    private static SqlType signed(SqlType type) {
        return new SqlType(type.written(), type.base(), type.arguments(), false, type.withTimeZone(),
                type.characterUnits(), type.characterSet(), type.declaredBoolean());
    }

    private static SqlType withCharacterSet(SqlType type, String characterSet) {
        return new SqlType(type.written(), type.base(), type.arguments(), type.unsigned(), type.withTimeZone(),
                type.characterUnits(), characterSet);
    }

    /** Oracle's {@code NUMBER(*, 0)}, as its dictionary shows an INTEGER column: a precision of {@code *} is 38. */
    private static SqlType withOraclePrecision(SqlType type) {
        return type.arguments().size() == 2 && type.firstArgument() == SqlType.MAX
                ? oracleNumber(type, List.of(38L, type.secondArgument())) : type;
    }

    private static SqlType oracleNumber(SqlType type, List<Long> arguments) {
        return new SqlType(type.written(), "NUMBER", arguments, false, false, false, "", type.declaredBoolean());
    }

    /** Decimal digits of an Oracle FLOAT of b binary digits: b times log10(2), rounded up. */
    private static long decimalDigits(SqlType type) {
        long binary = type.base().equals("REAL") ? 63 : type.firstArgument() > 0 ? type.firstArgument() : 126;
        return (long) Math.ceil(binary * Math.log10(2));
    }

    static TypeChange lossless(SqlType from, SqlType to, String reason) {
        return new TypeChange(from, to, Verdict.LOSSLESS, reason);
    }

    static TypeChange lossy(SqlType from, SqlType to, String reason) {
        return new TypeChange(from, to, Verdict.LOSSY, reason);
    }

    /** A lossy change that alters values without an error: every database rounds or cuts them silently. */
    static TypeChange silent(SqlType from, SqlType to, String reason) {
        return new TypeChange(from, to, Verdict.LOSSY, reason, true);
    }

    static TypeChange unknown(SqlType from, SqlType to, String reason) {
        return new TypeChange(from, to, Verdict.UNKNOWN, reason);
    }
}
