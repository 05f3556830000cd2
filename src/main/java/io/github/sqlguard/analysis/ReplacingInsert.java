package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * An insert that deletes the rows it collides with: MySQL's, MariaDB's and SQLite's
 * {@code REPLACE [LOW_PRIORITY | DELAYED] [INTO] t}, SQLite's {@code INSERT OR REPLACE INTO t}, and MySQL's
 * {@code LOAD DATA|XML .. INFILE 'f' REPLACE INTO TABLE t}. Unlike an upsert ({@code ON DUPLICATE KEY UPDATE},
 * {@code ON CONFLICT DO UPDATE}), the old row is deleted: the columns the insert does not list fall back to their
 * defaults, and {@code ON DELETE CASCADE} removes its children.
 *
 * @param at the REPLACE word
 * @param words the statement's words for messages, e.g. {@code REPLACE INTO}
 * @param table the target as written
 */
record ReplacingInsert(Token at, String words, String table) {

    /** The replacing insert {@code core} spells, if it is one. */
    static Optional<ReplacingInsert> of(List<Token> core) {
        Token verb = core.get(0);
        if (verb.isWord("REPLACE")) {
            return target(core, skip(core, 1, "LOW_PRIORITY", "DELAYED"), verb, "REPLACE INTO");
        }
        if (verb.isWord("INSERT") && core.size() > 2 && core.get(1).isWord("OR") && core.get(2).isWord("REPLACE")) {
            return target(core, 3, core.get(2), "INSERT OR REPLACE INTO");
        }
        if (verb.isWord("LOAD") && core.size() > 1 && core.get(1).isAnyWord("DATA", "XML")) {
            for (int i = 2; i + 1 < core.size(); i++) {
                // The REPLACE before INTO TABLE; the file name is a string, so no word of it counts.
                if (core.get(i).isWord("REPLACE") && core.get(i + 1).isWord("INTO")) {
                    return target(core, i + 1, core.get(i), "LOAD " + core.get(1).upper() + " .. REPLACE INTO TABLE");
                }
                if (core.get(i).isWord("INTO")) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ReplacingInsert> target(List<Token> core, int from, Token at, String words) {
        int i = skip(core, from, "INTO");
        i = skip(core, i, "TABLE");
        ObjectNames.NameAt table = ObjectNames.readName(core, i);
        return table == null ? Optional.empty() : Optional.of(new ReplacingInsert(at, words, table.text()));
    }

    private static int skip(List<Token> core, int i, String... words) {
        while (i < core.size() && core.get(i).isAnyWord(words)) {
            i++;
        }
        return i;
    }
}
