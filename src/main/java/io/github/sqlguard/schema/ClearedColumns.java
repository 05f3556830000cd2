package io.github.sqlguard.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The columns an UPDATE of every row set to NULL earlier in one script run, by table, each with the line that
 * emptied it: until something writes them again they hold no value, so filling them overwrites nothing and
 * changing their type converts nothing. Oracle scripts change a column's type that way, as Oracle refuses
 * {@code MODIFY} to a smaller or other type while values remain: {@code SET tmp = c, c = NULL; MODIFY (c ..); SET
 * c = tmp}.
 */
final class ClearedColumns extends MarkedColumns {

    /** The guard of a type change of {@code table}'s columns that hold only NULL, when it has any. */
    Optional<Guard> retypeGuard(String table) {
        if (of(table).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        of(table).forEach((column, where) -> notes.put(column, "column " + column + " holds only NULL: it was set"
                + " to NULL in every row at " + where + " and nothing has written it since"));
        return Optional.of(new Guard(Guard.Kind.EMPTIED_COLUMN, String.join("; ", notes.values()), notes));
    }
}
