package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.schema.PartialCopies.MovedTo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns one script run moved to another table with their rows' primary key ({@code INSERT INTO share
 * (site_id, slug) SELECT id, share_id FROM site WHERE share_id IS NOT NULL}), by the key of the table copied from and
 * of the column: where each went. Kept apart from {@link TableCopies}' copies of rows because such a copy guards
 * columns, not a table: a drop of the columns or an UPDATE that clears them loses no value, a drop of the table
 * still loses its other columns.
 */
final class MovedColumnCopies {

    private final Map<String, Map<String, MovedTo>> movedColumns = new HashMap<>();

    /** As {@link TableCopies#moved}. */
    void moved(SelectedRowsCopy.MovedColumns moved, String at, Set<String> converted) {
        Map<String, MovedTo> columns = movedColumns.computeIfAbsent(SchemaNames.key(moved.source()),
                k -> new HashMap<>());
        moved.columns().stream().filter(column -> converted.stream().noneMatch(c -> SchemaNames.key(c).equals(column)))
                .forEach(column -> columns.put(column, new MovedTo(moved.target(), at)));
    }

    /** By column key: where the columns of table {@code key} were moved to; empty when none was. */
    Map<String, MovedTo> of(String key) {
        return movedColumns.getOrDefault(key, Map.of());
    }

    /** As {@link TableCopies#guardOfOverwrite}. */
    Optional<Guard> guardOfOverwrite(ColumnWrites.Update update) {
        Map<String, MovedTo> moved = of(SchemaNames.key(update.table()));
        if (update.assigned().isEmpty()
                || !update.assigned().stream().allMatch(c -> moved.containsKey(SchemaNames.key(c)))) {
            return Optional.empty();
        }
        return Optional.of(new Guard(Guard.Kind.VALUES_MOVED, update.assigned().stream()
                .map(c -> "values of " + c + " copied to " + moved.get(SchemaNames.key(c)))
                .collect(Collectors.joining(", "))));
    }

    /** Forgets where the columns of table {@code key} went: its rows, or its name, are others now. */
    void forget(String key) {
        movedColumns.remove(key);
    }

    /** Rows of table {@code key} were removed: the values moved there are gone. */
    void forgetCopiesInto(String key) {
        for (Map<String, MovedTo> columns : movedColumns.values()) {
            columns.values().removeIf(moved -> SchemaNames.key(moved.target()).equals(key));
        }
    }

    /** The tables, as written, that columns were moved to. */
    List<String> copiesInto() {
        return movedColumns.values().stream().flatMap(columns -> columns.values().stream()).map(MovedTo::target)
                .toList();
    }

    /**
     * Follows the renames and drops of {@code clauses} (one statement's): values moved to a renamed table are there
     * now; what was moved from a renamed table is the new name's, and from a dropped one forgotten.
     */
    void follow(List<DestructiveClause> clauses) {
        clauses.stream().filter(CopiedTableChanges::renamesTable).forEach(clause -> {
            String key = SchemaNames.key(clause.table());
            movedColumns.values().forEach(columns -> columns.replaceAll((column, moved) ->
                    !SchemaNames.key(moved.target()).equals(key) ? moved : new MovedTo(clause.detail(), moved.at())));
        });
        CopiedTableChanges.followNames(movedColumns, clauses);
    }
}
