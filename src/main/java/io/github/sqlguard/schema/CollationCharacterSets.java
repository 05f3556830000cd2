package io.github.sqlguard.schema;

import java.util.Locale;
import java.util.Set;

/**
 * MySQL's and MariaDB's collation names begin with the character set they belong to: {@code utf8_bin} and
 * {@code utf8_general_ci} are collations of {@code utf8}, {@code utf8mb4_0900_ai_ci} of {@code utf8mb4},
 * {@code latin1_swedish_ci} of {@code latin1}, and {@code binary} is a set of its own. A table given only a
 * collation ({@code ALTER TABLE t COLLATE utf8_bin}) therefore gets that set as its default. Names that start with
 * no MySQL character set (PostgreSQL's {@code "C"} or {@code "en_US"}) name none.
 */
final class CollationCharacterSets {

    private static final Set<String> MYSQL_CHARACTER_SETS = Set.of("armscii8", "ascii", "big5", "binary", "cp1250",
            "cp1251", "cp1256", "cp1257", "cp850", "cp852", "cp866", "cp932", "dec8", "eucjpms", "euckr", "gb18030",
            "gb2312", "gbk", "geostd8", "greek", "hebrew", "hp8", "keybcs2", "koi8r", "koi8u", "latin1", "latin2",
            "latin5", "latin7", "macce", "macroman", "sjis", "swe7", "tis620", "ucs2", "ujis", "utf16", "utf16le",
            "utf32", "utf8", "utf8mb3", "utf8mb4");

    private CollationCharacterSets() {
    }

    /** The upper-case character set of the collation named {@code collation} (quotes allowed), or empty. */
    static String of(String collation) {
        String name = collation.replaceAll("[`'\"]", "").toLowerCase(Locale.ROOT);
        int underscore = name.indexOf('_');
        String set = underscore < 0 ? name : name.substring(0, underscore);
        return MYSQL_CHARACTER_SETS.contains(set) ? set.toUpperCase(Locale.ROOT) : "";
    }
}
