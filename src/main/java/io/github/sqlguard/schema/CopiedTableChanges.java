package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.ObjectNames;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one statement's destructive clauses do to the tables that copies are kept by ({@link TableCopies},
 * {@link WholeCopies}, {@link MovedColumnCopies}): which tables lose their rows, so that a copy made there no longer
 * holds anything, and which names a rename or drop hands to another table, so that what is known under the old name
 * moves or is forgotten. Every kind of copy follows the same clauses the same way; this says once how.
 */
final class CopiedTableChanges {

    /**
     * What removes rows from a table, all of them or some: a copy kept there no longer holds what it took
     * ({@link DestructiveClause}'s kinds).
     */
    private static final Set<ClauseKind> REMOVE_ROWS = EnumSet.of(ClauseKind.DROPPED_TABLE,
            ClauseKind.TRUNCATED_TABLE, ClauseKind.TRUNCATED_PARTITION, ClauseKind.DISCARDED_ROWS,
            ClauseKind.OVERWRITTEN_TABLE, ClauseKind.EMPTIED_APPEND_SOURCE, ClauseKind.TRUNCATED_SWITCH_TARGET,
            ClauseKind.DROPPED_PARTITION, ClauseKind.PARTITIONS_DROPPED_BY_CALL, ClauseKind.EXPIRED_ROWS,
            ClauseKind.DELETED_DUPLICATE_ROWS, ClauseKind.REWOUND_TABLE);

    /** What drops a schema or database with every table in it ({@link DestructiveClause#name()} names it). */
    private static final Set<ClauseKind> REMOVE_SCHEMAS = EnumSet.of(ClauseKind.DROPPED_SCHEMA,
            ClauseKind.DROPPED_USER_SCHEMA, ClauseKind.DROPPED_DATABASE);

    private CopiedTableChanges() {
    }

    /**
     * Hands {@code emptied}, clause by clause, each table that {@code clauses} remove rows from: a table a clause
     * names, or, of the tables {@code copiesInto} lists as the copies kept then, all of them (a drop of every object)
     * or those in a dropped schema.
     */
    static void forEachEmptied(List<DestructiveClause> clauses, Supplier<List<String>> copiesInto,
            Consumer<String> emptied) {
        for (DestructiveClause clause : clauses) {
            if (clause.table() != null && REMOVE_ROWS.contains(clause.kind())) {
                emptied.accept(clause.table());
            } else if (clause.kind() == ClauseKind.DROPPED_ALL_OBJECTS) {
                copiesInto.get().forEach(emptied);
            } else if (clause.name() != null && REMOVE_SCHEMAS.contains(clause.kind())) {
                copiesInto.get().stream().filter(target -> inSchema(target, clause.name())).forEach(emptied);
            }
        }
    }

    /** True when {@code table}, as written, names {@code schema} (or a database of that name) as its qualifier. */
    private static boolean inSchema(String table, String schema) {
        String qualifier = ObjectNames.normalize(table);
        int dot = qualifier.lastIndexOf('.');
        String dropped = ObjectNames.normalize(ObjectNames.lastPart(schema));
        return dot > 0 && List.of(qualifier.substring(0, dot).split("\\.")).contains(dropped);
    }

    /**
     * Moves what {@code copies} knows of each table {@code clauses} rename to its new name, whose older entry no
     * longer applies, and forgets what it knows of each table they drop.
     */
    static <V> void followNames(Map<String, V> copies, List<DestructiveClause> clauses) {
        Map<String, V> renamed = new HashMap<>();
        for (DestructiveClause clause : clauses) {
            if (clause.table() == null || !renamesTable(clause) && clause.kind() != ClauseKind.DROPPED_TABLE) {
                continue;
            }
            V copy = copies.remove(SchemaNames.key(clause.table()));
            if (renamesTable(clause) && copy != null) {
                renamed.put(SchemaNames.key(clause.detail()), copy);
            }
        }
        clauses.stream().filter(CopiedTableChanges::renamesTable)
                .forEach(c -> copies.remove(SchemaNames.key(c.detail())));
        copies.putAll(renamed);
    }

    /** True when {@code clause} renames a table and names its new name. */
    static boolean renamesTable(DestructiveClause clause) {
        return clause.kind() == ClauseKind.RENAMED_TABLE && clause.detail() != null;
    }
}
