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

    /**
     * A foreign key with {@code ON DELETE CASCADE}: deleting a row of {@code parent} deletes the rows of {@code child}
     * whose {@code columns} refer to it.
     *
     * @param child the referencing table as written
     * @param columns its referencing columns
     * @param parent the referenced table as written
     * @param name the constraint name as written, or empty when the database names it
     */
    public record Link(String child, List<String> columns, String parent, String name) {

        public Link {
            columns = List.copyOf(columns);
        }

        /** {@code integration.type} or {@code order_lines (order_id, shop_id)}: the referencing side as written. */
        public String referencingColumns() {
            return columns.size() == 1 ? child + "." + columns.get(0) : child + " (" + String.join(", ", columns) + ")";
        }
    }

    /**
     * The ON DELETE CASCADE keys a DELETE of rows of {@code table} fires, transitively, nearest first: each table
     * reached once, through the first key found, and never {@code table} itself (a key to its own table deletes
     * more of the rows the statement already deletes from).
     */
    public List<Link> cascadingLinks(String table) {
        return cascadingLinks(List.of(table));
    }

    /** As {@link #cascadingLinks(String)}, for a DELETE of rows of every one of {@code targets}. */
    public List<Link> cascadingLinks(List<String> targets) {
        Set<String> seen = new LinkedHashSet<>();
        targets.forEach(table -> seen.add(SchemaNames.key(table)));
        List<Link> links = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(targets);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (Table candidate : tables) {
                for (ForeignKey key : candidate.foreignKeys()) {
                    if (key.deleteCascades() && key.references(current) && seen.add(SchemaNames.key(candidate.name()))) {
                        links.add(new Link(candidate.name(), key.columns(), current, key.name()));
                        queue.add(candidate.name());
                    }
                }
            }
        }
        return links;
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
