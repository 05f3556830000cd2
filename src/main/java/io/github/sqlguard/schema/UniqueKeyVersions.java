package io.github.sqlguard.schema;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The named unique keys the replay follows ({@link UniqueKeys}), by name, with the names each table's keys were ever
 * declared under: dropping or creating a table, or dropping one of its columns, must find its keys without a walk
 * over every key of the history, which a project of thousands of scripts would repeat for every CREATE TABLE.
 * The names are shared by a history and its forks and only ever grow, a superset of what one fork has; each is
 * checked against the versions before it counts.
 */
final class UniqueKeyVersions {

    private final NamedVersions<UniqueKeys.Key> versions;
    /** Per table key, every name a key of it was declared under in this history or a fork of it. */
    private final Map<String, Set<String>> namesByTable;

    UniqueKeyVersions(IntSupplier current) {
        this(new NamedVersions<>(current), new ConcurrentHashMap<>());
    }

    private UniqueKeyVersions(NamedVersions<UniqueKeys.Key> versions, Map<String, Set<String>> namesByTable) {
        this.versions = versions;
        this.namesByTable = namesByTable;
    }

    /** Versions that start as these are at {@code position} and go their own way, following {@code current}. */
    UniqueKeyVersions fork(int position, IntSupplier current) {
        return new UniqueKeyVersions(versions.fork(position, current), namesByTable);
    }

    /** Records the key {@code name} as the statement being replayed declares it. */
    void declared(String name, UniqueKeys.Key key) {
        namesByTable.computeIfAbsent(key.table(), table -> ConcurrentHashMap.newKeySet()).add(name);
        versions.put(name, Optional.of(key));
    }

    /** Records that the statement being replayed dropped the key {@code name}, or renamed it away. */
    void removed(String name) {
        versions.put(name, Optional.empty());
    }

    /** The key {@code name} as it was before {@code statementPosition}; empty when there was none. */
    Optional<UniqueKeys.Key> before(String name, int statementPosition) {
        return versions.before(name, statementPosition);
    }

    /**
     * The keys of the table whose key is {@code table} before {@code statementPosition}, by name, in the order they
     * were declared (forks add names concurrently, so the shared set's own order is no order).
     */
    Map<String, UniqueKeys.Key> ofTableBefore(String table, int statementPosition) {
        Set<String> names = namesByTable.get(table);
        if (names == null) {
            return Map.of();
        }
        Map<String, UniqueKeys.Key> keys = new TreeMap<>();
        for (String name : names) {
            versions.before(name, statementPosition).filter(key -> key.table().equals(table))
                    .ifPresent(key -> keys.put(name, key));
        }
        Map<String, UniqueKeys.Key> declaredOrder = new LinkedHashMap<>();
        keys.entrySet().stream().sorted(Comparator.comparingInt(entry -> entry.getValue().at()))
                .forEach(entry -> declaredOrder.put(entry.getKey(), entry.getValue()));
        return declaredOrder;
    }
}
