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
                    && (change.verb().equals("DELETE") && !deletesOnlyOrphans(earlier, link)
                            || change.verb().equals("UPDATE")
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
     * True when {@code earlier} deletes only the child's rows that refer to no row of the parent, as a script cleans
     * orphans before it adds the foreign key ({@code DELETE FROM child WHERE fk NOT IN (SELECT id FROM parent)}, or
     * {@code NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = child.fk)}): none of them is a row the cascade takes.
     */
    private static boolean deletesOnlyOrphans(StatementModel earlier, CascadeGraph.Link link) {
        Optional<WhereTokens> where = WhereTokens.of(earlier.statement().tokens())
                .filter(read -> read.verb().equals("DELETE"));
        if (where.isEmpty()) {
            return false;
        }
        List<Token> condition = new ArrayList<>(WhereJudgement.unwrapped(where.get().condition()));
        int not = negation(condition);
        if (not < 0) {
            return false;
        }
        condition.remove(not);
        WhereTokens related = new WhereTokens(where.get().verb(), where.get().table(), where.get().alias(), condition,
                where.get().assignments(), where.get().with());
        List<String> columns = link.columns().stream().map(SchemaNames::key).toList();
        return WhereJudgement.onlyRequiresRelatedRow(related)
                .filter(row -> SchemaNames.key(row.table()).equals(SchemaNames.key(link.parent()))
                        && row.columns().stream().map(SchemaNames::key).toList().equals(columns))
                .isPresent();
    }

    /**
     * The index of the NOT of a condition that is only {@code NOT EXISTS (..)} or {@code x NOT IN (..)} (x a column,
     * qualified or not, or a row of columns), or -1.
     */
    private static int negation(List<Token> condition) {
        if (condition.size() > 1 && condition.get(0).isWord("NOT") && condition.get(1).isWord("EXISTS")) {
            return 0;
        }
        int depth = 0;
        for (int i = 0; i + 1 < condition.size(); i++) {
            Token token = condition.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isWord("NOT")) {
                return i > 0 && condition.get(i + 1).isWord("IN") ? i : -1;
            }
            if (depth == 0 && token.isAnyWord("AND", "OR", "IN", "EXISTS")) {
                return -1;
            }
        }
        return -1;
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
