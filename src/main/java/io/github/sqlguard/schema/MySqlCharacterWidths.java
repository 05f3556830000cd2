package io.github.sqlguard.schema;

import java.util.Locale;
import java.util.Map;

/**
 * How many bytes a character may take in a MySQL character set. MySQL sizes TINYTEXT, TEXT and MEDIUMTEXT in bytes
 * (255, 65,535, 16,777,215) but VARCHAR and CHAR in characters, so a VARCHAR(100) of Chinese text in utf8mb4 needs up
 * to 400 bytes and does not fit a TINYTEXT.
 */
final class MySqlCharacterWidths {

    /** The multi-byte character sets; every other one MySQL knows takes one byte a character. */
    private static final Map<String, Integer> MULTI_BYTE = Map.ofEntries(
            Map.entry("UTF8MB4", 4), Map.entry("UTF8", 3), Map.entry("UTF8MB3", 3), Map.entry("UTF16", 4),
            Map.entry("UTF16LE", 4), Map.entry("UTF32", 4), Map.entry("UCS2", 2), Map.entry("GB18030", 4),
            Map.entry("GBK", 2), Map.entry("GB2312", 2), Map.entry("BIG5", 2), Map.entry("SJIS", 2),
            Map.entry("CP932", 2), Map.entry("EUCKR", 2), Map.entry("UJIS", 3), Map.entry("EUCJPMS", 3));

    private MySqlCharacterWidths() {
    }

    /**
     * The most bytes one character of {@code characterSet} takes; 4 for one not named (MySQL 8's default, utf8mb4,
     * and the widest there is).
     */
    static int maxBytes(String characterSet) {
        if (characterSet.isEmpty()) {
            return 4;
        }
        return MULTI_BYTE.getOrDefault(characterSet.toUpperCase(Locale.ROOT), 1);
    }

    /** True for MySQL's text types whose size is counted in bytes and bounded: TINYTEXT, TEXT, MEDIUMTEXT. */
    static boolean sizedInBytes(SqlType type) {
        return type.base().equals("TINYTEXT") || type.base().equals("TEXT") || type.base().equals("MEDIUMTEXT");
    }
}
