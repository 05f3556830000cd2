package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The script took care of the rows a DELETE's ON DELETE CASCADE keys would take: before it, in the same run, it
 * deleted from or emptied every table whose key references the DELETE's table, or moved their rows by an UPDATE
 * that sets the referencing column. What still cascades then is what the script chose to leave, and says so.
 * Only the tables that reference the DELETE's own table count: their children lose rows only through them.
 */
public final class CascadedRowsHandled {

    private CascadedRowsHandled() {
    }

    /** The guard of {@code models[index]}, a DELETE of some rows, when the script handled every child table first. */
    public static Optional<Guard> guardOf(List<StatementModel> models, int index, SchemaView before) {
        StatementModel model = models.get(index);
        List<RowChange> deletes = model.rowChanges().stream().filter(change -> change.verb().equals("DELETE"))
                .toList();
        if (deletes.isEmpty() || !before.replayed()) {
            return Optional.empty();
        }
        Set<String> targets = new LinkedHashSet<>();
        deletes.forEach(change -> change.tables().forEach(table -> targets.add(SchemaNames.key(table))));
        List<CascadeGraph.Link> direct = new ArrayList<>();
        for (RowChange change : deletes) {
            before.cascades().cascadingLinks(change.tables()).stream()
                    .filter(link -> targets.contains(SchemaNames.key(link.parent()))
                            && !targets.contains(SchemaNames.key(link.child())))
                    .forEach(direct::add);
        }
        if (direct.isEmpty()) {
            return Optional.empty();
        }
        List<String> handled = new ArrayList<>();
        for (CascadeGraph.Link link : direct) {
            Optional<StatementModel> earlier = handling(models, index, link);
            if (earlier.isEmpty()) {
                return Optional.empty();
            }
            handled.add(link.child() + " at line " + earlier.get().start().line());
        }
        return Optional.of(new Guard(Guard.Kind.CHILD_ROWS_HANDLED, "the script deleted, emptied or moved the rows of "
                + String.join(", ", handled.stream().distinct().toList()) + " before"));
    }

    /** The last statement before {@code index}, in the same run, that deletes, empties or re-points rows of the child. */
    private static Optional<StatementModel> handling(List<StatementModel> models, int index, CascadeGraph.Link link) {
        String scope = models.get(index).statement().context().runScope();
        String child = SchemaNames.key(link.child());
        for (int i = index - 1; i >= 0; i--) {
            StatementModel earlier = models.get(i);
            if (!earlier.runsWithMigrationIn(scope)) {
                continue;
            }
            boolean emptied = earlier.clauses().stream().anyMatch(clause -> isTruncateOf(clause, child));
            boolean changed = earlier.rowChanges().stream().anyMatch(change -> change.tables().stream()
                    .anyMatch(table -> SchemaNames.key(table).equals(child))
                    && (change.verb().equals("DELETE") || change.verb().equals("UPDATE")
                            && setsAnyOf(earlier.statement().tokens(), link.columns())));
            if (emptied || changed) {
                return Optional.of(earlier);
            }
        }
        return Optional.empty();
    }

    private static boolean isTruncateOf(DestructiveClause clause, String child) {
        return clause.kind() == ClauseKind.TRUNCATED_TABLE && clause.table() != null
                && SchemaNames.key(clause.table()).equals(child);
    }

    /**
     * True when an UPDATE's SET list assigns one of the referencing columns ({@code SET type = 2}), which may then
     * point the rows at another parent; a column named only in the WHERE moves nothing.
     */
    private static boolean setsAnyOf(List<Token> tokens, List<String> columns) {
        int set = 0;
        while (set < tokens.size() && !tokens.get(set).isWord("SET")) {
            set++;
        }
        for (int i = set + 1; i + 1 < tokens.size() && !tokens.get(i).isWord("WHERE"); i++) {
            String word = SchemaNames.key(tokens.get(i).text());
            if (tokens.get(i + 1).isSymbol("=") && columns.stream().anyMatch(c -> SchemaNames.key(c).equals(word))) {
                return true;
            }
        }
        return false;
    }
}
