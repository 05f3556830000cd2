package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;

/** The per-family comparisons behind {@link TypeChange}: one method per target family. */
final class TypeJudge {

    private final SqlType from;
    private final SqlType to;
    private final Dialect dialect;
    private final boolean sqlServerTypes;

    TypeJudge(SqlType from, SqlType to, Dialect dialect, boolean sqlServerTypes) {
        this.from = from;
        this.to = to;
        this.dialect = dialect;
        this.sqlServerTypes = sqlServerTypes;
    }

    String familyChange() {
        return TypeFamily.of(from).name().toLowerCase() + " to " + TypeFamily.of(to).name().toLowerCase()
                + " can fail or change values";
    }

    TypeChange longer(long oldLength, long newLength, String unit) {
        if (newLength == SqlType.MAX) {
            return TypeChange.lossless(from, to, "no length limit"); // whatever the old length was
        }
        if (oldLength < 0 || newLength < 0) {
            return TypeChange.unknown(from, to, "length not known");
        }
        return newLength >= oldLength ? TypeChange.lossless(from, to, "as long or longer")
                : TypeChange.lossy(from, to, "shorter: " + size(oldLength) + " to " + size(newLength) + " " + unit);
    }

    /** MySQL's YEAR, which holds 0 and the years 1901 to 2155, written with four digits. */
    private boolean year() {
        return from.base().equals("YEAR");
    }

    TypeChange toText(TypeFamily source) {
        long newLength = TypeFamily.length(to, dialect);
        if (EnumValues.isValueList(from)) {
            return valueListToText(newLength);
        }
        long needed = switch (source) {
            case TEXT -> textLength(newLength);
            case INTEGER -> TypeFamily.integerWidth(from);
            case EXACT -> widthOfExact();
            case APPROXIMATE -> 25;
            case BOOLEAN -> booleanTextWidth();
            case DATE -> 10;
            case TIME -> 18;
            case TIMESTAMP -> 35;
            case UUID -> 36;
            case JSON, BINARY, OTHER -> year() ? 4 : SqlType.MAX;
        };
        if (source == TypeFamily.OTHER && dialect == Dialect.POSTGRESQL && newLength == SqlType.MAX) {
            // An enum, a domain, an array, inet, interval ..: PostgreSQL converts through the type's text output.
            return TypeChange.lossless(from, to, "every PostgreSQL value has a text form, and no length limit");
        }
        if (source == TypeFamily.BINARY || source == TypeFamily.OTHER && !year()) {
            return TypeChange.lossy(from, to, familyChange());
        }
        if (source == TypeFamily.TEXT) {
            if (TypeFamily.national(from) && !TypeFamily.national(to) && !dialect.isMySqlFamily()
                    && dialect != Dialect.POSTGRESQL && dialect != Dialect.H2) {
                return TypeChange.lossy(from, to, "national to single-byte characters can lose characters");
            }
            if (from.characterUnits() && !to.characterUnits() && to.base().equals("VARCHAR")) {
                // Oracle: VARCHAR2(n CHAR) to VARCHAR2(m BYTE) fits only when m covers 4 bytes per character.
                needed = needed < 0 ? needed : Math.min(SqlType.MAX, needed * 4);
                return longer(needed, newLength, "bytes");
            }
            if (dialect.isMySqlFamily() && MySqlCharacterWidths.sizedInBytes(to) && to.arguments().isEmpty()
                    && !MySqlCharacterWidths.sizedInBytes(from) && needed > 0 && needed != SqlType.MAX
                    && newLength != SqlType.MAX) {
                // MySQL: TINYTEXT, TEXT and MEDIUMTEXT hold bytes, a VARCHAR characters of up to 4 bytes each
                // (but never more than the 65,535 bytes of a row, so only a TINYTEXT can be too short).
                int width = MySqlCharacterWidths.maxBytes(to.characterSet());
                long bytes = Math.min(needed * width, 65_535);
                if (bytes > newLength) {
                    return TypeChange.lossy(from, to, "shorter: " + to.base() + " holds " + newLength + " bytes, "
                            + needed + " characters take up to " + bytes + (to.characterSet().isEmpty()
                                    ? " in utf8mb4, the default character set"
                                    : " in " + to.characterSet().toLowerCase(java.util.Locale.ROOT)));
                }
            }
            if (dialect.isMySqlFamily() && MySqlCharacterWidths.sizedInBytes(from) && from.arguments().isEmpty()
                    && !MySqlCharacterWidths.sizedInBytes(to) && needed != SqlType.MAX && newLength >= 0
                    && needed > newLength) {
                // Bytes against characters: a TEXT's 65,535 is no count of characters.
                return TypeChange.lossy(from, to, "shorter: " + needed + " bytes to " + newLength + " characters");
            }
            if (to.base().equals("CHAR") || to.base().equals("NCHAR")) {
                TypeChange length = longer(needed, newLength, "characters");
                // Cutting values off matters more than padding them: say that when both happen.
                if (!from.base().equals("CHAR") && !from.base().equals("NCHAR")
                        && length.verdict() != TypeChange.Verdict.LOSSY) {
                    // MySQL and MariaDB pad a CHAR where they store it, but strip every trailing space where they
                    // read it back: the spaces a value ended with are gone, and no padding is ever seen.
                    return TypeChange.silent(from, to, dialect.isMySqlFamily()
                            ? "CHAR drops the spaces every value ends with: MySQL strips them when it reads a CHAR"
                            : "CHAR pads every value with spaces");
                }
                return length;
            }
            if (dialect.isMySqlFamily() && MySqlCharacterWidths.sizedInBytes(to)
                    && (MySqlCharacterWidths.sizedInBytes(from) || from.base().equals("LONGTEXT"))) {
                // MySQL: one TEXT type to a shorter one (TEXT(1000) is a TEXT) compares bytes on both sides
                return longer(needed, newLength, "bytes");
            }
        }
        // MySQL: a JSON value of any length going into a TEXT type is measured against the bytes that type holds.
        boolean bytesOnly = needed == SqlType.MAX && dialect.isMySqlFamily() && MySqlCharacterWidths.sizedInBytes(to);
        return longer(needed, newLength, bytesOnly ? "bytes" : "characters");
    }

