package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unique keys the replay saw declared by name: {@code CREATE UNIQUE INDEX uk ON t (tenant, name)}, and
 * {@code [CONSTRAINT uk] UNIQUE [KEY | INDEX] [uk] (..)} in a CREATE TABLE or an ALTER TABLE .. ADD. A copy that takes
 * the columns of such a key (all NOT NULL) beside others tells which row each value came from as surely as the
 * primary key would.
 *
 * <p>Only keys with a name are kept, and only over plain columns: a key the replay could not follow to its drop
 * ({@code DROP INDEX uk}, {@code ALTER TABLE .. DROP INDEX | KEY | CONSTRAINT uk}) would claim a key that no longer
 * holds, and a partial unique index ({@code .. WHERE deleted = false}) or one over expressions keys only some rows or
 * some values. A table dropped, renamed or created again since takes its keys along, and a column of a key dropped or
 * renamed (DROP, CHANGE, RENAME) takes that key.
 */
final class UniqueKeys {

    /**
     * A unique key as declared.
     *
     * @param table the key of its table
     * @param columns its columns as written
     * @param at the position of the statement that declared it
     */
    record Key(String table, List<String> columns, int at) {
    }

    private UniqueKeys() {
    }

    /**
     * The column lists of the named unique keys of table {@code name} before the statement at {@code position} whose
     * columns the table still has, each NOT NULL, and which the table kept since they were declared: it was not
     * dropped or renamed away in between.
     */
    static List<List<String>> before(SchemaHistory history, String name, int position) {
        Optional<Table> table = history.tableBefore(name, position);
        if (table.isEmpty()) {
            return List.of();
        }
        String key = SchemaNames.key(name);
        List<List<String>> keys = new ArrayList<>();
        for (Key unique : history.uniqueKeys().ofTableBefore(key, position).values()) {
            if (history.tableKept(key, unique.at(), position) && unique.columns()
                    .stream().allMatch(c -> table.get().column(c).map(Column::notNull).orElse(false))) {
                keys.add(unique.columns());
            }
        }
        return keys;
    }

    /**
     * True when table {@code name} holds no two rows with one non-null value in {@code column} before the statement at
     * {@code position}: the column is its primary key, or the only column of a named unique key the table kept since
     * it was declared. Unlike {@link #before}, a nullable column counts: NULLs name nothing.
     */
    static boolean distinctValuesIn(SchemaHistory history, String name, String column, int position) {
        Optional<Table> table = history.tableBefore(name, position);
        String columnKey = SchemaNames.key(column);
        if (table.isEmpty() || table.get().column(column).isEmpty()) {
            return false;
        }
        if (table.get().primaryKey().size() == 1
                && SchemaNames.key(table.get().primaryKey().get(0)).equals(columnKey)) {
            return true;
        }
        String key = SchemaNames.key(name);
        return history.uniqueKeys().ofTableBefore(key, position).values().stream()
                .anyMatch(unique -> unique.columns().size() == 1
                        && SchemaNames.key(unique.columns().get(0)).equals(columnKey)
                        && history.tableKept(key, unique.at(), position));
    }

    /**
     * The table and the one column of the unique key {@code keyName} declared over a single column, as it stood before
     * the statement at {@code position}, when its table was kept since it was declared.
     */
    static Optional<Map.Entry<String, String>> singleColumnKeyNamed(SchemaHistory history, String keyName,
            int position) {
        return history.uniqueKeys().before(SchemaNames.key(keyName), position)
                .filter(key -> key.columns().size() == 1 && history.tableKept(key.table(), key.at(), position))
                .map(key -> Map.entry(key.table(), key.columns().get(0)));
    }

    /** The names {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] a, b} drops, from the word after INDEX. */
    static List<String> droppedIndexNames(List<Token> tokens, int from) {
        List<String> names = new ArrayList<>();
        int i = skipWords(tokens, from, "CONCURRENTLY", "IF", "EXISTS");
        for (SchemaNames.Read name = SchemaNames.name(tokens, i); name != null;
                name = name.next() < tokens.size() && tokens.get(name.next()).isSymbol(",")
                        ? SchemaNames.name(tokens, name.next() + 1) : null) {
            names.add(name.text());
        }
        return names;
    }

