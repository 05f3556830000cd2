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
