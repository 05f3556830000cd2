package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite: with {@code PRAGMA writable_schema = 1}, {@code DELETE FROM sqlite_master WHERE ..} removes the schema
 * entries of tables behind the engine's back; once the connection closes SQLite no longer knows them, and their
 * rows are gone with them. A WHERE that keeps to other entries ({@code type = 'index'}, {@code 'trigger'},
 * {@code 'view'}) loses no rows.
 */
final class SqliteSchemaDeletion {

    private static final Set<String> SCHEMA_TABLES = Set.of("sqlite_master", "sqlite_schema",
            "sqlite_temp_master", "sqlite_temp_schema");

    /**
     * The deletion.
     *
     * @param words the statement's words for messages, {@code DELETE FROM sqlite_master}
     * @param tables the tables its WHERE names ({@code name = 'x'}, {@code tbl_name IN ('x', 'y')}), or empty when
     *     it names none
     */
    record Deletion(String words, List<String> tables) {
    }

    private SqliteSchemaDeletion() {
    }

    /** The deletion {@code core} (a DELETE statement) makes from SQLite's schema table, if it is one. */
    static Optional<Deletion> of(List<Token> core) {
        int at = core.size() > 1 && core.get(1).isWord("FROM") ? 2 : 1;
        ObjectNames.NameAt target = ObjectNames.readName(core, at);
        if (target == null || !SCHEMA_TABLES.contains(
                ObjectNames.normalize(ObjectNames.lastPart(target.text())).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> tables = new ArrayList<>();
        for (int i = target.next(); i + 2 < core.size(); i++) {
            Token column = core.get(i);
            if (!column.isAnyWord("NAME", "TBL_NAME", "TYPE")) {
                continue;
            }
            List<String> values = MatchedLiterals.at(core, i + 1);
            if (column.isWord("TYPE") && !values.isEmpty() && !values.contains("table")) {
                return Optional.empty();
            }
            if (!column.isWord("TYPE")) {
                values.stream().filter(value -> !tables.contains(value)).forEach(tables::add);
            }
        }
        return Optional.of(new Deletion("DELETE FROM " + target.text(), tables));
    }
}
