package io.github.sqlguard.schema;

import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * One yes-or-no fact about named objects (a view keeps no rows, a type is an enum), as each statement of a replay
 * left it, so that "was it so before statement n" stays answerable after later statements changed it. A fork reads
 * what its parent knew up to the fork and keeps what it changes to itself.
 */
final class NamedFlags {

    /** The position of the statement being replayed, which a change belongs to. */
    private final IntSupplier current;
    private final NamedVersions<Boolean> flags;

    NamedFlags(IntSupplier current) {
        this(current, new NamedVersions<>(current));
    }

    private NamedFlags(IntSupplier current, NamedVersions<Boolean> flags) {
        this.current = current;
        this.flags = flags;
    }

    /** Flags that start as these are at {@code position} and go their own way, following {@code current}. */
    NamedFlags fork(int position, IntSupplier current) {
        return new NamedFlags(current, flags.fork(position, current));
    }

    /** Records the fact for {@code name} as the statement being replayed leaves it. */
    void put(String name, boolean flag) {
        flags.put(SchemaNames.key(name), Optional.of(flag));
    }

    /** The fact for {@code name} before the statement at {@code statementPosition}; false when never set. */
    boolean before(String name, int statementPosition) {
        return flags.before(SchemaNames.key(name), statementPosition).orElse(false);
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
