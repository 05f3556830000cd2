package io.github.sqlguard.schema;

import io.github.sqlguard.sql.DatabaseScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guard of an UPDATE that overwrites only columns whose every value the script copied just before into another
 * column of the same rows: {@code UPDATE t SET type = reference_type; UPDATE t SET reference_type = 'ENV'} keeps
 * the old values in {@code type}, as a copy keeps a dropped column's.
 */
final class CopiedColumnOverwrite {

    private CopiedColumnOverwrite() {
    }

    /**
     * @param copies the copies of the columns of the UPDATE's table, by the key of the copied column
     * @param databases where the UPDATE runs; each copy must have been made there too
     */
    static Optional<Guard> guardOf(ColumnWrites.Update update, Map<String, ColumnCopy> copies,
            DatabaseScope databases) {
        Set<String> assigned = update.assigned().stream().map(SchemaNames::key).collect(Collectors.toSet());
        List<ColumnCopy> kept = new ArrayList<>();
        for (String column : assigned) {
            ColumnCopy copy = copies.get(column);
            // An UPDATE that overwrites the copy too (SET a = 'x', b = 'y' after b = a) keeps nothing.
            if (copy == null || !copy.keepsEveryValueOn(databases)
                    || assigned.contains(copy.target())) {
                return Optional.empty();
            }
            kept.add(copy);
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Guard(Guard.Kind.VALUES_MOVED, kept.stream().map(ColumnCopy::description).distinct()
                .sorted().collect(Collectors.joining("; "))));
    }
}
