package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An UPDATE that only fills columns the script (or Liquibase changeset) added, and nothing has written since,
 * overwrites nothing: {@code ADD total_cents; UPDATE t SET total_cents = total * 100}. An old column it clears
 * after copying its values into such a column ({@code SET value_new = value, value = NULL}) loses nothing either,
 * and neither does writing that column back afterwards ({@code SET value = value_new}), as scripts do that change
 * a column's type while it holds no value. Nor does setting again a column an earlier UPDATE of every row gave a
 * value that reads nothing of the row ({@link RowIndependentFills}).
 */
final class NewColumnFill {

    private NewColumnFill() {
    }

    /**
     * The guard of {@code update} when every column it assigns is one of {@code unwritten} (added earlier in
     * {@code unit}, nothing has written it since, on the {@code databases} it runs on: {@code writes} are those
     * limited to some databases) or of {@code cleared} (set to NULL in every row earlier in {@code unit}, by the
     * statement its value names) or of {@code rowIndependentFills} (given a value that reads nothing of the row, in every row,
     * by the statement its value names), or is moved into one of them first.
     */
    static Optional<Guard> guardOf(ColumnWrites.Update update, DatabaseScope databases, Set<String> unwritten,
            Map<String, List<DatabaseScope>> writes, Map<String, String> cleared, Map<String, String> rowIndependentFills,
            String unit) {
        Predicate<String> isAdded = c -> unwritten.contains(SchemaNames.key(c))
                && writes.getOrDefault(SchemaNames.key(c), List.of()).stream().noneMatch(databases::overlaps);
        Predicate<String> isCleared = c -> !isAdded.test(c) && cleared.containsKey(SchemaNames.key(c));
        Predicate<String> isNew = c -> isAdded.test(c) || cleared.containsKey(SchemaNames.key(c))
                || rowIndependentFills.containsKey(SchemaNames.key(c));
        List<String> refillable = update.assigned().stream().filter(isNew).toList();
        List<String> moved = update.assigned().stream().filter(c -> !isNew.test(c)).toList();
        if (refillable.isEmpty() || !moved.stream().allMatch(c -> movedToEarlierAssignment(update, c, isNew))) {
            return Optional.empty();
        }
        List<String> added = refillable.stream().filter(isAdded).toList();
        List<String> emptied = refillable.stream().filter(isCleared).toList();
        List<String> refilled = refillable.stream().filter(c -> !isAdded.test(c) && !isCleared.test(c)).toList();
        List<String> notes = new ArrayList<>();
        if (!added.isEmpty()) {
            notes.add(columns(added) + (added.size() == 1 ? " was" : " were") + " added earlier in " + unit
                    + " and nothing has written " + (added.size() == 1 ? "it" : "them") + " since");
        }
        if (!emptied.isEmpty()) {
            String at = emptied.stream().map(c -> cleared.get(SchemaNames.key(c))).distinct()
                    .collect(Collectors.joining(", "));
            notes.add(columns(emptied) + (emptied.size() == 1 ? " was" : " were") + " set to NULL in every row at "
                    + at + " and nothing has written " + (emptied.size() == 1 ? "it" : "them") + " since");
        }
        if (!refilled.isEmpty()) {
            String at = refilled.stream().map(c -> rowIndependentFills.get(SchemaNames.key(c))).distinct()
                    .collect(Collectors.joining(", "));
            notes.add(columns(refilled) + (refilled.size() == 1 ? " holds" : " hold") + " only the value the UPDATE"
                    + " at " + at + " gave every row, from nothing the row held");
        }
        return Optional.of(new Guard(Guard.Kind.NEW_COLUMNS_FILLED, String.join("; ", notes)
                + (moved.isEmpty() ? "" : "; the values it overwrites in " + String.join(", ", moved)
                        + " are copied there first")));
    }

    private static String columns(List<String> names) {
        return (names.size() == 1 ? "column " : "columns ") + (names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more");
    }

    /**
     * True when the UPDATE copies {@code column}, as it is, into a new column it assigns before {@code column}
     * ({@code SET value_new = value, value = NULL}): its values move rather than go. Earlier, because MySQL
     * assigns from left to right, so {@code SET value = NULL, value_new = value} would copy the NULL.
     */
    private static boolean movedToEarlierAssignment(ColumnWrites.Update update, String column,
            Predicate<String> isNew) {
        String target = update.copies().get(SchemaNames.key(column));
        if (target == null || !isNew.test(target)) {
            return false;
        }
        List<String> keys = update.assigned().stream().map(SchemaNames::key).toList();
        int targetAt = keys.indexOf(SchemaNames.key(target));
        return targetAt >= 0 && targetAt < keys.indexOf(SchemaNames.key(column));
    }
}
