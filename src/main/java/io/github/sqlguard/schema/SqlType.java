package io.github.sqlguard.schema;

import io.github.sqlguard.model.DeclaredBoolean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A column type as a migration writes it, read into a base name and its arguments: {@code VARCHAR(100)},
 * {@code character varying(100)}, {@code NUMERIC(10, 2)}, {@code VARCHAR2(20 CHAR)}, {@code NVARCHAR(MAX)},
 * {@code INT UNSIGNED}, {@code TIMESTAMP(3) WITH TIME ZONE}, {@code datetime(6)}.
 *
 * @param written the type as written, spacing normalised, for messages
 * @param base the canonical upper-case base name ({@code character varying} and {@code varchar} both give
 *     {@code VARCHAR}, {@code int4} gives {@code INTEGER})
 * @param arguments the numbers in parentheses; {@link #MAX} stands for T-SQL's {@code MAX}
 * @param unsigned MySQL {@code UNSIGNED}
 * @param withTimeZone {@code WITH TIME ZONE}, {@code TIMESTAMPTZ}, T-SQL {@code DATETIMEOFFSET}
 * @param characterUnits Oracle {@code VARCHAR2(n CHAR)}: the length counts characters, not bytes
 * @param characterSet MySQL {@code VARCHAR(50) CHARACTER SET latin1}: the character set in upper case, or empty
 *     when none is written (the table's default)
 * @param declaredBoolean true for a type that stands for a boolean the migration declared by a name the database
 *     turns into its own type: MySQL's {@code BOOLEAN} (its {@code TINYINT(1)}) and Liquibase's BOOLEAN
 *     ({@link DeclaredBoolean}; {@code NUMBER(1)} on Oracle, {@code TINYINT} on MySQL, {@code BOOLEAN} without a
 *     known database). Where the database keeps it as a number, its values are 0 and 1, where the number type
 *     declared as itself would hold -9 or -128 too
 */
public record SqlType(String written, String base, List<Long> arguments, boolean unsigned, boolean withTimeZone,
        boolean characterUnits, String characterSet, boolean declaredBoolean) {

    // Compiled once: a type is read for every column the replay meets.
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern LENGTH_UNIT = Pattern.compile(" (CHAR|BYTE|CHARACTERS|OCTETS)$");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    /** Db2's, H2's and HSQLDB's large object lengths in multiples of 1024: {@code CLOB(1M)}, {@code BLOB(2 G)}. */
    private static final Pattern SIZE_WITH_MULTIPLIER = Pattern.compile("(\\d{1,12}) ?([KMGTP])");
    private static final String MULTIPLIERS = "KMGTP";
    private static final Pattern SIGN_WORDS = Pattern.compile(" (UNSIGNED|SIGNED|ZEROFILL)");
    private static final Pattern QUOTES = Pattern.compile("^(\"|`|\\[)|(\"|`|])$");
    private static final Pattern SYSTEM_SCHEMA = Pattern.compile("^(PG_CATALOG|SYS|DBO)\\.");
    private static final Pattern CHARACTER_SET = Pattern.compile(" (CHARACTER SET|CHARSET|COLLATE|BINARY) .*$");
    private static final Pattern CHARACTER_SET_NAME = Pattern.compile("(?:CHARACTER SET|CHARSET) [`'\"]?(\\w+)");

    /** T-SQL {@code VARCHAR(MAX)}: as long as the database allows. */
    public static final long MAX = Long.MAX_VALUE;

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("CHARACTER VARYING", "VARCHAR"), Map.entry("CHAR VARYING", "VARCHAR"),
            Map.entry("NATIONAL CHARACTER VARYING", "NVARCHAR"), Map.entry("NATIONAL CHAR VARYING", "NVARCHAR"),
            Map.entry("NATIONAL CHARACTER", "NCHAR"), Map.entry("NATIONAL CHAR", "NCHAR"),
            Map.entry("NATIONAL VARCHAR", "NVARCHAR"), Map.entry("NCHAR VARYING", "NVARCHAR"),
            Map.entry("CHARACTER", "CHAR"), Map.entry("BPCHAR", "CHAR"), Map.entry("VARCHAR2", "VARCHAR"),
            Map.entry("NVARCHAR2", "NVARCHAR"), Map.entry("CHARACTER LARGE OBJECT", "CLOB"),
            Map.entry("CHAR LARGE OBJECT", "CLOB"), Map.entry("NATIONAL CHARACTER LARGE OBJECT", "NCLOB"),
            Map.entry("NATIONAL CHAR LARGE OBJECT", "NCLOB"), Map.entry("NCHAR LARGE OBJECT", "NCLOB"),
            // H2: the case-sensitive VARCHAR of its 1.4 releases, which 2.x still reads as VARCHAR.
            Map.entry("VARCHAR_CASESENSITIVE", "VARCHAR"),
            Map.entry("INT", "INTEGER"), Map.entry("INT4", "INTEGER"), Map.entry("INT8", "BIGINT"),
            Map.entry("INT2", "SMALLINT"), Map.entry("INT1", "TINYINT"), Map.entry("INT3", "MEDIUMINT"),
            Map.entry("SERIAL", "INTEGER"),
            Map.entry("SERIAL4", "INTEGER"), Map.entry("BIGSERIAL", "BIGINT"), Map.entry("SERIAL8", "BIGINT"),
            Map.entry("SMALLSERIAL", "SMALLINT"), Map.entry("SERIAL2", "SMALLINT"), Map.entry("MIDDLEINT", "MEDIUMINT"),
            Map.entry("DEC", "DECIMAL"), Map.entry("FIXED", "DECIMAL"), Map.entry("FLOAT4", "REAL"),
            Map.entry("FLOAT8", "DOUBLE"), Map.entry("DOUBLE PRECISION", "DOUBLE"), Map.entry("BINARY_DOUBLE", "DOUBLE"),
            Map.entry("BINARY_FLOAT", "REAL"), Map.entry("BOOL", "BOOLEAN"),
            Map.entry("TIMESTAMPTZ", "TIMESTAMP"), Map.entry("TIMETZ", "TIME"), Map.entry("DATETIMEOFFSET", "DATETIME2"),
            Map.entry("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP"), Map.entry("TIMESTAMP WITH TIME ZONE", "TIMESTAMP"),
            Map.entry("TIMESTAMP WITH LOCAL TIME ZONE", "TIMESTAMP"), Map.entry("TIME WITHOUT TIME ZONE", "TIME"),
            Map.entry("TIME WITH TIME ZONE", "TIME"), Map.entry("BINARY VARYING", "VARBINARY"),
            Map.entry("BINARY LARGE OBJECT", "BLOB"), Map.entry("LONG VARCHAR", "MEDIUMTEXT"),
            Map.entry("NTEXT", "NCLOB"), Map.entry("LONG", "CLOB"), Map.entry("STRING", "TEXT"),
            // H2 and HSQLDB: long forms of the varying types, which H2 reads as VARBINARY and VARCHAR; LONGVARCHAR
            // holds megabytes there (and Liquibase reads it as its CLOB), so as a CLOB in every dialect.
            Map.entry("LONGVARBINARY", "VARBINARY"), Map.entry("LONGVARCHAR", "CLOB"),
            // Db2: its graphic types hold double-byte (in a Unicode database UTF-16) characters, as NCHAR, NVARCHAR
            // and NCLOB, which it takes as their synonyms.
            Map.entry("GRAPHIC", "NCHAR"), Map.entry("VARGRAPHIC", "NVARCHAR"), Map.entry("DBCLOB", "NCLOB"));

    public SqlType {
        arguments = List.copyOf(arguments);
    }

    /** A type as it is declared, not standing for a boolean. */
    public SqlType(String written, String base, List<Long> arguments, boolean unsigned, boolean withTimeZone,
            boolean characterUnits, String characterSet) {
        this(written, base, arguments, unsigned, withTimeZone, characterUnits, characterSet, false);
    }

    /** This type, standing for a declared boolean. */
    SqlType asDeclaredBoolean() {
        return new SqlType(written, base, arguments, unsigned, withTimeZone, characterUnits, characterSet, true);
    }

    /** Types already read, by their text: migrations write the same few types over and over. */
    private static final BoundedMemo<SqlType> READ = new BoundedMemo<>(4096, SqlType::read);

    /**
     * Reads a written type. Never fails: a type it does not know keeps its upper-cased name as base, and
     * {@link TypeChange} judges a change involving it as unknown.
     */
    public static SqlType parse(String written) {
        return READ.get(written);
    }

    private static SqlType read(String written) {
        String text = WHITE_SPACE.matcher(written.strip()).replaceAll(" ");
        String stored = DeclaredBoolean.unmarked(text);
        if (stored != null) {
            return read(stored).asDeclaredBoolean();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        boolean unsigned = upper.contains(" UNSIGNED");
        boolean characterUnits = false;
        boolean withTimeZone = upper.contains("WITH TIME ZONE") || upper.contains("WITH LOCAL TIME ZONE")
                || upper.startsWith("TIMESTAMPTZ") || upper.startsWith("TIMETZ") || upper.startsWith("DATETIMEOFFSET");
        List<Long> arguments = new ArrayList<>();
        int open = upper.indexOf('(');
        String name = open < 0 ? upper : upper.substring(0, open).strip();
        if (open >= 0) {
            int close = upper.indexOf(')', open);
            String inside = upper.substring(open + 1, close < 0 ? upper.length() : close);
            for (String part : inside.split(",")) {
                String value = part.strip();
                if (value.endsWith(" CHAR")) {
                    characterUnits = true;
                }
                value = LENGTH_UNIT.matcher(value).replaceAll("").strip();
                if (value.equals("MAX")) {
                    arguments.add(MAX);
                } else if (INTEGER.matcher(value).matches()) {
                    arguments.add(Long.parseLong(value));
                } else if (SIZE_WITH_MULTIPLIER.matcher(value).matches()) {
                    arguments.add(withMultiplier(value));
                } else if (!value.isEmpty()) {
                    // PostgreSQL numeric(*, 2), Oracle NUMBER(*, 0): the precision is the maximum.
                    arguments.add(value.equals("*") ? MAX : -1L);
                }
            }
            // TIMESTAMP(3) WITH TIME ZONE: the words after the arguments belong to the name.
            String after = close < 0 ? "" : upper.substring(close + 1).strip();
            if (after.startsWith("WITH") || after.startsWith("WITHOUT")) {
                name = name + " " + after;
            }
        }
        name = QUOTES.matcher(SIGN_WORDS.matcher(name).replaceAll("")).replaceAll("").strip();
        name = SYSTEM_SCHEMA.matcher(name).replaceAll("");
        // MySQL: CHARACTER SET / COLLATE after the type is not part of it.
        name = CHARACTER_SET.matcher(name).replaceAll("");
        String base = SYNONYMS.getOrDefault(name, name);
        java.util.regex.Matcher characterSet = CHARACTER_SET_NAME.matcher(upper);
        return new SqlType(text, base, arguments, unsigned, withTimeZone, characterUnits,
                characterSet.find() ? characterSet.group(1) : "");
    }

    /** {@code 1M} as 1,048,576: the number times 1024 for each step of K, M, G, T and P. */
    private static long withMultiplier(String value) {
        java.util.regex.Matcher size = SIZE_WITH_MULTIPLIER.matcher(value);
        size.matches();
        long result = Long.parseLong(size.group(1));
        for (int step = 0; step <= MULTIPLIERS.indexOf(size.group(2)); step++) {
            result = result > MAX / 1024 ? MAX : result * 1024;
        }
        return result;
    }

    /**
     * True when {@code other} is the same type however it is written ({@code int4} and {@code integer}, {@code date}
     * and {@code DATE}); the character set aside, which callers compare as their dialect stores it.
     */
    public boolean sameTypeAs(SqlType other) {
        return base.equals(other.base) && arguments.equals(other.arguments) && unsigned == other.unsigned
                && withTimeZone == other.withTimeZone && characterUnits == other.characterUnits;
    }

    /** The first argument (length or precision), or -1 when none was written. */
    public long firstArgument() {
        return arguments.isEmpty() ? -1 : arguments.get(0);
    }

    /** The second argument (scale), or -1 when none was written. */
    public long secondArgument() {
        return arguments.size() < 2 ? -1 : arguments.get(1);
    }

    @Override
    public String toString() {
        return written;
    }
}
