package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rename that starts a column rebuild, as CockroachDB scripts change a column's type: {@code ALTER TABLE t
 * RENAME COLUMN c TO _c_tmp; ALTER TABLE t ADD COLUMN c ..; UPDATE t SET c = _c_tmp; ALTER TABLE t DROP COLUMN
 * _c_tmp}. The old name is free only until the same script run adds a column under it again, and once every value
 * is copied back to it, code that uses it finds what it found before: the rename breaks nothing. A column added
 * again and filled otherwise, or left empty, is a column code finds with other values: the rename stays reported.
 */
public final class RecreatedColumnName {

    private RecreatedColumnName() {
    }

    /** The note of a rebuilt column: where it was added again and where every value came back. */
    static String note(String column, String addedAt, String copiedAt) {
        return "column " + SchemaNames.unquoted(column) + " is added again at line " + addedAt
                + " and every value copied back at line " + copiedAt;
    }

    /** True when {@code update} copies every value of the column renamed to {@code renamed} back to {@code old}. */
    static boolean copiedBack(ColumnWrites.Update update, String renamed, String old) {
        String target = update.copiesOfEveryValue().get(SchemaNames.key(renamed));
        return target != null && SchemaNames.key(target).equals(SchemaNames.key(old));
    }

    private static String note(DestructiveClause clause, int addedAt, int copiedAt) {
        return note(clause.name(), String.valueOf(addedAt), String.valueOf(copiedAt));
    }

    private static boolean sameTable(DestructiveClause clause, String table) {
        return SchemaNames.key(clause.table()).equals(SchemaNames.key(table));
    }

    /**
     * The guard of the statement {@code models[index]} over the columns it renames whose old names later
     * statements of the same script run add again to the same table and fill with every renamed value, at the top
     * level; {@code views} tells the schema before a statement, which knows the enums a cast may go through.
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, int index,
            Function<Statement, SchemaView> views) {
        StatementModel rename = models.get(index);
        List<DestructiveClause> renames = rename.clauses().stream()
                .filter(clause -> clause.kind() == ClauseKind.RENAMED_COLUMN && clause.table() != null
                        && clause.name() != null)
                .toList();
        if (renames.isEmpty() || !rename.placement().runsWithMigration()) {
            return Optional.empty();
        }
        String scope = rename.statement().context().runScope();
        Map<String, String> recreated = new HashMap<>();
        Map<String, Integer> addedAt = new HashMap<>();
        for (int i = index + 1; i < models.size() && recreated.size() < renames.size(); i++) {
            StatementModel later = models.get(i);
            if (!later.runsWithMigrationIn(scope)) {
                continue;
            }
            List<Token> tokens = later.statement().tokens();
            int line = later.start().line();
            int main = DestroyedTables.mainKeyword(tokens);
            // Only an ALTER of a renamed table can add an old name back: the others are not read further, as a
            // script of many renames would read every later ALTER once per rename.
            boolean altersRenamedTable = DestroyedTables.of(tokens, main).stream()
                    .anyMatch(table -> renames.stream().anyMatch(clause -> sameTable(clause, table)));
            // ADD COLUMN IF NOT EXISTS is left out: it may meet a column of that name the rename did not free
            (altersRenamedTable ? DestroyedTables.addedColumns(tokens, main, SchemaView.UNKNOWN)
                    : Optional.<DestroyedTables.Added>empty())
                    .ifPresent(added -> renames.stream().filter(clause -> sameTable(clause, added.table())
                                    && added.columns().contains(SchemaNames.key(clause.name())))
                            .forEach(clause -> addedAt.putIfAbsent(SchemaNames.key(clause.name()), line)));
            if (addedAt.isEmpty()) {
                continue; // no old name is added back yet, so no UPDATE can copy the values back to it
            }
            ColumnWrites.update(tokens).map(update -> EnumCasts.readAsCopies(update, views.apply(later.statement())))
                    .ifPresent(update -> renames.stream()
                    .filter(clause -> sameTable(clause, update.table()) && clause.detail() != null
                            && addedAt.containsKey(SchemaNames.key(clause.name()))
                            && copiedBack(update, clause.detail(), clause.name()))
                    .forEach(clause -> recreated.putIfAbsent(SchemaNames.key(clause.name()),
                            note(clause, addedAt.get(SchemaNames.key(clause.name())), line))));
        }
        return recreated.isEmpty() ? Optional.empty()
                : Optional.of(new Guard(Guard.Kind.COLUMN_NAME_RECREATED, recreated.values().iterator().next(),
                        recreated));
    }
}
