package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.CreatedTableNames;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rename that starts a table rebuild in the order older SQLite documentation gives it: {@code ALTER TABLE t
 * RENAME TO t_old; CREATE TABLE t (..); INSERT INTO t SELECT .. FROM t_old; DROP TABLE t_old}. The old name is
 * free only until the same script run creates a table under it again, so code that uses it keeps working: the
 * rename breaks nothing; so does another table renamed to the old name (the swap that ends a rebuild). (Whether
 * the rows reach the new table is the later DROP's question.)
 */
public final class RecreatedName {

    private static final int HEADER_WORDS = 4;

    private RecreatedName() {
    }

    /**
     * The guard of the statement {@code models[index]} when it renames one table whose old name a later statement
     * of the same script run creates again, as a permanent table, at the top level: the same table, names compared
     * as the database resolves them at each statement ({@code names}), so {@code CREATE TABLE other.t} after
     * {@code ALTER TABLE t RENAME TO t_old} gives the old name back to no code that used it.
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, List<TableNamespace.Names> names, int index) {
        StatementModel rename = models.get(index);
        Optional<String> renamed = soleRenamedTable(rename);
        if (renamed.isEmpty()) {
            return swapInOneStatement(rename);
        }
        String oldName = SchemaNames.key(renamed.get());
        Dialect dialect = rename.statement().dialect();
        String oldTable = names.get(index).resolve(renamed.get(), dialect);
        String scope = rename.statement().context().runScope();
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            if (!later.runsWithMigrationIn(scope)) {
                continue;
            }
            // After the rename the old name is free, so CREATE TABLE IF NOT EXISTS surely creates it too
            TableNamespace.Names there = names.get(i);
            Predicate<String> old = table -> SchemaNames.key(table).equals(oldName)
                    && there.resolve(table, dialect).equals(oldTable);
            boolean recreates = later.createdTables().stream().anyMatch(old)
                    || CreatedTableNames.namedByCreate(later.statement().tokens()).filter(old).isPresent();
            if (recreates && !createsTemporaryTable(later)) {
                return Optional.of(new Guard(Guard.Kind.NAME_RECREATED, "table " + renamed.get()
                        + " is created again at line " + later.start().line()));
            }
            // The swap that ends a rebuild: ALTER TABLE t RENAME TO t_old; ALTER TABLE t_new RENAME TO t
            Optional<String> successor = later.clauses().stream()
                    .filter(clause -> clause.kind() == ClauseKind.RENAMED_TABLE && clause.table() != null
                            && clause.detail() != null && old.test(newName(clause, dialect)))
                    .map(DestructiveClause::table).findFirst();
            if (successor.isPresent()) {
                return Optional.of(new Guard(Guard.Kind.NAME_RECREATED, "table " + successor.get() + " takes the name "
                        + renamed.get() + " at line " + later.start().line()));
            }
        }
        return Optional.empty();
    }

    /**
     * The name a rename gives, qualified as the database reads it: outside MySQL, {@code ALTER TABLE s.t RENAME TO
     * u} keeps the table in its schema, s.u.
     */
    static String newName(DestructiveClause rename, Dialect dialect) {
        String table = rename.table();
        String last = ObjectNames.lastPart(table);
        boolean keepsSchema = !dialect.isMySqlFamily() && rename.detail().equals(ObjectNames.lastPart(rename.detail()))
                && table.length() > last.length();
        return keepsSchema ? table.substring(0, table.length() - last.length()) + rename.detail() : rename.detail();
    }

    /**
     * MySQL's {@code RENAME TABLE t TO t_old, t_new TO t}: every table the statement renames, and whose rename is
     * reported, has its old name given to another table by a later rename of the same statement.
     */
    private static Optional<Guard> swapInOneStatement(StatementModel model) {
        List<DestructiveClause> renames = model.clauses().stream()
                .filter(clause -> clause.kind() == ClauseKind.RENAMED_TABLE).toList();
        if (renames.size() < 2 || !model.placement().runsWithMigration()) {
            return Optional.empty();
        }
        List<String> takers = new ArrayList<>();
        for (int i = 0; i < renames.size(); i++) {
            DestructiveClause away = renames.get(i);
            if (away.scratch()) {
                continue;
            }
            if (away.table() == null) {
                return Optional.empty();
            }
            String old = SchemaNames.key(away.table());
            Optional<DestructiveClause> taker = renames.subList(i + 1, renames.size()).stream()
                    .filter(later -> later.table() != null && later.detail() != null
                            && SchemaNames.key(later.detail()).equals(old)).findFirst();
            if (taker.isEmpty()) {
                return Optional.empty();
            }
            takers.add("table " + taker.get().table() + " takes the name " + away.table());
        }
        return takers.isEmpty() ? Optional.empty() : Optional.of(new Guard(Guard.Kind.NAME_RECREATED,
                String.join(", ", takers) + " in the same statement"));
    }

    /**
     * The table {@code model} renames when it renames exactly one, by name, and runs with the migration (not in a
     * routine body); empty otherwise.
     */
    static Optional<String> soleRenamedTable(StatementModel model) {
        List<DestructiveClause> renames = model.clauses().stream()
                .filter(clause -> clause.kind() == ClauseKind.RENAMED_TABLE).toList();
        return renames.size() != 1 || renames.get(0).table() == null || !model.placement().runsWithMigration()
                ? Optional.empty() : Optional.of(renames.get(0).table());
    }

    private static boolean createsTemporaryTable(StatementModel create) {
        return create.statement().tokens().stream().limit(HEADER_WORDS)
                .anyMatch(token -> token.isAnyWord("TEMP", "TEMPORARY"));
    }
}
