package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The copies of a table's rows that one script run made ({@code INSERT INTO t_new SELECT .. FROM t}), by the name
 * of the table copied from: dropping that table later loses nothing, or only what the copy left out. A name is
 * followed through a rename (MySQL's swap, {@code RENAME TABLE t TO t_old, t_new TO t}, leaves t's rows in t_old)
 * and forgotten once its table is dropped or another takes the name: from then on it means a table whose rows
 * nothing copied (the rebuilt t of SQLite's copy, drop and rename, or of the swap).
 */
final class TableCopies {

    private final Map<String, String> full = new HashMap<>();
    /** Tables whose rows were copied without some of their rows or columns: what the copy left out. */
    private final Map<String, String> partial = new HashMap<>();

    /** Every row and column of {@code source} was copied, as {@code note} says. */
    void copied(String source, String note) {
        full.put(SchemaNames.key(source), note);
    }

    /** Rows of {@code source} were copied, leaving out what {@code note} says. */
    void copiedInPart(String source, String note) {
        partial.put(SchemaNames.key(source), note);
    }

    /** The guard of a statement that destroys {@code targets} (not empty): a full copy of each, or a partial one. */
    Optional<Guard> guardOf(List<String> targets) {
        if (targets.stream().allMatch(t -> full.containsKey(SchemaNames.key(t)))) {
            return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, full.get(SchemaNames.key(targets.get(0)))));
        }
        String left = targets.size() == 1 ? partial.get(SchemaNames.key(targets.get(0))) : null;
        return left == null ? Optional.empty() : Optional.of(new Guard(Guard.Kind.INCOMPLETE_COPY, left));
    }

    /** Forgets every copy of {@code tables}, whose names may from now on mean other tables. */
    void forget(List<String> tables) {
        tables.forEach(table -> {
            full.remove(SchemaNames.key(table));
            partial.remove(SchemaNames.key(table));
        });
    }

    /** Follows the tables that {@code clauses} (one statement's) drop or rename. */
    void follow(List<DestructiveClause> clauses) {
        Map<String, String> movedFull = new HashMap<>();
        Map<String, String> movedPartial = new HashMap<>();
        for (DestructiveClause clause : clauses) {
            boolean renamed = clause.kind() == ClauseKind.RENAMED_TABLE && clause.detail() != null;
            if (clause.table() == null || !renamed && clause.kind() != ClauseKind.DROPPED_TABLE) {
                continue;
            }
            String old = SchemaNames.key(clause.table());
            String fullNote = full.remove(old);
            String partialNote = partial.remove(old);
            if (renamed && fullNote != null) {
                movedFull.put(SchemaNames.key(clause.detail()), fullNote);
            }
            if (renamed && partialNote != null) {
                movedPartial.put(SchemaNames.key(clause.detail()), partialNote);
            }
        }
        for (DestructiveClause clause : clauses) {
            if (clause.kind() == ClauseKind.RENAMED_TABLE && clause.detail() != null) {
                full.remove(SchemaNames.key(clause.detail()));
                partial.remove(SchemaNames.key(clause.detail()));
            }
        }
        full.putAll(movedFull);
        partial.putAll(movedPartial);
    }
}
