package io.github.sqlguard.schema;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's collation names begin with the character set they belong to: {@code utf8_bin} and
 * {@code utf8_general_ci} are collations of {@code utf8}, {@code utf8mb4_0900_ai_ci} of {@code utf8mb4},
 * {@code latin1_swedish_ci} of {@code latin1}, and {@code binary} is a set of its own. A table given only a
 * collation ({@code ALTER TABLE t COLLATE utf8_bin}) therefore gets that set as its default, and a column given only
 * one ({@code varchar(120) COLLATE utf8_bin}) that set as its own. Names that start with no MySQL character set
 * (PostgreSQL's {@code "C"} or {@code "en_US"}) name none.
 */
final class CollationCharacterSets {

    private static final Set<String> MYSQL_CHARACTER_SETS = Set.of("armscii8", "ascii", "big5", "binary", "cp1250",
            "cp1251", "cp1256", "cp1257", "cp850", "cp852", "cp866", "cp932", "dec8", "eucjpms", "euckr", "gb18030",
            "gb2312", "gbk", "geostd8", "greek", "hebrew", "hp8", "keybcs2", "koi8r", "koi8u", "latin1", "latin2",
            "latin5", "latin7", "macce", "macroman", "sjis", "swe7", "tis620", "ucs2", "ujis", "utf16", "utf16le",
            "utf32", "utf8", "utf8mb3", "utf8mb4");

    /**
     * A collation name as MySQL and MariaDB form them: a set, then words, ending in {@code _ci} or {@code _cs}, or
     * the set's binary one ({@code utf8_bin}, {@code utf8mb4_0900_bin}, MariaDB's {@code utf8mb4_nopad_bin}).
     * SQL Server's names, which a column's COLLATE also takes, end in their accent sensitivity
     * ({@code Latin1_General_CI_AS}) or in {@code _BIN} after a language word ({@code Latin1_General_BIN}).
     */
    private static final Pattern MYSQL_SHAPE = Pattern.compile("[a-z0-9]+(?:(?:_[a-z0-9]+)*_c[is]|(?:_0900|_nopad)?_bin)");

    private CollationCharacterSets() {
    }

    /** The upper-case character set of the collation named {@code collation} (quotes allowed), or empty. */
    static String of(String collation) {
        String name = collation.replaceAll("[`'\"]", "").toLowerCase(Locale.ROOT);
        int underscore = name.indexOf('_');
        String set = underscore < 0 ? name : name.substring(0, underscore);
        return MYSQL_CHARACTER_SETS.contains(set) ? set.toUpperCase(Locale.ROOT) : "";
    }

    /**
     * The upper-case character set of a column's {@code COLLATE collation}, or empty when the name is not formed as
     * MySQL's are: a column's COLLATE is written in every dialect, a table's only in MySQL's.
     */
    static String ofColumnCollation(String collation) {
        String name = collation.replaceAll("[`'\"]", "").toLowerCase(Locale.ROOT);
        return MYSQL_SHAPE.matcher(name).matches() ? of(name) : "";
    }
}
