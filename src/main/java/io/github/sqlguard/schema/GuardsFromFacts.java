package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.SpRenameCall;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the facts a run scope gathered ({@link LossGuards}: copies made, columns added and filled, tables required to
 * be empty) guard of a statement: the guard that lowers its findings, the copy that says where its data went, and
 * what the script did short of a guard.
 */
final class GuardsFromFacts {

    private GuardsFromFacts() {
    }

    /**
     * The columns that hold only NULL just before {@code statement}, as the run scope added them without a value and
     * nothing wrote them since; none when the statement's table names mean other tables than those facts are about,
     * and none for an UPDATE that writes only such columns: {@code SET c_new = c WHERE c_new IS NULL} is how a
     * backfill that may run twice is written, and it overwrites nothing.
     */
    static NullOnlyColumns nullOnlyColumns(LossGuards facts, Statement statement) {
        if (statement.container() || facts.namesOtherTables(statement) || ColumnWrites.update(statement.tokens())
                .filter(update -> !update.assigned().isEmpty() && update.assigned().stream().allMatch(column ->
                        facts.columns.holdsOnlyNull(SchemaNames.key(update.table()), SchemaNames.key(column))))
                .isPresent()) {
            return NullOnlyColumns.NONE;
        }
        return (table, column) -> facts.columns.holdsOnlyNull(SchemaNames.key(table), SchemaNames.key(column))
                ? Optional.of("column " + column + " was added earlier in " + facts.unit
                        + " without a value and nothing has written it since")
                : Optional.empty();
    }

    /** The guard of {@code statement}, when the script gives it one. */
    static Optional<Guard> guardOf(LossGuards facts, Statement statement) {
        return facts.namesOtherTables(statement) ? Optional.empty() : guardAsNamed(facts, statement);
    }

