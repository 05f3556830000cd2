package io.github.sqlguard.schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * What the replay knows of each named object (a table, a view's query, a yes-or-no fact), as each statement that
 * set or removed it left it, so that "what was it before statement n" stays answerable after later statements
 * changed it. A fork reads what its parent knew up to the fork and keeps what it changes to itself: a project with
 * thousands of down scripts must not copy every version thousands of times.
 *
 * <p>Objects are known by key ({@link SchemaNames#key}); the caller makes the key, since a key is not always its own
 * key again.
 *
 * @param <T> what is known of one object
 */
final class NamedVersions<T> {

    private final NamedVersions<T> parent;
    /** The parent's position when this was forked; what the parent did later is not seen here. */
    private final int forkedAt;
    /** The position of the statement being replayed, which a change belongs to. */
    private final IntSupplier current;
    /** Per key, in the order first set: the object after each statement that set it; empty once removed. */
    private final Map<String, TreeMap<Integer, Optional<T>>> versions = new LinkedHashMap<>();

    NamedVersions(IntSupplier current) {
        this(null, 0, current);
    }

    private NamedVersions(NamedVersions<T> parent, int forkedAt, IntSupplier current) {
        this.parent = parent;
        this.forkedAt = forkedAt;
        this.current = current;
    }

    /** Versions that start as these are at {@code position} and go their own way, following {@code current}. */
    NamedVersions<T> fork(int position, IntSupplier current) {
        return new NamedVersions<>(this, position, current);
    }

    /** Records the object {@code key} as the statement being replayed leaves it; empty when it removes it. */
    void put(String key, Optional<T> value) {
        versions.computeIfAbsent(key, k -> new TreeMap<>()).put(current.getAsInt(), value);
    }

    /**
     * The object {@code key} as the last statement before {@code statementPosition} that set or removed it left it;
     * empty when none did, or it removed it.
     */
    Optional<T> before(String key, int statementPosition) {
        TreeMap<Integer, Optional<T>> own = versions.get(key);
        var entry = own == null ? null : own.lowerEntry(statementPosition);
        if (entry != null) {
            return entry.getValue();
        }
        return parent == null ? Optional.empty() : parent.before(key, Math.min(statementPosition, forkedAt + 1));
    }

    /** Every object that exists before {@code statementPosition}, by key: those set here first, then inherited ones. */
    Map<String, T> allBefore(int statementPosition) {
        Map<String, T> found = new LinkedHashMap<>();
        Set<String> decided = new HashSet<>();
        for (Map.Entry<String, TreeMap<Integer, Optional<T>>> history : versions.entrySet()) {
            var entry = history.getValue().lowerEntry(statementPosition);
            if (entry != null) {
                decided.add(history.getKey());
                entry.getValue().ifPresent(value -> found.put(history.getKey(), value));
            }
        }
        if (parent != null) {
            parent.allBefore(Math.min(statementPosition, forkedAt + 1))
                    .forEach((key, value) -> {
                        if (!decided.contains(key)) {
                            found.put(key, value);
                        }
                    });
        }
        return found;
    }

    /** True when a statement at or before {@code statementPosition} set or removed {@code key}, here or inherited. */
    boolean setUpTo(String key, int statementPosition) {
        TreeMap<Integer, Optional<T>> own = versions.get(key);
        if (own != null && own.floorKey(statementPosition) != null) {
            return true;
        }
        return parent != null && parent.setUpTo(key, Math.min(statementPosition, forkedAt));
    }

    /** Every version of {@code key} seen here, its parent's up to the fork included; null when there is none. */
    TreeMap<Integer, Optional<T>> history(String key) {
        TreeMap<Integer, Optional<T>> own = versions.get(key);
        TreeMap<Integer, Optional<T>> inherited = parent == null ? null : parent.history(key);
        if (inherited == null) {
            return own;
        }
        TreeMap<Integer, Optional<T>> seen = new TreeMap<>(inherited.headMap(forkedAt, true));
        if (own != null) {
            seen.putAll(own);
        }
        return seen.isEmpty() ? null : seen;
    }

    /** The keys of the objects the statement at {@code statementPosition} set or removed, in the order first set. */
    List<String> setAt(int statementPosition) {
        return versions.entrySet().stream().filter(entry -> entry.getValue().containsKey(statementPosition))
                .map(Map.Entry::getKey).toList();
    }
}
