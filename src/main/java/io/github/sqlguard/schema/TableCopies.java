package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.DestructiveClause;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The copies of a table's rows that one script run made ({@code INSERT INTO t_new SELECT .. FROM t}), by the name
 * of the table copied from: dropping that table later loses nothing, or only what the copy left out. A name is
 * followed through a rename (MySQL's swap, {@code RENAME TABLE t TO t_old, t_new TO t}, leaves t's rows in t_old)
 * and forgotten once its table is dropped or another takes the name: from then on it means a table whose rows
 * nothing copied (the rebuilt t of SQLite's copy, drop and rename, or of the swap).
 *
 * <p>This class answers for all of them; the copies that left rows or columns out are {@link LeftOutCopies}', the
 * copies of every row {@link WholeCopies}', the columns moved with their rows' key {@link MovedColumnCopies}', and
 * how a statement's clauses empty and rename the tables they are kept by {@link CopiedTableChanges}' to say.
 */
final class TableCopies {

    /** Copies of every row, and the tables that hold one of every row and column of another. */
    private final WholeCopies whole = new WholeCopies();
    /** Copies that left rows or columns out. */
    private final LeftOutCopies leftOut = new LeftOutCopies();
    /** Columns moved to another table with their rows' primary key: where to, by table copied from and column. */
    private final MovedColumnCopies movedColumns = new MovedColumnCopies();

    /** Columns copied to another table in a way that guards nothing. */
    private final CarriedColumns carried = new CarriedColumns();
    /** Columns moved to a table of their own whose rows the source's rows were then pointed at. */
    private final CopyBackLinks backLinks = new CopyBackLinks();
    /** One-to-one links an UPDATE turned around, which keep the values of the column that held them. */
    private final ReversedLinks reversedLinks = new ReversedLinks();
    /** Links an UPDATE moved to another key of the rows they name, which keep the values of the column that held them. */
    private final TranslatedLinks translatedLinks = new TranslatedLinks();
    /** Values UPDATEs copied from a table into the matching rows of another, by the table copied from. */
    private final UpdateCopies updates = new UpdateCopies();

    /**
     * Records the copy, if any, that the statement of {@code tokens} (its main keyword at {@code main}) makes, at
     * {@code at} ({@code "line 4"}), {@code before} being the schema just before it; {@code unwrittenIn} gives, by a
     * table's key, the keys of its columns that hold nothing anyone wrote, and {@code distinctIn} those that hold a
     * value of their own in every row ({@link DistinctFills}).
     */
    void observe(List<Token> statement, int main, SchemaView before, boolean selectIntoMakesTable, String at,
            Function<String, Set<String>> unwrittenIn, Function<String, Set<String>> distinctIn, Dialect dialect) {
        CopiesMade.record(this, statement, main, before, selectIntoMakesTable, at, unwrittenIn, distinctIn, dialect);
        UpdateFromTable.of(statement, main, before).ifPresent(update -> updates.observe(update, at, before));
    }

    /**
     * Where UPDATEs copied values of {@code table} to other tables, for a drop of its {@code dropped} columns (of
     * every column when null), and which columns none took; empty when no UPDATE read it.
     */
    Optional<String> updateCopiesOf(String table, List<String> dropped) {
        return updates.note(table, dropped);
    }

    /**
     * Where UPDATEs copied the values of {@code columns} of {@code table}, other than by aggregating them: by the key
     * of the column copied, the target tables and columns (as written).
     */
    Map<String, List<Map.Entry<String, String>>> updateCopyDestinations(String table, List<String> columns) {
        return updates.destinations(table, columns);
    }

    /** The notes on drops of columns, or of a table, whose values copies carried elsewhere without guarding them. */
    CarriedColumns carried() {
        return carried;
    }

    /** The columns moved to a table of their own and linked back, which a drop then loses nothing of. */
    CopyBackLinks backLinks() {
        return backLinks;
    }

    /** The one-to-one links turned around, which a drop of the column that held them then loses nothing of. */
    ReversedLinks reversedLinks() {
        return reversedLinks;
    }

    /** The links moved to another key, which a drop of the column that held them then loses nothing of. */
    TranslatedLinks translatedLinks() {
        return translatedLinks;
    }

    /**
     * Every row and column of {@code source} was copied to {@code target} at {@code at}, by a list reading
     * {@code columns} (null for {@code SELECT *}); {@code how} tells how a join kept every row, or is empty.
     */
    void copied(String source, String target, String at, String how, Set<String> columns) {
        whole.copied(source, target, at, how, columns);
    }

    /**
     * The script changed {@code columns} of {@code table} at {@code at}, as {@code change} says ({@code "drops"},
     * {@code "overwrites"}): a copy of another table's rows kept there no longer holds the values it took into those
     * columns, so destroying that other table loses them ({@code INSERT INTO t_new SELECT * FROM t; UPDATE t_new SET
     * note = NULL; DROP TABLE t}). The copy table was created by the script, so the change itself is not reported;
     * the destruction of its source is, and names it.
     */
    void copyChanged(String table, List<String> columns, String change, String at) {
        String key = SchemaNames.key(table);
        if (!columns.isEmpty()) {
            backLinks.copyChanged(table);
        }
        updates.columnsChanged(table, columns, at);
        whole.columnsChanged(key, columns, change, at).forEach(leftOut::noLongerWhole);
    }

    /**
     * The script gave {@code columns} of {@code table} at {@code at} a type that may or may not keep the values a
     * copy took into them, as {@code why} says ({@code "its type before is not known"}): a copy of every row kept
     * there guards the drop of its source only as a copy by a column list sqlguard cannot check does.
     */
    void copyMayHaveRetyped(String table, List<String> columns, String why, String at) {
        whole.columnsMayHaveRetyped(SchemaNames.key(table), columns, why, at);
    }

    /**
     * An UPDATE at {@code at} wrote {@code columns} of {@code table}, added by the script or not: values an earlier
     * UPDATE copied into them from another table are no longer there.
     */
    void updateCopiesOverwritten(String table, List<String> columns, String at) {
        updates.columnsChanged(table, columns, at);
    }

    /**
     * The script overwrote {@code columns} of {@code table} at {@code at} only in the rows an UPDATE's WHERE picks by
     * their own values ({@code UPDATE t_new SET hidden = 0 WHERE hidden = 'FALSE'}): a data fix, which run on the
     * table copied would lose the same values and pass. A copy kept there still guards the drop of its source; its
     * note says which rows it no longer holds as they were.
     */
    void copyFixed(String table, List<String> columns, String at) {
        String key = SchemaNames.key(table);
        if (!columns.isEmpty()) {
            backLinks.copyChanged(table);
        }
        updates.columnsChanged(table, columns, at);
        whole.columnsFixed(key, columns, at);
    }

    /**
     * True when {@code source} holds a copy of every row and column of a table named {@code target}: copying it
     * back into {@code target}, however the columns are listed, is the restore of a rebuild
     * ({@code CREATE TABLE t_tmp AS SELECT * FROM t; DROP TABLE t; CREATE TABLE t (..); INSERT INTO t (..) SELECT ..
     * FROM t_tmp}).
     */
    boolean holdsWholeCopyOf(String source, String target) {
        return whole.holdsWholeCopyOf(source, target);
    }

    /**
     * Every row of {@code source} was copied to {@code target} by a column list that may or may not name all its
     * columns, as {@code note} says; a copy known to be full made before stays the one a guard names.
     */
    void copiedByUnverifiedList(String source, String target, String at, String note) {
        whole.copiedByUnverifiedList(source, target, at, note);
    }

    /**
     * The script changed rows it may have copied into {@code table} at {@code at}, without saying which columns
     * ({@code REPLACE INTO}, an upsert, a MERGE's UPDATE, an UPDATE of a join): a copy kept there no longer holds
     * what it took, so destroying its source loses it.
     */
    void rowsOverwritten(String table, String at) {
        String key = SchemaNames.key(table);
        backLinks.copyChanged(table);
        Map<String, String> changed = whole.rowsOverwritten(key, at);
        forgetCopiesInto(table, at);
        changed.forEach(leftOut::noLongerWhole);
    }

    /**
     * Rows of {@code table} were removed (DROP TABLE, TRUNCATE, DELETE): a copy made there no longer keeps what it
     * copied ({@code CREATE TABLE b AS SELECT * FROM t; DROP TABLE b; DROP TABLE t} loses every row of t).
     */
    void forgetCopiesInto(String table) {
        forgetCopiesInto(table, "");
        // A note on where some values went would send the reader to a table that no longer has them.
        carried.forgetCopiesInto(SchemaNames.key(table));
    }

    /** As {@link #forgetCopiesInto(String)}, but for the values the UPDATE at {@code at} copied there itself. */
    private void forgetCopiesInto(String table, String at) {
        String key = SchemaNames.key(table);
        backLinks.copyChanged(table);
        whole.forgetCopiesInto(key);
        leftOut.forgetCopiesInto(key);
        movedColumns.forgetCopiesInto(key);
        updates.forgetCopiesInto(key, at);
    }

    /** Rows of {@code source} were copied, leaving out what {@code note} says. */
    void copiedInPart(String source, String note) {
        leftOut.copiedInPart(source, note);
    }

    /**
     * Every row of {@code copy}'s source was copied by a column list from a table the replay does not know in full,
     * as {@code note} says ({@link LeftOutCopies#copiedByUnknownList}).
     */
    void copiedByUnknownList(ColumnListCopy.Unverified copy, String at, String note) {
        leftOut.copiedByUnknownList(copy, at, note);
    }

    /**
     * Every row of {@code written}'s source was copied but for the columns it leaves out, which are lost unless
     * another copy moves them ({@link #moved}) or they are among {@code unwritten}, the keys of the source's columns
     * that hold nothing anyone wrote; {@code createdAgain} says why the source may have columns its last definition
     * lacks.
     */
    void copiedWithout(ColumnListCopy.Partial written, String at, Set<String> unwritten,
            Optional<String> createdAgain, boolean keyed, Map<String, String> converted) {
        List<String> lost = written.missing().stream().filter(c -> !unwritten.contains(SchemaNames.key(c))).toList();
        if (lost.isEmpty() && converted.isEmpty()) {
            // The columns it leaves out hold only their defaults (a rebuild's new table that got a column the copy
            // into it did not fill): leaving them out again loses no value, so this copy is a whole one.
            List<String> left = written.missing();
            copied(written.source(), written.target(), at, ", which leaves out " + (left.size() == 1 ? "column "
                    : "columns ") + String.join(", ", left) + " that nothing wrote", written.kept());
            return;
        }
        leftOut.copiedWithout(written, lost, at, createdAgain, keyed, converted);
    }

    /**
     * {@code moved}'s columns were copied, with the primary key, from every row that has a value in them; those of
     * {@code converted} (as the source spells them) only through a conversion, so they were not moved.
     */
    void moved(SelectedRowsCopy.MovedColumns moved, String at, Set<String> converted) {
        movedColumns.moved(moved, at, converted);
    }

    /**
     * The guard of an UPDATE that overwrites only columns an earlier copy moved to another table with their rows'
     * key ({@code INSERT INTO twofactor SELECT .., uuid, totp_secret FROM users ..; UPDATE users SET totp_secret =
     * NULL}): the values it overwrites live on there.
     */
    Optional<Guard> guardOfOverwrite(ColumnWrites.Update update) {
        return movedColumns.guardOfOverwrite(update);
    }

    /**
     * An UPDATE wrote rows of {@code table} (as written), or, when null, a statement whose writes are not read may
     * have: an UPDATE's copy of them lacks what was written.
     */
    void sourceWritten(String table) {
        updates.sourceWritten(table);
    }

    /** Rows were added to {@code table} (a key): their values were not moved with the others. */
    void forgetMoved(String table) {
        movedColumns.forget(table);
    }

    /**
     * The guard of a statement that destroys {@code targets} (not empty): a full copy of each, or a partial one.
     *
     * @param dropped the columns an ALTER TABLE of one table drops, which are all it loses; null when the statement
     *     loses every column (DROP TABLE, TRUNCATE, DELETE)
     */
    Optional<Guard> guardOf(List<String> targets, List<String> dropped) {
        if (whole.copiedEach(targets)) {
            return whole.guardOf(targets, dropped);
        }
        if (targets.size() != 1 || dropped != null && dropped.isEmpty()) {
            return Optional.empty();
        }
        Optional<Guard> linked = dropped == null ? Optional.empty() : backLinks.guardOf(targets.get(0), dropped);
        if (linked.isPresent()) {
            return linked;
        }
        Optional<Guard> reversed = dropped == null ? Optional.empty() : reversedLinks.guardOf(targets.get(0), dropped);
        if (reversed.isPresent() && !reversed.get().noteOnly()) {
            return reversed;
        }
        Optional<Guard> translated = dropped == null ? Optional.empty()
                : translatedLinks.guardOf(targets.get(0), dropped);
        if (translated.isPresent()) {
            return translated;
        }
        Optional<Guard> linkedRows = updates.everyRowGuard(targets.get(0), dropped);
        if (linkedRows.isPresent()) {
            return linkedRows;
        }
        Optional<Guard> leftOutGuard = leftOut.guardOf(targets.get(0), dropped, movedColumns, carried, updates);
        return leftOutGuard.isPresent() ? leftOutGuard : reversed;
    }

    /**
     * A column of {@code table} that told its rows apart ({@link DistinctFills}) was written again: a copy made
     * beside it no longer says which row each value belonged to, so the copies that left columns of the table out
     * guard nothing from now on.
     */
    void rowLinkOverwritten(String table) {
        leftOut.forget(SchemaNames.key(table));
    }

    /** Forgets every copy from or into the table {@code key} names, as the name now means another table. */
    void forgetTable(String key) {
        forget(List.of(key));
        forgetCopiesInto(key);
        whole.forgetWholeCopies(key);
    }

    /** Forgets every copy of {@code tables}, whose names may from now on mean other tables. */
    void forget(List<String> tables) {
        tables.forEach(table -> {
            String key = SchemaNames.key(table);
            whole.forget(key);
            leftOut.forget(key);
            movedColumns.forget(key);
            carried.forget(key);
            backLinks.forget(key);
            reversedLinks.forget(key);
            translatedLinks.forget(key);
            updates.forget(key);
        });
    }

    /** Follows the tables that {@code clauses} (one statement's, at {@code at}) drop, empty or rename. */
    void follow(List<DestructiveClause> clauses, String at) {
        CopiedTableChanges.forEachEmptied(clauses, this::copiesInto, this::forgetCopiesInto);
        whole.follow(clauses, at);
        movedColumns.follow(clauses);
        updates.follow(clauses);
        leftOut.follow(clauses);
    }

    /** The tables, as written, that the copies kept went to. */
    private List<String> copiesInto() {
        List<String> targets = new ArrayList<>(whole.copiesInto());
        targets.addAll(movedColumns.copiesInto());
        targets.addAll(leftOut.copiesInto());
        return targets;
    }

    /**
     * Forgets the copies of the tables {@code statement} drops or renames, when no statement model follows them
     * (as {@link LossGuards} does with one): the name then means a table whose rows nothing copied. A table it
     * truncates keeps its name, but no longer the rows copied into it.
     */
    void forgetDroppedBy(Statement statement) {
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        if (tokens.isEmpty()) {
            return;
        }
        if (tokens.get(main).isWord("DROP")) {
            forget(DestroyedTables.of(tokens, main));
            DestroyedTables.of(tokens, main).forEach(this::forgetCopiesInto);
        } else if (tokens.get(main).isWord("TRUNCATE")) {
            DestroyedTables.of(tokens, main).forEach(this::forgetCopiesInto);
        } else if (AlterTableRenames.renamesTable(tokens, main) || tokens.get(main).isWord("RENAME")) {
            // Both names of every pair (MySQL's RENAME TABLE t TO t_old, t_new TO t) now mean other tables.
            forget(tokens.stream().map(token -> SchemaNames.unquoted(token.text())).toList());
        }
    }
}
