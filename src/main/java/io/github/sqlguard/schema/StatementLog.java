package io.github.sqlguard.schema;

import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link SchemaHistory} notes per statement position besides its tables: where each statement starts, the
 * column types it gives, and the rows its DELETE selects by the length of a column. Messages and rules read these
 * back along the statements of one file: a type a later statement of the same script gives the column, the deletes
 * that made room for a narrowing earlier in it.
 */
final class StatementLog {

    /** The log of the history this one's was forked from, or null. */
    private final StatementLog parent;
    /** The parent's position at the fork: this log holds the positions after it. */
    private final int forkedAt;
    /**
     * Per position after the fork, in order: where its statement starts, for messages. The location the
     * statement already has, not a text made of it: a replay has a position for every statement it saw.
     */
    private final List<Location> places = new ArrayList<>();
    private final Map<Integer, List<ColumnRetype>> retypes = new HashMap<>();
    /** Per position: the rows its DELETE selected by the length of a column ({@link DeletedToFitNarrowing}). */
    private final Map<Integer, DeletedToFitNarrowing.Selection> lengthDeletes = new HashMap<>();

    StatementLog(StatementLog parent, int forkedAt) {
        this.parent = parent;
        this.forkedAt = forkedAt;
    }

    /** A column type a later statement gives, and where that statement starts. */
    record LaterRetype(ColumnRetype retype, Location at) {
    }

    /** Notes where the next statement starts: null for a statement read alone. */
    void started(Location place) {
        places.add(place);
    }

    /** Where the last statement noted starts, or null. */
    Location lastPlace() {
        return places.isEmpty() ? null : places.get(places.size() - 1);
    }

    /** Where the statement at a position stands ({@code path:line}); null for a position this log never had. */
    String placeAt(int statementPosition) {
        if (statementPosition <= forkedAt) {
            return parent == null ? null : parent.placeAt(statementPosition);
        }
        int index = statementPosition - forkedAt - 1;
        if (index >= places.size()) {
            return null;
        }
        Location place = places.get(index);
        return place == null ? "" : place.path() + ":" + place.line();
    }

    void retyped(int statementPosition, ColumnRetype retype) {
        retypes.computeIfAbsent(statementPosition, p -> new ArrayList<>()).add(retype);
    }

    List<ColumnRetype> retypesAt(int statementPosition) {
        return retypes.getOrDefault(statementPosition, List.of());
    }

    /** Takes the retypes {@code other} recorded at {@code statementPosition} as this log's own. */
    void retypesFrom(StatementLog other, int statementPosition) {
        List<ColumnRetype> found = other.retypesAt(statementPosition);
        if (!found.isEmpty()) {
            retypes.computeIfAbsent(statementPosition, p -> new ArrayList<>()).addAll(found);
        }
    }

    /**
     * The first statement after {@code statementPosition}, up to {@code last}, and in the same file {@code path}
     * that gives {@code column} of {@code table} a type.
     */
    Optional<LaterRetype> laterRetypeInFile(String table, String column, String path, int statementPosition,
            int last) {
        for (int at = statementPosition + 1; at <= last; at++) {
            int index = at - forkedAt - 1;
            Location place = index < 0 || index >= places.size() ? null : places.get(index);
            if (place == null || place.path() == null || !place.path().equals(path)) {
                return Optional.empty();
            }
            for (ColumnRetype retype : retypesAt(at)) {
                if (SchemaNames.key(retype.table()).equals(SchemaNames.key(table))
                        && SchemaNames.key(retype.column()).equals(SchemaNames.key(column))) {
                    return Optional.of(new LaterRetype(retype, place));
                }
            }
        }
        return Optional.empty();
    }

    /** Notes that the statement at {@code statementPosition} deletes the rows {@code selection} names. */
    void deletedByLength(int statementPosition, DeletedToFitNarrowing.Selection selection) {
        lengthDeletes.put(statementPosition, selection);
    }

    /**
     * The rows the DELETEs before {@code statementPosition} in the same file {@code path} selected by the length of
     * a column, back to the first statement of that file this log has.
     */
    List<DeletedToFitNarrowing.Selection> earlierLengthDeletesInFile(String path, int statementPosition) {
        List<DeletedToFitNarrowing.Selection> found = new ArrayList<>();
        for (int at = statementPosition - 1; at > forkedAt && !lengthDeletes.isEmpty(); at--) {
            Location place = places.get(at - forkedAt - 1);
            if (place == null || place.path() == null || !place.path().equals(path)) {
                break;
            }
            DeletedToFitNarrowing.Selection selection = lengthDeletes.get(at);
            if (selection != null) {
                found.add(selection);
            }
        }
        return found;
    }
}