    /**
     * MySQL's ENUM or SET becomes the text of its value ({@code ENUM('draft', 'paid')} to {@code VARCHAR(5)} keeps
     * every row): lossy only when the longest value, or a SET's members joined, is longer than the new type holds.
     */
    private TypeChange valueListToText(long newLength) {
        long needed = EnumValues.textWidth(from);
        if (needed < 0) {
            return TypeChange.lossy(from, to, familyChange());
        }
        boolean bytes = dialect.isMySqlFamily() && MySqlCharacterWidths.sizedInBytes(to) && to.arguments().isEmpty();
        long held = bytes ? newLength / MySqlCharacterWidths.maxBytes(to.characterSet()) : newLength;
        if (newLength == SqlType.MAX || newLength < 0 || held >= needed) {
            return newLength < 0 ? TypeChange.unknown(from, to, "length not known")
                    : TypeChange.lossless(from, to, "every value fits");
        }
        String what = from.base().equals("SET") ? "a value holding every member of the SET takes " + needed
                + " characters" : "its longest value takes " + needed + (needed == 1 ? " character" : " characters");
        return TypeChange.lossy(from, to, "shorter: " + what + ", " + to.base() + (bytes ? " holds " + newLength
                + " bytes" : " holds " + newLength) + (bytes ? "" : newLength == 1 ? " character" : " characters"));
    }

    /**
     * The characters of a boolean's text: one digit where the database keeps it as a number (MySQL's BOOLEAN,
     * Liquibase's BOOLEAN on Oracle and MySQL, also when it was read as BOOLEAN without a known database and is
     * copied on one of them) or writes its bit as a digit (SQL Server's BIT becomes '0' or '1', PostgreSQL's bit(1)
     * too); elsewhere the word: PostgreSQL and H2 write 'true' and 'false', Oracle 23's own BOOLEAN 'TRUE' and
     * 'FALSE'. MySQL's BIT becomes a byte, not a digit, so it keeps the longer width.
     */
    private long booleanTextWidth() {
        boolean bit = from.base().equals("BIT");
        if (from.declaredBoolean() && (!bit && !from.base().equals("BOOLEAN")
                || dialect == Dialect.ORACLE || dialect.isMySqlFamily() || dialect == Dialect.SQLSERVER)) {
            return 1;
        }
        return bit && (dialect == Dialect.SQLSERVER || dialect == Dialect.POSTGRESQL) ? 1 : 5;
    }

    /**
     * The source's length; on MySQL and MariaDB a VARCHAR of unknown length ({@code VARCHAR(${limit})}) still
     * holds at most 65,535 bytes, the most a row holds, so it fits a target as long as a TEXT (a shorter one may
     * or may not hold it).
     */
    private long textLength(long newLength) {
        long length = TypeFamily.length(from, dialect);
        boolean varchar = from.base().equals("VARCHAR") || from.base().equals("NVARCHAR");
        return length < 0 && varchar && dialect.isMySqlFamily() && newLength >= 65_535 ? 65_535 : length;
    }