    /** Replays a CREATE statement from the word after CREATE: a unique index, or a table's named unique keys. */
    static void created(List<Token> tokens, int from, SchemaHistory history, int position) {
        int i = from;
        if (i < tokens.size() && tokens.get(i).isWord("UNIQUE")) {
            createdIndex(tokens, i + 1, history, position);
            return;
        }
        while (i < tokens.size() && i < from + 4 && !tokens.get(i).isWord("TABLE")) {
            i++; // OR REPLACE, GLOBAL TEMPORARY, UNLOGGED ..
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("TABLE")) {
            return;
        }
        i = skipWords(tokens, i + 1, "IF", "NOT", "EXISTS");
        SchemaNames.Read table = SchemaNames.name(tokens, i);
        if (table == null) {
            return;
        }
        forgetTable(table.text(), history, position); // a table created again has only the keys it declares now
        int open = table.next();
        if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) {
            return;
        }
        int close = ObjectNames.skipParentheses(tokens, open);
        for (List<Token> element : ObjectNames.splitAtCommas(tokens, open + 1, close - 1)) {
            declared(element, 0).ifPresent(named -> history.uniqueKeys().declared(named.name(),
                    new Key(SchemaNames.key(table.text()), named.columns(), position)));
        }
    }

    /** Replays the clauses of an ALTER TABLE on {@code table}: unique keys added, dropped or renamed. */
    static void altered(String table, List<List<Token>> clauses, SchemaHistory history, int position) {
        for (List<Token> clause : clauses) {
            if (clause.size() < 2) {
                continue;
            }
            if (clause.get(0).isWord("ADD")) {
                declared(clause, 1).ifPresent(named -> history.uniqueKeys().declared(named.name(),
                        new Key(SchemaNames.key(table), named.columns(), position)));
            } else if (clause.get(0).isWord("DROP") && clause.get(1).isAnyWord("INDEX", "KEY", "CONSTRAINT")) {
                SchemaNames.Read name = SchemaNames.name(clause, skipWords(clause, 2, "IF", "EXISTS"));
                if (name != null) {
                    history.uniqueKeys().removed(SchemaNames.key(name.text()));
                }
            } else if (clause.get(0).isWord("DROP") && clause.get(1).isWord("UNIQUE")) {
                // Oracle and H2: ALTER TABLE t DROP UNIQUE (a, b) names the key by its columns
                plainColumns(clause, 2).ifPresent(columns -> forgetKeyOver(table, columns, history, position));
            } else if (clause.get(0).isWord("RENAME") && clause.get(1).isAnyWord("INDEX", "KEY", "CONSTRAINT")) {
                SchemaNames.Read old = SchemaNames.name(clause, 2);
                if (old != null && old.next() + 1 < clause.size() && clause.get(old.next()).isWord("TO")) {
                    SchemaNames.Read renamed = SchemaNames.name(clause, old.next() + 1);
                    renamed(old.text(), renamed == null ? null : renamed.text(), history, position);
                }
            } else if (clause.get(0).isAnyWord("DROP", "CHANGE", "RENAME")) {
                // PostgreSQL drops the index with a column of it, MySQL narrows it; a column renamed away may see
                // another take its name: either way the key is no longer the one declared
                SchemaNames.Read column = SchemaNames.name(clause, skipWords(clause, 1, "COLUMN", "IF", "EXISTS"));
                if (column != null) {
                    forgetKeysWith(table, column.text(), history, position);
                }
            }
        }
    }

    /** Replays {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] a [, b] [ON t]} from the word after INDEX. */
    static void droppedIndexes(List<Token> tokens, int from, SchemaHistory history) {
        int i = skipWords(tokens, from, "CONCURRENTLY", "IF", "EXISTS");
        while (i < tokens.size()) {
            SchemaNames.Read name = SchemaNames.name(tokens, i);
            if (name == null) {
                return;
            }
            history.uniqueKeys().removed(SchemaNames.key(name.text()));
            if (name.next() >= tokens.size() || !tokens.get(name.next()).isSymbol(",")) {
                return;
            }
            i = name.next() + 1;
        }
    }

    /** Replays {@code ALTER INDEX [IF EXISTS] a RENAME TO b} from the word after INDEX. */
    static void alteredIndex(List<Token> tokens, int from, SchemaHistory history, int position) {
        SchemaNames.Read old = SchemaNames.name(tokens, skipWords(tokens, from, "IF", "EXISTS"));
        if (old == null || old.next() + 2 >= tokens.size() || !tokens.get(old.next()).isWord("RENAME")
                || !tokens.get(old.next() + 1).isWord("TO")) {
            return;
        }
        SchemaNames.Read renamed = SchemaNames.name(tokens, old.next() + 2);
        renamed(old.text(), renamed == null ? null : renamed.text(), history, position);
    }

    private static void renamed(String old, String renamed, SchemaHistory history, int position) {
        Optional<Key> key = history.uniqueKeys().before(SchemaNames.key(old), position + 1);
        history.uniqueKeys().removed(SchemaNames.key(old));
        if (key.isPresent() && renamed != null) {
            history.uniqueKeys().declared(SchemaNames.key(renamed), key.get());
        }
    }

    /** {@code CREATE UNIQUE [CLUSTERED | NONCLUSTERED] INDEX [CONCURRENTLY] [IF NOT EXISTS] uk ON t (a, b)}. */
    private static void createdIndex(List<Token> tokens, int from, SchemaHistory history, int position) {
        int i = skipWords(tokens, from, "CLUSTERED", "NONCLUSTERED");
        if (i >= tokens.size() || !tokens.get(i).isWord("INDEX")) {
            return;
        }
        i = skipWords(tokens, i + 1, "CONCURRENTLY", "IF", "NOT", "EXISTS");
        SchemaNames.Read name = SchemaNames.name(tokens, i);
        if (name == null || tokens.get(i).isWord("ON") || name.next() >= tokens.size()
                || !tokens.get(name.next()).isWord("ON")) {
            return; // PostgreSQL's index without a name: nothing could drop it by name, so it is not followed
        }
        SchemaNames.Read table = SchemaNames.name(tokens, skipWords(tokens, name.next() + 1, "ONLY"));
        if (table == null) {
            return;
        }
        int open = table.next();
        if (open + 1 < tokens.size() && tokens.get(open).isWord("USING")) {
            open += 2;
        }
        Optional<List<String>> columns = plainColumns(tokens, open);
        int after = ObjectNames.skipParentheses(tokens, open);
        boolean partial = tokens.subList(after, tokens.size()).stream().anyMatch(token -> token.isWord("WHERE"));
        if (columns.isPresent() && !partial) {
            history.uniqueKeys().declared(SchemaNames.key(name.text()),
                    new Key(SchemaNames.key(table.text()), columns.get(), position));
        }
    }

    /** A name and the columns of a key. */
    private record Named(String name, List<String> columns) {
    }

    /** The named unique key an element declares from {@code at}: {@code [CONSTRAINT c] UNIQUE [KEY] [k] (a, b)}. */
    private static Optional<Named> declared(List<Token> element, int at) {
        int i = at;
        String name = null;
        if (i + 1 < element.size() && element.get(i).isWord("CONSTRAINT")) {
            SchemaNames.Read constraint = SchemaNames.name(element, i + 1);
            if (constraint == null) {
                return Optional.empty();
            }
            name = constraint.text();
            i = constraint.next();
        }
        if (i >= element.size() || !element.get(i).isWord("UNIQUE")) {
            return Optional.empty();
        }
        i = skipWords(element, i + 1, "KEY", "INDEX");
        if (i < element.size() && !element.get(i).isSymbol("(")) {
            SchemaNames.Read index = SchemaNames.name(element, i);
            if (index == null) {
                return Optional.empty();
            }
            name = index.text(); // MySQL names the index by the name after KEY when both are given
            i = index.next();
        }
        Optional<List<String>> columns = plainColumns(element, i);
        return name == null || columns.isEmpty() ? Optional.empty()
                : Optional.of(new Named(SchemaNames.key(name), columns.get()));
    }

    /** The columns listed at {@code open}, each a name with at most ASC or DESC; empty for anything else. */
    private static Optional<List<String>> plainColumns(List<Token> tokens, int open) {
        int close = ObjectNames.skipParentheses(tokens, open);
        if (close == open || !tokens.get(close - 1).isSymbol(")")) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        for (List<Token> part : ObjectNames.splitAtCommas(tokens, open + 1, close - 1)) {
            SchemaNames.Read column = SchemaNames.name(part, 0);
            int end = column == null ? 0 : skipWords(part, column.next(), "ASC", "DESC");
            if (column == null || end != part.size()) {
                return Optional.empty();
            }
            columns.add(column.text());
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
    }

    private static void forgetTable(String table, SchemaHistory history, int position) {
        String key = SchemaNames.key(table);
        for (String name : history.uniqueKeys().ofTableBefore(key, position + 1).keySet()) {
            history.uniqueKeys().removed(name);
        }
    }

    private static void forgetKeysWith(String table, String column, SchemaHistory history, int position) {
        String key = SchemaNames.key(table);
        String columnKey = SchemaNames.key(column);
        for (Map.Entry<String, Key> entry : history.uniqueKeys().ofTableBefore(key, position + 1).entrySet()) {
            if (entry.getValue().columns().stream().anyMatch(c -> SchemaNames.key(c).equals(columnKey))) {
                history.uniqueKeys().removed(entry.getKey());
            }
        }
    }

    private static void forgetKeyOver(String table, List<String> columns, SchemaHistory history, int position) {
        String key = SchemaNames.key(table);
        List<String> keys = columns.stream().map(SchemaNames::key).toList();
        for (Map.Entry<String, Key> entry : history.uniqueKeys().ofTableBefore(key, position + 1).entrySet()) {
            if (entry.getValue().columns().stream().map(SchemaNames::key).toList().equals(keys)) {
                history.uniqueKeys().removed(entry.getKey());
            }
        }
    }

    private static int skipWords(List<Token> tokens, int from, String... words) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).isAnyWord(words)) {
            i++;
        }
        return i;
    }
}
