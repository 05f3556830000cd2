package io.github.sqlguard.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * The local temporary tables of a replay ({@code CREATE TEMP TABLE t_backup (..)}): the script that makes one reads
 * and fills it as any table, SQLite's rebuild through a backup copy among them, but it goes with the session that
 * made it, which the replay ends with the script. Whether a name was such a table stays answerable per statement.
 */
final class SessionTables {

    /** Per table: whether it was a local temporary table, as each statement left it. */
    private final NamedFlags temporary;
    /** The keys of those the current script made and has not dropped. */
    private final Set<String> open = new LinkedHashSet<>();
    /** The positions at which a session ended and took tables with it. */
    private final NavigableSet<Integer> ends;
    private final IntSupplier current;

    SessionTables(IntSupplier current) {
        this(new NamedFlags(current), new TreeSet<>(), current);
    }

    private SessionTables(NamedFlags temporary, NavigableSet<Integer> ends, IntSupplier current) {
        this.temporary = temporary;
        this.ends = ends;
        this.current = current;
    }

    /** Tables that start as these are at {@code position} (none open) and go their own way. */
    SessionTables fork(int position, IntSupplier current) {
        return new SessionTables(temporary.fork(position, current), new TreeSet<>(ends.headSet(position, true)),
                current);
    }

    /** The statement being replayed makes {@code key} a local temporary table. */
    void created(String key) {
        open.add(key);
        temporary.put(key, true);
    }

    /** The statement being replayed drops {@code key}, or makes a lasting table of that name. */
    void gone(String key) {
        if (open.remove(key)) {
            temporary.clear(key);
        }
    }

    /** True when no local temporary table is open. */
    boolean noneOpen() {
        return open.isEmpty();
    }

    /** The session ended: the keys of the tables it took with it, which are no temporary tables from now on. */
    List<String> ended() {
        List<String> keys = List.copyOf(open);
        keys.forEach(temporary::clear);
        open.clear();
        ends.add(current.getAsInt());
        return keys;
    }

    /** True when the position {@code statementPosition} is no statement but the end of a session. */
    boolean endedAt(int statementPosition) {
        return ends.contains(statementPosition);
    }

    /** True when {@code name} was a local temporary table before the statement at {@code statementPosition}. */
    boolean before(String name, int statementPosition) {
        return temporary.before(name, statementPosition);
    }
}