    /**
     * The longest text of an exact numeric: its digits, a sign unless it is unsigned, and a point with a zero before
     * it when it has a scale ({@code DECIMAL(3)} is at most {@code -999}, four characters; {@code DECIMAL(2, 2)}
     * {@code -0.99}). A scale outside 0 to the precision keeps the two extra characters once counted.
     */
    private long widthOfExact() {
        long precision = TypeFamily.precision(from, dialect);
        if (precision < 0 || precision == SqlType.MAX) {
            return precision;
        }
        long scale = TypeFamily.scale(from, dialect);
        if (scale < 0 || scale > precision) {
            return precision + 2;
        }
        long point = scale == 0 ? 0 : scale == precision ? 2 : 1;
        return precision + point + (from.unsigned() ? 0 : 1);
    }

    TypeChange toInteger(TypeFamily source) {
        if (year()) {
            return TypeFamily.integerDigits(to) >= 4 ? TypeChange.lossless(from, to, "every year fits")
                    : TypeChange.lossy(from, to, "too narrow for the years 1901 to 2155");
        }
        if (source == TypeFamily.BOOLEAN) {
            return TypeChange.lossless(from, to, "true and false become 1 and 0");
        }
        if (source == TypeFamily.INTEGER) {
            int oldBytes = TypeFamily.integerBytes(from);
            int newBytes = TypeFamily.integerBytes(to);
            if (from.unsigned() == to.unsigned()) {
                return newBytes >= oldBytes ? TypeChange.lossless(from, to, "as wide or wider")
                        : TypeChange.lossy(from, to, "narrower integer");
            }
            if (to.unsigned()) {
                return TypeChange.lossy(from, to, "unsigned cannot hold negative values");
            }
            return newBytes > oldBytes ? TypeChange.lossless(from, to, "wider")
                    : newBytes < oldBytes ? TypeChange.lossy(from, to, "narrower integer, " + oldBytes + " to "
                            + newBytes + " bytes, and signed")
                    : TypeChange.lossy(from, to, "signed holds only half the unsigned range");
        }
        if (source == TypeFamily.EXACT) {
            long scale = TypeFamily.scale(from, dialect);
            long precision = TypeFamily.precision(from, dialect);
            if (precision < 0) {
                return TypeChange.unknown(from, to, "precision not known");
            }
            if (scale != 0) {
                return TypeChange.silent(from, to, "numeric to integer rounds the fraction");
            }
            return precision <= TypeFamily.integerDigits(to) ? TypeChange.lossless(from, to, "fits")
                    : TypeChange.lossy(from, to, "integer holds fewer digits than " + from);
        }
        return source == TypeFamily.APPROXIMATE ? TypeChange.silent(from, to, "floating point to integer rounds")
                : TypeChange.lossy(from, to, familyChange());
    }

    TypeChange toExact(TypeFamily source) {
        long precision = TypeFamily.precision(to, dialect);
        long scale = TypeFamily.scale(to, dialect);
        if (source == TypeFamily.BOOLEAN) {
            return TypeChange.lossless(from, to, "true and false become 1 and 0");
        }
        if (source == TypeFamily.INTEGER) {
            if (precision < 0) {
                return TypeChange.unknown(from, to, "precision not known");
            }
            // A floating point (DECFLOAT) spends all its digits on the integer part when the value needs them.
            long integerDigits = precision == SqlType.MAX || scale == SqlType.MAX ? precision
                    : precision - Math.min(scale, precision);
            boolean fits = integerDigits >= TypeFamily.integerWidth(from) - 1;
            return fits ? TypeChange.lossless(from, to, "fits")
                    : scale == SqlType.MAX ? TypeChange.silent(from, to, "rounds integers of more than " + precision
                            + " digits")
                    : TypeChange.lossy(from, to, "fewer digits than " + from + " holds");
        }
        if (source == TypeFamily.EXACT) {
            long oldPrecision = TypeFamily.precision(from, dialect);
            long oldScale = TypeFamily.scale(from, dialect);
            if (precision < 0 || oldPrecision < 0) {
                return TypeChange.unknown(from, to, "precision not known");
            }
            if (precision == SqlType.MAX && scale == SqlType.MAX) {
                return TypeChange.lossless(from, to, "unbounded numeric");
            }
            if (scale == SqlType.MAX) {
                // Oracle FLOAT(b), DECFLOAT: a floating decimal point keeps any value of as many significant digits.
                return oldPrecision <= precision || oldPrecision == SqlType.MAX && precision >= 38
                        ? TypeChange.lossless(from, to, "as many significant digits or more")
                        : TypeChange.lossy(from, to, "fewer significant digits: " + size(oldPrecision) + " to "
                                + precision);
            }
            if (oldScale == SqlType.MAX || scale < oldScale) {
                return TypeChange.silent(from, to, "scale " + size(oldScale) + " to " + scale + " rounds values");
            }
            long oldDigits = oldPrecision == SqlType.MAX ? SqlType.MAX : oldPrecision - oldScale;
            long newDigits = precision == SqlType.MAX ? SqlType.MAX : precision - scale;
            return newDigits >= oldDigits ? TypeChange.lossless(from, to, "as wide or wider")
                    : TypeChange.lossy(from, to, "fewer integer digits: " + size(oldDigits) + " to " + newDigits);
        }
        if (source == TypeFamily.APPROXIMATE && to.base().equals("DECFLOAT") && precision >= shortestDecimal()) {
            // A binary float becomes the shortest decimal that reads back as the same value, and a DECFLOAT also
            // holds infinity and NaN.
            return TypeChange.lossless(from, to, "every value's shortest decimal form fits");
        }
        return source == TypeFamily.APPROXIMATE ? TypeChange.silent(from, to, "floating point to numeric rounds")
                : TypeChange.lossy(from, to, familyChange());
    }

