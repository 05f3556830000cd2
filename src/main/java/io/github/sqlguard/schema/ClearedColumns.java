package io.github.sqlguard.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The columns an UPDATE of every row set to NULL earlier in one script run, by table, each with the line that
 * emptied it: until something writes them again they hold no value, so filling them overwrites nothing and
 * changing their type converts nothing. Oracle scripts change a column's type that way, as Oracle refuses
 * {@code MODIFY} to a smaller or other type while values remain: {@code SET tmp = c, c = NULL; MODIFY (c ..); SET
 * c = tmp}. A column the script added without a value and has not written holds only NULL as well.
 */
final class ClearedColumns extends MarkedColumns {

    /**
     * The guard of a type change of {@code table}'s columns that hold only NULL, when it has any: those emptied here,
     * and {@code addedEmpty} (by key, each with its note), which the run scope added without a value.
     */
    Optional<Guard> retypeGuard(String table, Map<String, String> addedEmpty) {
        if (of(table).isEmpty() && addedEmpty.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>(addedEmpty);
        of(table).forEach((column, where) -> notes.put(column, "column " + column + " holds only NULL: it was set"
                + " to NULL in every row at " + where + " and nothing has written it since"));
        return Optional.of(new Guard(Guard.Kind.EMPTIED_COLUMN, String.join("; ", notes.values()), notes));
    }
}