    /** The guard of {@code statement} when each name it writes means the table the facts of that name are about. */
    private static Optional<Guard> guardAsNamed(LossGuards facts, Statement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.container() || tokens.isEmpty()) {
            return Optional.empty();
        }
        if (statement.context().followsEarlierStatements()) {
            DatabaseScope databases = statement.context().databases();
            // A data-modifying CTE's UPDATE is guarded as the statement's own is, when no other part changes rows.
            Optional<Guard> filled = ColumnWrites.update(tokens).or(() -> WithListUpdates.onlyCteUpdate(tokens))
                    .flatMap(update -> facts.columns.fillOfNewColumns(update, databases, facts.unit)
                    .or(() -> facts.copies.guardOfOverwrite(update)).or(() -> CopiedColumnOverwrite.guardOf(update,
                            facts.columns.copiesIn(SchemaNames.key(update.table())), databases)));
            if (filled.isPresent()) {
                return filled;
            }
        }
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        String condition = EmptinessConditions.conditionBefore(statement, main, facts.lastContainer);
        Optional<SpRenameCall> spRename = targets.isEmpty() ? SpRenameCall.of(tokens) : Optional.empty();
        if (spRename.filter(SpRenameCall::renamesColumn).isPresent()) {
            return renameOfAddedColumn(facts, spRename.get().oldName());
        }
        SchemaNames.Read derbyRenamed = targets.isEmpty() ? derbyRenamedColumn(tokens, main) : null;
        if (derbyRenamed != null) {
            return renameOfAddedColumn(facts, derbyRenamed.text());
        }
        if (targets.isEmpty()) {
            // An UPDATE of a table the changeset requires to be empty has no row to change.
            Optional<ColumnWrites.Update> update = ColumnWrites.update(tokens);
            return update.map(ColumnWrites.Update::table)
                    .filter(table -> facts.emptyTables.contains(SchemaNames.key(table)))
                    .map(table -> new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + table
                            + " is empty (changeset precondition)"))
                    .or(() -> update.flatMap(u -> fillOfValuelessColumns(u, condition)));
        }
        Optional<String> emptyTable = EmptinessConditions.emptyTableRequiredBy(condition);
        if (emptyTable.isPresent() && targets.stream().allMatch(t -> SchemaNames.key(t).equals(emptyTable.get()))) {
            return Optional.of(new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + targets.get(0) + " is empty"));
        }
        Optional<String> checked = facts.checkedEmpty.checkOf(SchemaNames.key(targets.get(0)));
        if (checked.isPresent() && targets.stream().allMatch(t -> SchemaNames.key(t).equals(SchemaNames.key(
                targets.get(0))))) {
            return Optional.of(new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + targets.get(0)
                    + " is empty (" + checked.get() + " stops the migration when it has rows)"));
        }
        if (targets.stream().allMatch(t -> facts.emptyTables.contains(SchemaNames.key(t)))) {
            return Optional.of(new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + targets.get(0)
                    + " is empty (changeset precondition)"));
        }
        Optional<Guard> ofColumns = targets.size() == 1
                ? facts.columns.guardOfAlter(tokens, main, SchemaNames.key(targets.get(0)),
                        statement.context().databases(), valuelessColumns(facts, condition, targets.get(0)),
                        facts.unit)
                : Optional.empty();
        Optional<Guard> copied = facts.copies.guardOf(targets, tokens.get(main).isWord("ALTER")
                ? DestroyedTables.droppedColumns(tokens, main) : null);
        // A copy that left a column out keeps none of its values, which the script may still have kept elsewhere
        boolean keptElsewhere = ofColumns.filter(guard -> guard.kind() == Guard.Kind.SCRATCH_COLUMN).isPresent();
        return copied.filter(guard -> guard.kind() == Guard.Kind.UNVERIFIED_COPY
                ? ofColumns.filter(columns -> !columns.noteOnly()).isEmpty()
                : guard.kind() != Guard.Kind.INCOMPLETE_COPY || !keptElsewhere).or(() -> ofColumns);
    }

    /**
     * Of the guards of {@code statement}, only those a copy gives (of the rows of the tables it destroys, of the
     * values of the columns it drops or an UPDATE overwrites), which say where the data went even after the run.
     */
    static Optional<Guard> copyGuardOf(LossGuards facts, Statement statement) {
        List<Token> tokens = statement.tokens();
        if (!followsCopies(facts, statement)) {
            return Optional.empty();
        }
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty()) {
            return ColumnWrites.update(tokens).flatMap(facts.copies::guardOfOverwrite);
        }
        List<String> dropped = tokens.get(main).isWord("ALTER") ? DestroyedTables.droppedColumns(tokens, main) : null;
        Optional<Guard> rows = facts.copies.guardOf(targets, dropped)
                .filter(guard -> guard.kind() == Guard.Kind.ROWS_COPIED);
        if (rows.isPresent() || targets.size() != 1 || dropped == null) {
            return rows;
        }
        return ColumnCopy.guardOf(Guard.Kind.ROWS_COPIED, dropped,
                facts.columns.copiesIn(SchemaNames.key(targets.get(0))), facts.databasesOf(statement));
    }

    /**
     * The copy of the table whose rows {@code statement} destroys (DROP TABLE, TRUNCATE, DELETE) that left columns
     * out ({@link Guard.Kind#INCOMPLETE_COPY}): where the values went, and which of them went nowhere.
     */
    static Optional<Guard> incompleteCopyOf(LossGuards facts, Statement statement) {
        if (!followsCopies(facts, statement)) {
            return Optional.empty();
        }
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty() || tokens.get(main).isWord("ALTER")) {
            return Optional.empty();
        }
        return facts.copies.guardOf(targets, null).filter(guard -> guard.kind() == Guard.Kind.INCOMPLETE_COPY
                && !guard.description().isBlank());
    }

    /**
     * The copy of the values of the columns {@code statement} drops, or of the rows of the table it drops, that
     * sqlguard cannot verify ({@link Guard.Kind#UNVERIFIED_COPY}): it took them beside columns not known to be the
     * table's key, or from a table whose columns are not known.
     */
    static Optional<Guard> unverifiedCopyOf(LossGuards facts, Statement statement) {
        if (!followsCopies(facts, statement)) {
            return Optional.empty();
        }
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        List<String> dropped = tokens.get(main).isWord("ALTER") ? DestroyedTables.droppedColumns(tokens, main) : null;
        return facts.copies.guardOf(targets, dropped).filter(guard -> guard.kind() == Guard.Kind.UNVERIFIED_COPY
                && !guard.description().isBlank());
    }

    /** True when the copies {@code facts} followed can tell about {@code statement}. */
    private static boolean followsCopies(LossGuards facts, Statement statement) {
        return !statement.container() && !statement.tokens().isEmpty() && statement.context().runsWithMigration()
                && !facts.namesOtherTables(statement);
    }

    /**
     * What the script did short of a guard of {@code statement}, to say on its findings ({@link Guard.Kind}): a
     * cast converted the values of the columns it drops, ADD COLUMN IF NOT EXISTS may have kept older ones, or a copy
     * took their values to another table without their rows' key or from some rows only.
     */
    static Optional<Guard> shortfallOf(LossGuards facts, Statement statement) {
        if (!statement.container() && facts.namesOtherTables(statement)) {
            return guardAsNamed(facts, statement).filter(guard -> !guard.noteOnly())
                    .flatMap(guard -> facts.schemaLeftOut(statement, guard.description()).map(note ->
                            new Guard(Guard.Kind.NAMED_WITH_OTHER_SCHEMA, note, guard.columns())));
        }
        return ConvertedBeforeDrop.shortfallOf(statement, facts.columns.copies())
                .or(() -> facts.addedIfMissing.shortfallOf(statement))
                .or(() -> DestroyedTables.droppedFromOneTable(statement)
                        .flatMap(dropped -> facts.copies.carried().shortfallOf(dropped.table(), dropped.columns())))
                .or(() -> droppedTable(statement).flatMap(table -> withUpdateCopies(facts, statement, table,
                        facts.copies.carried().shortfallOfTable(table))))
                .or(() -> followsCopies(facts, statement) ? updateCopiesOfDroppedColumns(facts, statement)
                        : Optional.empty());
    }

    /**
     * The note on a DROP TABLE of {@code table}: what {@code carried} says of the copies that took some of its
     * columns, then where UPDATEs copied its values ({@link UpdateCopies}).
     */
    private static Optional<Guard> withUpdateCopies(LossGuards facts, Statement statement, String table,
            Optional<Guard> carried) {
        Optional<String> updated = followsCopies(facts, statement) ? facts.copies.updateCopiesOf(table, null)
                : Optional.empty();
        if (updated.isEmpty()) {
            return carried;
        }
        return Optional.of(new Guard(Guard.Kind.CARRIED_COPY, carried.map(guard -> guard.description() + "; ")
                .orElse("") + updated.get()));
    }

    /**
     * The note on a DROP COLUMN of columns of one table whose values an UPDATE copied to another table: where they
     * went, and which of them no UPDATE took.
     */
    private static Optional<Guard> updateCopiesOfDroppedColumns(LossGuards facts, Statement statement) {
        return DestroyedTables.droppedFromOneTable(statement).flatMap(dropped -> facts.copies
                .updateCopiesOf(dropped.table(), dropped.columns()).map(note -> {
                    Map<String, String> notes = new LinkedHashMap<>();
                    dropped.columns().forEach(column -> notes.put(SchemaNames.key(column), note));
                    return new Guard(Guard.Kind.CARRIED_COPY, note, notes);
                }));
    }

    /** The one table a {@code DROP TABLE} drops, if the statement is one. */
    private static Optional<String> droppedTable(Statement statement) {
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        if (main + 1 >= tokens.size() || !tokens.get(main).isWord("DROP") || !tokens.get(main + 1).isWord("TABLE")) {
            return Optional.empty();
        }
        List<String> targets = DestroyedTables.of(tokens, main);
        return targets.size() == 1 ? Optional.of(targets.get(0)) : Optional.empty();
    }

    /**
     * The guard of a rename of {@code oldName}, a column written with its table ({@code t.c}), which the script
     * added: unused yet. T-SQL's {@code sp_rename 't.c', 'd', 'COLUMN'} and Derby's {@code RENAME COLUMN t.c TO d}
     * name it so.
     */
    private static Optional<Guard> renameOfAddedColumn(LossGuards facts, String oldName) {
        String table = ObjectNames.qualifier(oldName);
        String column = SchemaNames.unquoted(ObjectNames.lastPart(oldName));
        if (table.isEmpty() || !facts.columns.wasAdded(SchemaNames.key(table), column)) {
            return Optional.empty();
        }
        String note = "column " + column + " was added earlier in " + facts.unit;
        return Optional.of(new Guard(Guard.Kind.SCRATCH_COLUMN, note, Map.of(SchemaNames.key(column), note)));
    }

    /**
     * The column Derby's {@code RENAME COLUMN t.c TO d} at {@code main} renames, written with its table; null for
     * another statement.
     */
    private static SchemaNames.Read derbyRenamedColumn(List<Token> tokens, int main) {
        if (main + 4 >= tokens.size() || !tokens.get(main).isWord("RENAME") || !tokens.get(main + 1).isWord("COLUMN")) {
            return null;
        }
        SchemaNames.Read from = SchemaNames.name(tokens, main + 2);
        return from != null && from.next() < tokens.size() && tokens.get(from.next()).isWord("TO") ? from : null;
    }

    /**
     * The columns of {@code table} that hold no value where a statement runs, by key, each with what checked it: ""
     * for those its {@code condition} requires to hold none, the block that stops the migration when one held a value
     * for those an earlier block checked.
     */
    private static Map<String, String> valuelessColumns(LossGuards facts, String condition, String table) {
        Map<String, String> columns = new LinkedHashMap<>(facts.checkedEmpty.valuelessOf(SchemaNames.key(table)));
        EmptinessConditions.valuelessColumnsRequiredBy(condition, SchemaNames.key(table))
                .forEach(column -> columns.put(column, ""));
        return columns;
    }

    /**
     * An UPDATE that only sets columns its condition requires to hold no value in any row (T-SQL {@code IF NOT
     * EXISTS (SELECT 1 FROM t WHERE c IS NOT NULL) UPDATE t SET c = ..}, the way a backfill that may run twice
     * guards itself) overwrites nothing.
     */
    private static Optional<Guard> fillOfValuelessColumns(ColumnWrites.Update update, String condition) {
        String table = SchemaNames.key(update.table());
        Set<String> valueless = EmptinessConditions.valuelessColumnsRequiredBy(condition, table);
        List<String> assigned = update.assigned();
        if (assigned.isEmpty() || !assigned.stream().allMatch(c -> valueless.contains(SchemaNames.key(c)))) {
            return Optional.empty();
        }
        return Optional.of(new Guard(Guard.Kind.NEW_COLUMNS_FILLED, "runs only when no row of " + update.table()
                + " has a value in " + String.join(", ", assigned)));
    }
}
