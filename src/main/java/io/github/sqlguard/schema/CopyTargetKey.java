package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a copy's source whose values fill, as they are, the whole primary key of the table the copy writes
 * ({@code INSERT INTO contents (file_id, body) SELECT id, body FROM files} into a {@code contents} keyed by
 * {@code file_id}). The database refuses a copy whose rows repeat a key or leave it empty, so once the copy ran
 * those columns were set and told the copied rows apart, whatever the replay knows of the source's own key.
 */
final class CopyTargetKey {

    /**
     * Words of an INSERT that lets a row the key refuses pass silently: MySQL's {@code INSERT IGNORE}, PostgreSQL's
     * and SQLite's {@code ON CONFLICT}, MySQL's {@code ON DUPLICATE KEY}, SQLite's {@code OR REPLACE}, Oracle's
     * {@code LOG ERRORS}. Such a copy keeps one row per key and proves nothing of the rows it read.
     */
    private static final String[] SKIPS_REFUSED_ROWS = {"IGNORE", "CONFLICT", "DUPLICATE", "REPLACE", "ERRORS"};

    private CopyTargetKey() {
    }

    /**
     * The keys of the source's columns that the copy at {@code main} writes into the whole primary key of its
     * target, as the replay knows that key in {@code before}; empty when it writes the key from anything else, only
     * in part, without naming the target's columns, or in a way that skips the rows the key refuses.
     */
    static Set<String> sourceColumns(List<Token> tokens, int main, SchemaView before, boolean selectIntoMakesTable) {
        if (tokens.stream().anyMatch(token -> token.isAnyWord(SKIPS_REFUSED_ROWS))) {
            return Set.of();
        }
        Optional<ColumnListCopy.SelectList> copy = ColumnListCopy.selectList(tokens, main, selectIntoMakesTable);
        if (copy.isEmpty() || copy.get().targetColumns().size() != copy.get().items().size()) {
            return Set.of();
        }
        List<String> key = before.table(copy.get().target()).map(Table::primaryKey).orElse(List.of());
        List<String> written = copy.get().targetColumns().stream().map(SchemaNames::key).toList();
        Set<String> filledFrom = new HashSet<>();
        for (String column : key) {
            int at = written.indexOf(SchemaNames.key(column));
            Optional<String> read = at < 0 ? Optional.empty() : plainColumn(copy.get().items().get(at));
            if (read.isEmpty()) {
                return Set.of();
            }
            filledFrom.add(read.get());
        }
        return Set.copyOf(filledFrom);
    }

    /** The key of the column a select list's item reads as it is ({@code id}, {@code f.id}), else empty. */
    private static Optional<String> plainColumn(List<Token> item) {
        if (item.size() == 1 && ColumnListCopy.isName(item.get(0))) {
            return Optional.of(SchemaNames.key(item.get(0).text()));
        }
        if (item.size() == 3 && ColumnListCopy.isName(item.get(0)) && item.get(1).isSymbol(".")
                && ColumnListCopy.isName(item.get(2))) {
            return Optional.of(SchemaNames.key(item.get(2).text()));
        }
        return Optional.empty();
    }
}
