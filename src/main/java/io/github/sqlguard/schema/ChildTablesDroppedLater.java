package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite: the tables whose rows a DROP TABLE deletes or re-points through their ON DELETE keys are all dropped later
 * in the same run, and no statement in between names them. A script that tears a schema down in any order (a down
 * script dropping the parent before the child) loses through the cascade only rows the later DROP TABLE of the child
 * loses anyway, and that drop is reported on its own. A statement between that names the child (a rebuild copying
 * its rows) would see the rows the cascade took, so it keeps the finding.
 */
public final class ChildTablesDroppedLater {

    private ChildTablesDroppedLater() {
    }

    /** The guard of {@code models[index]}, a SQLite DROP TABLE, when the run drops every table it cascades into. */
    public static Optional<Guard> guardOf(List<StatementModel> models, int index, SchemaView before) {
        StatementModel model = models.get(index);
        Optional<List<DestructiveClause>> drops = TableDrops.of(model);
        if (model.statement().dialect() != Dialect.SQLITE || drops.isEmpty() || !before.replayed()) {
            return Optional.empty();
        }
        Set<String> dropped = new LinkedHashSet<>();
        Set<String> children = new LinkedHashSet<>();
        CascadeGraph graph = before.cascades();
        for (DestructiveClause clause : drops.get()) {
            if (clause.table() == null) {
                return Optional.empty();
            }
            dropped.add(SchemaNames.key(clause.table()));
            graph.deletedWith(clause.table()).forEach(child -> children.add(SchemaNames.key(child)));
            graph.clearedWith(clause.table()).forEach(column -> children.add(
                    SchemaNames.key(column.substring(0, Math.max(0, column.lastIndexOf('.'))))));
        }
        children.removeAll(dropped);
        if (children.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StatementModel> later = new LinkedHashMap<>();
        for (String child : children) {
            Optional<StatementModel> drop = laterDrop(models, index, child);
            if (drop.isEmpty()) {
                return Optional.empty();
            }
            later.put(child, drop.get());
        }
        List<String> inOrder = later.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().start()))
                .map(entry -> entry.getKey() + " at line " + entry.getValue().start().line()).toList();
        return Optional.of(new Guard(Guard.Kind.CHILD_TABLES_DROPPED_LATER, "the script drops "
                + String.join(", ", inOrder) + " after it, which loses those rows anyway"));
    }

    /**
     * The first statement after {@code index}, in the same run and in straight line, that drops {@code child};
     * empty when none does, or when a statement before it names the table.
     */
    private static Optional<StatementModel> laterDrop(List<StatementModel> models, int index, String child) {
        StatementModel model = models.get(index);
        String scope = model.statement().context().runScope();
        String branch = model.statement().context().branch();
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            if (!later.runsWithMigrationIn(scope)) {
                continue;
            }
            Optional<List<DestructiveClause>> drops = TableDrops.of(later);
            boolean dropsChild = drops.isPresent() && drops.get().stream().anyMatch(clause -> clause.table() != null
                    && SchemaNames.key(clause.table()).equals(child));
            if (dropsChild) {
                String laterBranch = later.statement().context().branch();
                return laterBranch == null || laterBranch.equals(branch) ? Optional.of(later) : Optional.empty();
            }
            if (names(later.statement().tokens(), child)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean names(List<Token> tokens, String table) {
        return tokens.stream().anyMatch(token -> (token.type() == TokenType.WORD
                || token.type() == TokenType.QUOTED_NAME) && SchemaNames.key(token.text()).equals(table));
    }
}
