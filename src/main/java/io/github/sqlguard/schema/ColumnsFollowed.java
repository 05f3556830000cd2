package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.SpRenameCall;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.DynamicSqlRunners;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one statement did to the columns a run's {@link LossGuards} keep facts of: the columns an UPDATE wrote, rows
 * added, columns dropped or renamed, tables renamed or dropped, and a routine call that may have written anything.
 * The copies kept beside those facts ({@link TableCopies}) follow the same changes.
 */
final class ColumnsFollowed {

    /** Schemas that hold the database's own routines (Db2's SYSPROC and kin), whose calls write no table of ours. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("SYSPROC", "SYSIBM", "SYSTOOLS", "SYSIBMADM");

    private ColumnsFollowed() {
    }

    /** Updates what {@code guards} know of the columns after {@code tokens} ran: what they wrote, dropped, renamed. */
    static void follow(LossGuards guards, List<Token> tokens, int main, Statement statement, SchemaView before) {
        DatabaseScope databases = statement.context().databases();
        Optional<ColumnWrites.Update> update = ColumnWrites.update(tokens);
        if (update.isPresent()) {
            updated(guards, update.get(), statement, before);
            return;
        }
        // Dynamic SQL whose text could not be read may write any column, as a routine may.
        if (WithListUpdates.updates(tokens) || statement.runtimeSql() || callsRoutine(tokens, main, statement)) {
            Optional<BodyWrites> reach = WithListUpdates.updates(tokens) || statement.runtimeSql() ? Optional.empty()
                    : guards.calledHere.mayWriteBeyondRun(statement);
            if (reach.isPresent()) {
                reach.get().wholeTables().forEach(table -> mayHaveWritten(guards, table, statement));
                reach.get().columns().forEach((table, columns) -> {
                    guards.columns.mayHaveWritten(table, columns);
                    mayHaveWritten(guards.copies, table, statement, guards.lineOf(statement));
                });
                return;
            }
            if (WithListUpdates.updates(tokens) && !LossGuards.mayBeUndone(statement)) {
                // MySQL's UPDATE t, u SET t.c = u.k WHERE ..: what it wrote is not read, but a link it reverses is
                guards.copies.reversedLinks().updatedUnread(tokens, before, statement.dialect(),
                        guards.lineOf(statement), guards.columns::holdsOnlyNull);
            } else {
                guards.copies.reversedLinks().clear();
            }
            guards.columns.forgetWritten();
            guards.copies.sourceWritten(null);
            guards.copies.backLinks().clear();
            guards.copies.translatedLinks().clear();
            return;
        }
        // A data-modifying CTE writes its columns as the statement's own UPDATE would; the statement goes on.
        for (List<Token> body : WithListUpdates.cteUpdates(tokens)) {
            ColumnWrites.update(body).ifPresentOrElse(cte -> updated(guards, cte, statement, before),
                    guards.columns::forgetWritten);
        }
        Optional<String> rowsAdded = AddedRows.rowsAddedTo(tokens);
        if (rowsAdded.isPresent()) {
            String table = SchemaNames.key(rowsAdded.get());
            guards.columns.rowsAdded(table, tokens, main, databases, LossGuards.mayBeUndone(statement));
            // A copy of the table made before lacks the new rows.
            guards.copies.forgetMoved(table);
            guards.copies.forget(List.of(table));
            if (AddedRows.updatesExistingRows(tokens)) {
                guards.copies.rowsOverwritten(table, guards.lineOf(statement));
            }
            return;
        }
        if (tokens.get(main).isWord("DELETE")) {
            // The rows a moved link goes through hold the values it kept: deleted, they take them along
            TableNames.of(tokens).forEach(guards.copies.translatedLinks()::forget);
        }
        Optional<SpRenameCall> spRename = SpRenameCall.of(tokens);
        if (spRename.isPresent()) {
            followSpRename(guards, spRename.get());
            return;
        }
        if (tokens.get(main).isWord("RENAME")) {
            // MySQL's RENAME TABLE t TO t_old, t_new TO t and Oracle's RENAME: each name now holds another table
            List<String> renamed = TableNames.of(tokens).stream().map(SchemaNames::key).toList();
            renamed.forEach(guards.copies::forgetMoved);
            guards.columns.tablesRenamed(renamed);
            return;
        }
        if (databases.equals(DatabaseScope.ANY) && !LossGuards.mayBeUndone(statement)) {
            PurgedFlags.of(tokens, main, before).ifPresent(purge -> guards.columns.purged(
                    SchemaNames.key(purge.table()), purge.column(), guards.lineOf(statement)));
        }
        guards.copies.reversedLinks().observeKeysDropped(tokens, main, before);
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty() || !tokens.get(main).isAnyWord("ALTER", "DROP")) {
            return;
        }
        if (tokens.get(main).isWord("DROP") || AlterTableRenames.renamesTable(tokens, main)) {
            List<String> tables = targets.stream().map(SchemaNames::key).toList();
            tables.forEach(guards.copies::forgetMoved);
            tables.forEach(guards.copies.backLinks()::forget);
            tables.forEach(guards.copies.reversedLinks()::forget);
            tables.forEach(guards.copies.translatedLinks()::forget);
            guards.columns.tablesDroppedOrRenamed(tables,
                    CreatedTableColumns.renamedTo(tokens, main).map(SchemaNames::key));
            return;
        }
        List<String> dropped = DestroyedTables.droppedColumns(tokens, main);
        Map<String, String> renamedColumns = AlterTableRenames.renamedColumns(tokens, main);
        guards.copies.backLinks().written(targets.get(0), dropped);
        guards.copies.backLinks().written(targets.get(0), renamedColumns.keySet());
        guards.copies.backLinks().written(targets.get(0), renamedColumns.values());
        guards.copies.reversedLinks().written(targets.get(0), dropped);
        guards.copies.reversedLinks().written(targets.get(0), renamedColumns.keySet());
        guards.copies.reversedLinks().written(targets.get(0), renamedColumns.values());
        guards.copies.translatedLinks().written(targets.get(0), dropped);
        guards.copies.translatedLinks().written(targets.get(0), renamedColumns.keySet());
        guards.copies.translatedLinks().written(targets.get(0), renamedColumns.values());
        guards.columns.sourcesDropped(targets.get(0), dropped, guards.lineOf(statement),
                guards.copies.updateCopyDestinations(targets.get(0), dropped));
        guards.copies.copyChanged(targets.get(0), guards.columns.notAddedTo(targets.get(0), dropped), "drops",
                guards.lineOf(statement));
        // A type that may not hold every value cuts what a copy kept there, as a drop of the column would.
        // A type whose fit is not known leaves a copy that may still hold every value: it guards as a copy by a
        // column list sqlguard cannot check does.
        LossyRetypes.of(statement, before).forEach((column, loss) -> {
            List<String> copied = guards.columns.notAddedTo(targets.get(0), List.of(column));
            if (loss.judged()) {
                guards.copies.copyChanged(targets.get(0), copied, "retypes (" + loss.reason() + ")",
                        guards.lineOf(statement));
            } else {
                guards.copies.copyMayHaveRetyped(targets.get(0), copied, loss.reason(), guards.lineOf(statement));
            }
        });
        guards.columns.columnsAltered(SchemaNames.key(targets.get(0)), dropped,
                AlterTableRenames.renamedColumns(tokens, main));
    }

    /**
     * A call of a routine the script defined may have run a statement of its body that names {@code table} (in a
     * branch, a loop's arm): whichever of its columns and rows it wrote, what was known of them no longer holds.
     */
    private static void mayHaveWritten(LossGuards guards, String table, Statement call) {
        guards.columns.forget(table);
        mayHaveWritten(guards.copies, table, call, guards.lineOf(call));
        // Rows added to it are in no copy made before, and rows removed from a copy are no longer kept there.
        guards.copies.forgetMoved(table);
        guards.copies.forget(List.of(table));
        guards.copies.forgetCopiesInto(table);
    }

    /** What {@code copies} kept of {@code table}'s values no longer holds once the call at {@code at} wrote it. */
    private static void mayHaveWritten(TableCopies copies, String table, Statement call, String at) {
        copies.sourceWritten(table);
        copies.rowLinkOverwritten(table);
        copies.rowsOverwritten(table, at);
        copies.backLinks().forget(table);
        copies.reversedLinks().forget(table);
        copies.translatedLinks().forget(table);
    }

    /** Follows what T-SQL's sp_rename renamed: a column, whose facts go with it, or a table, whose facts end. */
    private static void followSpRename(LossGuards guards, SpRenameCall call) {
        String qualifier = ObjectNames.qualifier(call.oldName());
        if (call.renamesColumn() && !qualifier.isEmpty()) {
            String newName = SchemaNames.unquoted(SchemaNames.lastPart(call.newName()));
            guards.columns.columnsAltered(SchemaNames.key(qualifier), List.of(),
                    Map.of(SchemaNames.unquoted(ObjectNames.lastPart(call.oldName())), newName));
        } else if (call.renamesTable()) {
            String table = SchemaNames.key(call.oldName());
            guards.copies.forgetMoved(table);
            guards.columns.tablesDroppedOrRenamed(List.of(table), Optional.of(SchemaNames.key(call.newName())));
        }
    }

    /** Follows what an UPDATE of one table, the statement's own or a CTE's, wrote. */
    private static void updated(LossGuards guards, ColumnWrites.Update update, Statement statement,
            SchemaView before) {
        guards.copies.sourceWritten(update.table());
        Set<String> links = guards.columns.distinctIn(SchemaNames.key(update.table()));
        if (update.assigned().stream().map(SchemaNames::key).anyMatch(links::contains)) {
            guards.copies.rowLinkOverwritten(update.table());
        }
        // Before the columns' facts take the write: whether the pointer held only NULL until now
        if (LossGuards.mayBeUndone(statement)) {
            guards.copies.reversedLinks().written(update.table(), update.assigned());
            guards.copies.translatedLinks().written(update.table(), update.assigned());
        } else {
            guards.copies.translatedLinks().updated(update.table(), update.assigned(), statement.tokens(), before,
                    statement.dialect(), guards.lineOf(statement));
            guards.copies.reversedLinks().updated(update.table(), update.assigned(), statement.tokens(), before,
                    statement.dialect(), guards.lineOf(statement), guards.columns::holdsOnlyNull);
        }
        guards.columns.written(OwnKeySelection.reachingEveryRow(EnumCasts.readAsCopies(WideningCasts.readAsCopies(
                guards.columns.testingOnlyNullColumn(update), before, statement.dialect()), before), before),
                statement.tokens(), statement.context().databases(), LossGuards.mayBeUndone(statement),
                guards.lineOf(statement),
                CopyConversions.ofUpdate(update, before, statement.dialect()));
        if (LossGuards.mayBeUndone(statement)) {
            guards.copies.backLinks().written(update.table(), update.assigned());
        } else {
            guards.copies.backLinks().updated(update.table(), update.assigned(), statement.tokens(), before,
                    guards.lineOf(statement));
        }
        // SET c = .. WHERE c IS NULL writes only the rows a copy into c gave no value: what it copied stays
        guards.copies.updateCopiesOverwritten(update.table(), update.assigned().stream()
                .filter(column -> !SchemaNames.key(column).equals(update.rowsWithoutValueIn())).toList(),
                guards.lineOf(statement));
        List<String> overwritten = guards.columns.notAddedTo(update.table(), update.assigned());
        if (update.fixesChosenRows()) {
            // A fix of the rows its WHERE picks loses what the same UPDATE of the table copied would: no more
            guards.copies.copyFixed(update.table(), overwritten, guards.lineOf(statement));
        } else {
            guards.copies.copyChanged(update.table(), overwritten, "overwrites", guards.lineOf(statement));
        }
    }

    /**
     * True for {@code CALL p()} or T-SQL's {@code EXEC p}: the routine may write any column, so a column added before
     * it is no longer one nothing has written. Dynamic SQL whose whole text was read, from literals or from a variable
     * its block assigned them, is no call: its statements follow it and are followed one by one. {@code sp_rename}, which only renames, is followed on its own, and the
     * database's own administration routines ({@code CALL SYSPROC.ADMIN_CMD('REORG TABLE t')} that Db2 needs after
     * an ALTER, Oracle's {@code DBMS_STATS}) write no column of the application's tables.
     */
    private static boolean callsRoutine(List<Token> tokens, int main, Statement statement) {
        if (main + 1 >= tokens.size() || !tokens.get(main).isAnyWord("CALL", "EXEC", "EXECUTE")
                || !SpRenameCall.of(tokens).isEmpty()
                || DynamicSqlRunners.runsOnlyTextReadHere(tokens.subList(main, tokens.size()), statement.dialect())
                || DynamicSqlRunners.runsVariableTextReadHere(statement, main)) {
            return false;
        }
        Token routine = tokens.get(main + 1);
        boolean qualified = main + 2 < tokens.size() && tokens.get(main + 2).isSymbol(".");
        String first = routine.upper();
        return !(qualified && SYSTEM_SCHEMAS.contains(first) || first.startsWith("DBMS_STATS"));
    }
}
