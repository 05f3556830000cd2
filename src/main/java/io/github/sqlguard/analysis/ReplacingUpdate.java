package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * SQLite's {@code UPDATE OR REPLACE t SET ..}: where an updated row takes the primary or unique key another row
 * holds, SQLite deletes that other row instead of failing, so renaming a key onto one in use
 * ({@code SET name = 'upload_limit' WHERE name = 'max_upload'}) silently removes the row that had it.
 *
 * @param at the REPLACE word
 * @param table the target as written
 */
record ReplacingUpdate(Token at, String table) {

    /** The replacing update {@code core} spells, if it is one. */
    static Optional<ReplacingUpdate> of(List<Token> core) {
        if (core.size() < 4 || !core.get(0).isWord("UPDATE") || !core.get(1).isWord("OR")
                || !core.get(2).isWord("REPLACE")) {
            return Optional.empty();
        }
        ObjectNames.NameAt table = ObjectNames.readName(core, 3);
        return table == null ? Optional.empty() : Optional.of(new ReplacingUpdate(core.get(2), table.text()));
    }
}
