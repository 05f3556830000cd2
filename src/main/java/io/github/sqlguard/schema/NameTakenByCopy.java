package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rename that moves a column out of the way of its copy, as scripts change a column's type where ALTER cannot
 * (Oracle VARCHAR2 to CLOB): {@code ALTER TABLE t ADD c_new CLOB; UPDATE t SET c_new = c; ALTER TABLE t RENAME
 * COLUMN c TO c_old; ALTER TABLE t RENAME COLUMN c_new TO c}, the copy also after the first rename ({@code SET
 * c_new = c_old}). Once the copy takes the old name, code that uses it finds every value it found before: the
 * rename breaks nothing. A copy that leaves rows out, a table written or altered in those columns between the copy
 * and the swap, or a copy that never takes the name keeps the rename reported.
 */
public final class NameTakenByCopy {

    private NameTakenByCopy() {
    }

    /**
     * The guard of the statement {@code models[index]} over the columns it renames whose old names a later
     * statement of the same script run gives to a column holding every one of their values.
     */
    public static Optional<Guard> guardOf(List<StatementModel> models, List<TableNamespace.Names> names, int index) {
        StatementModel rename = models.get(index);
        if (!rename.placement().runsWithMigration()) {
            return Optional.empty();
        }
        String scope = rename.statement().context().runScope();
        Map<String, String> notes = new HashMap<>();
        rename.clauses().stream()
                .filter(clause -> clause.kind() == ClauseKind.RENAMED_COLUMN && clause.table() != null
                        && clause.name() != null && clause.detail() != null)
                .forEach(clause -> swap(models, names, index, scope, clause)
                        .ifPresent(note -> notes.put(SchemaNames.key(clause.name()), note)));
        return notes.isEmpty() ? Optional.empty()
                : Optional.of(new Guard(Guard.Kind.COLUMN_NAME_RECREATED, notes.values().iterator().next(), notes));
    }

    /** The note of the swap that gives the name {@code clause} frees to a full copy of its column, if one does. */
    private static Optional<String> swap(List<StatementModel> models, List<TableNamespace.Names> names, int index,
            String scope, DestructiveClause clause) {
        Dialect dialect = models.get(index).statement().dialect();
        Swap swap = new Swap(SchemaNames.key(clause.table()), SchemaNames.key(clause.name()),
                SchemaNames.key(clause.detail()), names.get(index).resolve(clause.table(), dialect), dialect);
        for (int i = index - 1; i >= 0 && swap.copy == null; i--) {
            StatementModel earlier = models.get(i);
            int at = i;
            if (earlier.runsWithMigrationIn(scope)) {
                ColumnWrites.update(earlier.statement().tokens()).ifPresent(update -> swap.copied(update,
                        swap.old, earlier.start().line(), names.get(at)));
                if (swap.copy != null && !unchangedUntil(models, i, index, scope, swap)) {
                    return Optional.empty();
                }
            }
        }
        for (int i = index + 1; i < models.size(); i++) {
            StatementModel later = models.get(i);
            int at = i;
            if (!later.runsWithMigrationIn(scope)) {
                continue;
            }
            List<Token> tokens = later.statement().tokens();
            Optional<String> taken = swap.takenBy(tokens, names.get(i));
            if (taken.isPresent()) {
                return swap.copy != null && SchemaNames.key(taken.get()).equals(swap.copy)
                        ? Optional.of("column " + SchemaNames.unquoted(clause.name()) + " is taken at line "
                                + later.start().line() + " by " + SchemaNames.unquoted(taken.get())
                                + ", which holds every value copied at line " + swap.copiedAt)
                        : Optional.empty();
            }
            if (swap.copy == null) {
                ColumnWrites.update(tokens).ifPresent(update -> swap.copied(update, swap.moved,
                        later.start().line(), names.get(at)));
                if (swap.copy != null) {
                    continue;
                }
            }
            if (!swap.leftAlone(tokens)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True when no statement after {@code from} and before {@code to} changes the swapped columns or rows. */
    private static boolean unchangedUntil(List<StatementModel> models, int from, int to, String scope, Swap swap) {
        for (int i = from + 1; i < to; i++) {
            StatementModel between = models.get(i);
            if (between.runsWithMigrationIn(scope) && !swap.leftAlone(between.statement().tokens())) {
                return false;
            }
        }
        return true;
    }

    /** One renamed column's swap as it is followed: its table, old and new name, and the copy once found. */
    private static final class Swap {
        private final String table;
        private final String old;
        private final String moved;
        /** The table as the database resolves the rename's name of it: another schema's is another table. */
        private final String resolved;
        private final Dialect dialect;
        private String copy;
        private int copiedAt;

        Swap(String table, String old, String moved, String resolved, Dialect dialect) {
            this.table = table;
            this.old = old;
            this.moved = moved;
            this.resolved = resolved;
            this.dialect = dialect;
        }

        /** Takes the column {@code update} fills with every value of {@code source} as the copy. */
        void copied(ColumnWrites.Update update, String source, int line, TableNamespace.Names there) {
            String target = SchemaNames.key(update.table()).equals(table)
                    && there.resolve(update.table(), dialect).equals(resolved)
                    ? update.copiesOfEveryValue().get(source) : null;
            if (target != null) {
                copy = SchemaNames.key(target);
                copiedAt = line;
            }
        }

        /** The column an ALTER TABLE of {@code tokens} renames to the old name, as written. */
        Optional<String> takenBy(List<Token> tokens, TableNamespace.Names there) {
            int main = DestroyedTables.mainKeyword(tokens);
            List<String> tables = DestroyedTables.of(tokens, main);
            if (tables.size() != 1 || !SchemaNames.key(tables.get(0)).equals(table)
                    || !there.resolve(tables.get(0), dialect).equals(resolved)) {
                return Optional.empty();
            }
            return AlterTableRenames.renamedColumns(tokens, main).entrySet().stream()
                    .filter(entry -> SchemaNames.key(entry.getValue()).equals(old)).map(Map.Entry::getKey)
                    .findFirst();
        }

        /**
         * True when {@code tokens} leave the swap alone: they do not name the table, or alter it without naming
         * the old column or the copy (an index, a constraint, the column renamed away made invisible).
         */
        boolean leftAlone(List<Token> tokens) {
            boolean namesTable = false;
            boolean namesSwapped = false;
            for (Token token : tokens) {
                if (SchemaNames.isNamePart(token)) {
                    String key = SchemaNames.key(token.text());
                    namesTable |= key.equals(table);
                    namesSwapped |= key.equals(old) || key.equals(copy);
                }
            }
            int main = DestroyedTables.mainKeyword(tokens);
            boolean alter = main >= 0 && main + 1 < tokens.size() && tokens.get(main).isWord("ALTER")
                    && tokens.get(main + 1).isWord("TABLE");
            return !namesTable || alter && !namesSwapped;
        }
    }
}