    /** Significant digits that tell every value of a binary floating type apart: 9 in single, 17 in double. */
    private int shortestDecimal() {
        return TypeFamily.approximateDigits(from, dialect) <= 6 ? 9 : 17;
    }

    TypeChange toApproximate(TypeFamily source) {
        int digits = TypeFamily.approximateDigits(to, dialect);
        return switch (source) {
            case APPROXIMATE -> digits >= TypeFamily.approximateDigits(from, dialect)
                    ? TypeChange.lossless(from, to, "as precise or more") : TypeChange.silent(from, to, "less precise");
            case INTEGER -> digits >= TypeFamily.integerWidth(from) - 1 ? TypeChange.lossless(from, to, "fits")
                    : TypeChange.silent(from, to, "floating point rounds large integers");
            case EXACT -> {
                long precision = TypeFamily.precision(from, dialect);
                yield precision >= 0 && precision <= digits ? TypeChange.lossless(from, to, "fits")
                        : TypeChange.silent(from, to, "floating point rounds decimal values");
            }
            case BOOLEAN -> TypeChange.lossless(from, to, "true and false become 1 and 0");
            default -> TypeChange.lossy(from, to, familyChange());
        };
    }

    TypeChange toTemporal(TypeFamily source, TypeFamily target) {
        if (source == TypeFamily.TEXT) {
            return TypeChange.lossy(from, to, "text to " + target.name().toLowerCase() + " can fail on existing values");
        }
        if (target == TypeFamily.DATE) {
            return source == TypeFamily.TIMESTAMP ? TypeChange.silent(from, to, "drops the time of day")
                    : TypeChange.lossy(from, to, familyChange());
        }
        if (source == TypeFamily.DATE && target == TypeFamily.TIMESTAMP) {
            return mySqlTimestampRange() ? TypeChange.lossy(from, to, "MySQL TIMESTAMP holds only 1970 to 2038")
                    : TypeChange.lossless(from, to, "dates become midnight");
        }
        if (source != target) {
            return TypeChange.lossy(from, to, familyChange());
        }
        if (from.withTimeZone() && !to.withTimeZone()) {
            return TypeChange.silent(from, to, "drops the time zone");
        }
        long oldDigits = TypeFamily.fractionDigits(from, dialect, sqlServerTypes);
        long newDigits = TypeFamily.fractionDigits(to, dialect, sqlServerTypes);
        if (mySqlTimestampRange() && !from.base().equals("TIMESTAMP")) {
            // DATETIME(6) to TIMESTAMP loses both: name the rounding too, which no error reveals.
            return TypeChange.lossy(from, to, "MySQL TIMESTAMP holds only 1970 to 2038" + (newDigits < oldDigits
                    ? "; fractional seconds " + oldDigits + " to " + newDigits : ""));
        }
        if (to.base().equals("SMALLDATETIME") && !from.base().equals("SMALLDATETIME")) {
            return TypeChange.silent(from, to, "SMALLDATETIME rounds to the minute");
        }
        return newDigits >= oldDigits ? TypeChange.lossless(from, to, "as precise or more")
                : TypeChange.silent(from, to, "fractional seconds " + oldDigits + " to " + newDigits);
    }

    private boolean mySqlTimestampRange() {
        return dialect.isMySqlFamily() && to.base().equals("TIMESTAMP");
    }

    private static String size(long value) {
        return value == SqlType.MAX ? "unlimited" : Long.toString(value);
    }
}
