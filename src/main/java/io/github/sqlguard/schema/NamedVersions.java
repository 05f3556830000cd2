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
    /**
     * Per key, in the order first set: the object after each statement that set it; empty once removed. Made on the
     * first put, as most forks (a down script's, a branch's) set nothing of most kinds.
     */
    private Map<String, TreeMap<Integer, Optional<T>>> versions = Map.of();
    /**
     * The position of the latest put, the keys put there and the highest position any put had: the statement being
     * replayed asks what it changed after each statement, which must not cost a walk over every key.
     */
    private int lastPutAt = Integer.MIN_VALUE;
    private String keyPutAtLast;
    private boolean severalPutAtLast;
    private int highestPutAt = Integer.MIN_VALUE;

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
        int at = current.getAsInt();
        if (versions.isEmpty()) {
            versions = new LinkedHashMap<>();
        }
        versions.computeIfAbsent(key, k -> new TreeMap<>()).put(at, value);
        if (at != lastPutAt) {
            lastPutAt = at;
            keyPutAtLast = key;
            severalPutAtLast = false;
        } else if (!key.equals(keyPutAtLast)) {
            severalPutAtLast = true;
        }
        highestPutAt = Math.max(highestPutAt, at);
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
        if (statementPosition > highestPutAt) {
            return List.of();
        }
        if (statementPosition == lastPutAt && statementPosition == highestPutAt && !severalPutAtLast) {
            return List.of(keyPutAtLast);
        }
        return versions.entrySet().stream().filter(entry -> entry.getValue().containsKey(statementPosition))
                .map(Map.Entry::getKey).toList();
    }
}
