package io.github.sqlguard.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The foreign keys of the replayed tables read backwards: which tables lose rows when rows of a table go.
 * Only keys the replay knows count, so the lists are a lower bound; keys created outside the scanned
 * migrations are not in them.
 */
public final class CascadeGraph {

    private final List<Table> tables;

    CascadeGraph(List<Table> tables) {
        this.tables = List.copyOf(tables);
    }

    /**
     * The tables whose rows a DELETE of {@code table}'s rows also deletes, through {@code ON DELETE CASCADE},
     * transitively, nearest first, without {@code table} itself.
     */
    public List<String> deletedWith(String table) {
        return reachable(table, true);
    }

    /**
     * The tables PostgreSQL's {@code TRUNCATE .. CASCADE} also empties: every table with a foreign key to it,
     * whatever the key's ON DELETE action, transitively.
     */
    public List<String> truncatedWith(String table) {
        return reachable(table, false);
    }

    /**
     * The referencing columns ({@code payments.order_id}) that a DELETE of {@code table}'s rows, and of the rows
     * {@link #deletedWith} it, sets to NULL or to their default through {@code ON DELETE SET NULL} or
     * {@code SET DEFAULT}: the rows stay, but lose which row they belonged to.
     */
    public List<String> clearedWith(String table) {
        List<String> deleted = new ArrayList<>(deletedWith(table));
        deleted.add(0, table);
        List<String> columns = new ArrayList<>();
        for (Table candidate : tables) {
            for (ForeignKey key : candidate.foreignKeys()) {
                if (key.onDelete().startsWith("SET ") && deleted.stream().anyMatch(key::references)
                        && deleted.stream().noneMatch(gone -> SchemaNames.key(gone).equals(
                                SchemaNames.key(candidate.name())))) {
                    key.columns().forEach(column -> columns.add(candidate.name() + "." + column));
                }
            }
        }
        return columns;
    }

    /** The tables holding a foreign key to {@code table}, whose keys a {@code DROP .. CASCADE} drops. */
    public List<String> referencing(String table) {
        List<String> names = new ArrayList<>();
        for (Table candidate : tables) {
            if (!SchemaNames.key(candidate.name()).equals(SchemaNames.key(table))
                    && candidate.foreignKeys().stream().anyMatch(key -> key.references(table))) {
                names.add(candidate.name());
            }
        }
        return names;
    }

    private List<String> reachable(String start, boolean onlyDeleteCascade) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(SchemaNames.key(start));
        List<String> result = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (Table candidate : tables) {
                boolean linked = candidate.foreignKeys().stream().anyMatch(key -> key.references(current)
                        && (!onlyDeleteCascade || key.deleteCascades()));
                if (linked && seen.add(SchemaNames.key(candidate.name()))) {
                    result.add(candidate.name());
                    queue.add(candidate.name());
                }
            }
        }
        return result;
    }
}
