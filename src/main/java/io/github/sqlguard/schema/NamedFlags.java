package io.github.sqlguard.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * One yes-or-no fact about named objects (a view keeps no rows, a type is an enum), as each statement of a replay
 * left it, so that "was it so before statement n" stays answerable after later statements changed it. A fork reads
 * what its parent knew up to the fork and keeps what it changes to itself.
 */
final class NamedFlags {

    private final NamedFlags parent;
    private final int forkedAt;
    /** The position of the statement being replayed, which a change belongs to. */
    private final IntSupplier current;
    /** Per name key: the fact after each statement that set it. */
    private final Map<String, TreeMap<Integer, Boolean>> flags = new HashMap<>();

    NamedFlags(IntSupplier current) {
        this(null, 0, current);
    }

    private NamedFlags(NamedFlags parent, int forkedAt, IntSupplier current) {
        this.parent = parent;
        this.forkedAt = forkedAt;
        this.current = current;
    }

    /** Flags that start as these are at {@code position} and go their own way, following {@code current}. */
    NamedFlags fork(int position, IntSupplier current) {
        return new NamedFlags(this, position, current);
    }

    /** Records the fact for {@code name} as the statement being replayed leaves it. */
    void put(String name, boolean flag) {
        flags.computeIfAbsent(SchemaNames.key(name), k -> new TreeMap<>()).put(current.getAsInt(), flag);
    }

    /** The fact for {@code name} before the statement at {@code statementPosition}; false when never set. */
    boolean before(String name, int statementPosition) {
        TreeMap<Integer, Boolean> history = flags.get(SchemaNames.key(name));
        var entry = history == null ? null : history.lowerEntry(statementPosition);
        if (entry != null) {
            return entry.getValue();
        }
        return parent != null && parent.before(name, Math.min(statementPosition, forkedAt + 1));
    }

    /** Ends a fact that holds for {@code name}, when the statement being replayed drops it. */
    void clear(String name) {
        if (before(name, current.getAsInt() + 1)) {
            put(name, false);
        }
    }

    /** Moves a fact that holds for {@code old} to {@code renamed}, when the statement being replayed renames it. */
    void rename(String old, String renamed) {
        if (before(old, current.getAsInt() + 1)) {
            put(old, false);
            put(renamed, true);
        }
    }
}
