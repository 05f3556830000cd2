package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds, for each statement of one script run (a Flyway script, a Liquibase changeset), the {@link Guard} that the
 * script puts before it. Feed statements in order: {@link #guardOf} first, then {@link #observe}.
 *
 * <p>A condition guards only when it requires the table to be empty ({@link EmptinessConditions}): T-SQL
 * {@code IF NOT EXISTS (SELECT 1 FROM t) DROP TABLE t} does, {@code IF EXISTS (..)}, {@code IF OBJECT_ID(..) IS
 * NOT NULL}, {@code DROP TABLE IF EXISTS}, and a condition with a WHERE or about another table do not.
 *
 * <p>Columns are followed too, as scripts that rebuild a column write them ({@code ADD total_new; UPDATE t SET
 * total_new = total; DROP total; RENAME total_new TO total}): an UPDATE that only fills columns the script added and
 * nothing has written since overwrites nothing, a column whose values an UPDATE of every row copied as they are into
 * another column loses nothing when it is dropped, and a column the script added is used by no code that runs yet,
 * so renaming it breaks nothing, and an UPDATE that overwrites such a copied column loses nothing either. An INSERT,
 * MERGE or COPY into the table, a later write of the copy, a rename of the table or an UPDATE that is not read ends
 * what was known.
 */
public final class LossGuards {

    private TableCopies copies = new TableCopies();
    /**
     * Where the guards' notes say the statements before this one are: {@code "this changeset"}, {@code "this
     * script"}, or a migration split into files ({@code "migration 20210410175418_network"}).
     */
    private final String unit;
    /** Whether a note names the file of the statement it points at, as it does when the run spans files. */
    private final boolean spansFiles;
    private final Set<String> emptyTables = new HashSet<>();
    /** Columns a changeset precondition requires to hold no value, by table. */
    private final Map<String, Set<String>> emptyColumns = new HashMap<>();
    private final Map<String, Set<String>> addedColumns = new HashMap<>();
    private final Map<String, Set<String>> unwrittenColumns = new HashMap<>();
    private final ColumnsAddedWithoutValue addedWithoutValue = new ColumnsAddedWithoutValue();
    private final Map<String, Map<String, ColumnCopy>> copiedColumns = new HashMap<>();
    private ClearedColumns clearedColumns = new ClearedColumns();
    private RowIndependentFills rowIndependentFills = new RowIndependentFills();
    private ColumnsAddedIfMissing addedIfMissing = new ColumnsAddedIfMissing();
    /**
     * The facts are kept by a table's own name, which the replay's keys are: the run's switches of database and
     * schema, and the table (database/schema/name) each name kept stood for when last written, tell when a name
     * comes to mean another table ({@code DROP TABLE orders} after a copy of {@code shop2.orders}, or after
     * {@code USE other}). Then nothing kept about it holds.
     */
    private final TableNamespace namespace;
    private final Map<String, String> tableOfName = new HashMap<>();
    /**
     * Writes limited to some databases (a Liquibase change's {@code dbms}) of columns still unwritten elsewhere,
     * by table and column: they reach only the statements that run on one of those databases.
     */
    private final Map<String, Map<String, List<DatabaseScope>>> scopedWrites = new HashMap<>();
    private Statement lastContainer;

    /**
     * The guards of one run scope ({@link io.github.sqlguard.sql.StatementContext#runScope}): a Liquibase
     * changeset's, whose notes say "this changeset", or a script's.
     */
    public LossGuards(String runScope) {
        this(runScope, TableNamespace.Names.DEFAULT);
    }

    /** As {@link #LossGuards(String)}, for a run that starts where {@code start} says ({@link TableNamespace}). */
    public LossGuards(String runScope, TableNamespace.Names start) {
        this(runScope.startsWith("changeset ") ? "this changeset" : "this script", false, start);
    }

    /** The guards of one migration whose statements its tool runs from several files, one after the other. */
    static LossGuards acrossFiles(String migration) {
        return new LossGuards(migration, true, TableNamespace.Names.DEFAULT);
    }

    private LossGuards(String unit, boolean spansFiles, TableNamespace.Names start) {
        this.unit = unit;
        this.spansFiles = spansFiles;
        this.namespace = new TableNamespace(start);
    }

    /** The guards of a routine body, whose statements run in order whenever it is called; notes name it. */
    static LossGuards inRoutineBody(String label) {
        return new LossGuards(label.isEmpty() ? "this routine body" : label, false, TableNamespace.Names.DEFAULT);
    }

    /** The guard of {@code statement}, when the script gives it one. */
    public Optional<Guard> guardOf(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.container() || tokens.isEmpty() || namesOtherTables(statement)) {
            return Optional.empty();
        }
        if (statement.context().followsEarlierStatements()) {
            DatabaseScope databases = statement.context().databases();
            // A data-modifying CTE's UPDATE is guarded as the statement's own is, when no other part changes rows.
            Optional<Guard> filled = ColumnWrites.update(tokens).or(() -> ColumnWrites.onlyCteUpdate(tokens))
                    .flatMap(update -> fillOfNewColumns(update, databases)
                    .or(() -> copies.guardOfOverwrite(update)).or(() -> CopiedColumnOverwrite.guardOf(update,
                            copiedColumns.getOrDefault(SchemaNames.key(update.table()), Map.of()), databases)));
            if (filled.isPresent()) {
                return filled;
            }
        }
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        String condition = EmptinessConditions.conditionBefore(statement, main, lastContainer);
        if (targets.isEmpty()) {
            // An UPDATE of a table the changeset requires to be empty has no row to change.
            Optional<ColumnWrites.Update> update = ColumnWrites.update(tokens);
            return update.map(ColumnWrites.Update::table)
                    .filter(table -> emptyTables.contains(SchemaNames.key(table)))
                    .map(table -> new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + table
                            + " is empty (changeset precondition)"))
                    .or(() -> update.flatMap(u -> fillOfValuelessColumns(u, condition)));
        }
        Optional<String> emptyTable = EmptinessConditions.emptyTableRequiredBy(condition);
        if (emptyTable.isPresent() && targets.stream().allMatch(t -> SchemaNames.key(t).equals(emptyTable.get()))) {
            return Optional.of(new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + targets.get(0) + " is empty"));
        }
        if (targets.stream().allMatch(t -> emptyTables.contains(SchemaNames.key(t)))) {
            return Optional.of(new Guard(Guard.Kind.EMPTY_TABLE, "runs only when " + targets.get(0)
                    + " is empty (changeset precondition)"));
        }
        Optional<Guard> columns = targets.size() == 1
                ? columnGuard(tokens, main, SchemaNames.key(targets.get(0)), statement.context().databases(),
                        EmptinessConditions.valuelessColumnsRequiredBy(condition, SchemaNames.key(targets.get(0))))
                : Optional.empty();
        Optional<Guard> copied = copies.guardOf(targets, tokens.get(main).isWord("ALTER")
                ? DestroyedTables.droppedColumns(tokens, main) : null);
        // A copy that left a column out keeps none of its values, which the script may still have kept elsewhere
        boolean keptElsewhere = columns.filter(guard -> guard.kind() == Guard.Kind.SCRATCH_COLUMN).isPresent();
        return copied.filter(guard -> guard.kind() == Guard.Kind.UNVERIFIED_COPY ? columns.isEmpty()
                : guard.kind() != Guard.Kind.INCOMPLETE_COPY || !keptElsewhere).or(() -> columns);
    }

    /**
     * Of the guards of {@code statement}, only those a copy gives (of the rows of the tables it destroys, of the
     * values of the columns it drops or an UPDATE overwrites), which say where the data went even after the run.
     */
    Optional<Guard> copyGuardOf(Statement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.container() || tokens.isEmpty() || !statement.context().runsWithMigration()
                || namesOtherTables(statement)) {
            return Optional.empty();
        }
        int main = DestroyedTables.mainKeyword(tokens);
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty()) {
            return ColumnWrites.update(tokens).flatMap(copies::guardOfOverwrite);
        }
        List<String> dropped = tokens.get(main).isWord("ALTER") ? DestroyedTables.droppedColumns(tokens, main) : null;
        Optional<Guard> rows = copies.guardOf(targets, dropped).filter(guard -> guard.kind() == Guard.Kind.ROWS_COPIED);
        if (rows.isPresent() || targets.size() != 1 || dropped == null) {
            return rows;
        }
        return ColumnCopy.guardOf(Guard.Kind.ROWS_COPIED, dropped, copiedColumns.getOrDefault(
                SchemaNames.key(targets.get(0)), Map.of()), statement.context().databases());
    }

    /**
     * What the script did short of a guard of {@code statement}, to say on its findings ({@link Guard.Kind}): a
     * cast converted the values of the columns it drops, ADD COLUMN IF NOT EXISTS may have kept older ones, or a copy
     * took their values to another table without their rows' key or from some rows only.
     */
    public Optional<Guard> shortfallOf(Statement statement) {
        if (!statement.container() && namesOtherTables(statement)) {
            return Optional.empty();
        }
        return ConvertedBeforeDrop.shortfallOf(statement, copiedColumns)
                .or(() -> addedIfMissing.shortfallOf(statement))
                .or(() -> DestroyedTables.droppedFromOneTable(statement)
                        .flatMap(dropped -> copies.carried().shortfallOf(dropped.table(), dropped.columns())))
                .or(() -> droppedTable(statement).flatMap(table -> copies.carried().shortfallOfTable(table)));
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
     * The guard of the columns an ALTER TABLE drops or renames: those the script added, and those whose values
     * it copied in full to another column; a rename only of those it added.
     */
    private Optional<Guard> columnGuard(List<Token> tokens, int main, String table, DatabaseScope databases,
            Set<String> checked) {
        Set<String> added = addedColumns.getOrDefault(table, Set.of());
        Map<String, ColumnCopy> copies = copiedColumns.getOrDefault(table, Map.of());
        List<String> dropped = DestroyedTables.droppedColumns(tokens, main);
        List<String> scratch = new ArrayList<>(dropped.stream().filter(c -> added.contains(SchemaNames.key(c)))
                .toList());
        ColumnWrites.renamedColumns(tokens, main).keySet().stream().filter(c -> added.contains(SchemaNames.key(c)))
                .forEach(scratch::add);
        // A copy made on some databases only keeps the values there, not on the others the drop runs on.
        List<String> copied = dropped.stream().filter(c -> !added.contains(SchemaNames.key(c))
                && copies.containsKey(SchemaNames.key(c))
                && copies.get(SchemaNames.key(c)).keepsEveryValueOn(databases)).toList();
        Set<String> valueless = emptyColumns.getOrDefault(table, Set.of());
        List<String> empty = dropped.stream().filter(c -> !added.contains(SchemaNames.key(c)) && !copied.contains(c)
                && (valueless.contains(SchemaNames.key(c)) || checked.contains(SchemaNames.key(c)))).toList();
        if (scratch.isEmpty() && copied.isEmpty() && empty.isEmpty()) {
            return clearedColumns.retypeGuard(table).or(() -> CopiedBeforeRetype.guardOf(tokens, main, copies,
                    databases));
        }
        // Guards only the findings about these columns; one about another column dropped alongside stays.
        Map<String, String> notes = new LinkedHashMap<>();
        scratch.forEach(c -> notes.put(SchemaNames.key(c), "column " + c + " was added earlier in " + unit));
        copied.forEach(c -> notes.put(SchemaNames.key(c), copies.get(SchemaNames.key(c)).description()));
        empty.forEach(c -> notes.put(SchemaNames.key(c), "runs only when no row of " + table + " has a value in "
                + c + (valueless.contains(SchemaNames.key(c)) ? " (changeset precondition)" : "")));
        String description = scratch.isEmpty() ? String.join("; ", notes.values())
                : (scratch.size() == 1 ? "column " : "columns ") + String.join(", ", scratch)
                        + (scratch.size() == 1 ? " was" : " were") + " added earlier in " + unit
                        + Stream.concat(copied.stream(), empty.stream()).map(c -> "; " + notes.get(SchemaNames.key(c)))
                                .collect(Collectors.joining());
        return Optional.of(new Guard(Guard.Kind.SCRATCH_COLUMN, description, notes));
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

    /** The guard of an UPDATE that assigns only columns the script added and nothing has written since. */
    private Optional<Guard> fillOfNewColumns(ColumnWrites.Update update, DatabaseScope databases) {
        String table = SchemaNames.key(update.table());
        return NewColumnFill.guardOf(update, databases, unwrittenColumns.getOrDefault(table, Set.of()),
                scopedWrites.getOrDefault(table, Map.of()), clearedColumns.of(table),
                rowIndependentFills.of(table), unit);
    }

    /** Records what {@code statement} establishes for later ones: full copies of tables, added columns. */
    public void observe(Statement statement) {
        observe(statement, SchemaView.UNKNOWN);
    }

    /** Records what {@code model}'s statement establishes, and follows the tables it drops or renames. */
    public void observe(StatementModel model, SchemaView before) {
        observe(model.statement(), before);
        if (!model.statement().container() && model.statement().context().followsEarlierStatements()) {
            copies.follow(model.clauses());
            // Rows deleted from a copy are no longer kept there, whichever rows its WHERE picks.
            model.rowChanges().stream().filter(change -> change.verb().equals("DELETE"))
                    .forEach(change -> change.tables().forEach(copies::forgetCopiesInto));
        }
    }

    /**
     * Records what {@code statement} establishes for later ones, {@code before} being the schema just before it:
     * a copy that lists the columns is a full copy when it reads every column the schema knows the table has.
     */
    public void observe(Statement statement, SchemaView before) {
        if (statement.container()) {
            lastContainer = statement;
            // A Liquibase precondition arrives as the bare condition, and holds for the whole changeset.
            EmptinessConditions.emptyTableOfPrecondition(statement.sql()).ifPresent(emptyTables::add);
            EmptinessConditions.emptyColumnOfPrecondition(statement.sql()).ifPresent(column -> {
                emptyColumns.computeIfAbsent(column.table(), k -> new HashSet<>()).add(column.column());
                // Every row holds a value in a NOT NULL column (a primary key's): COUNT(id) = 0 counts the rows.
                if (before.column(column.table(), column.column()).filter(Column::notNull).isPresent()) {
                    emptyTables.add(column.table());
                }
            });
            // A Liquibase addColumn arrives as its DDL for the replay only; the columns it adds are still new.
            if (statement.context().followsEarlierStatements()) {
                recordAddedColumns(statement.tokens(), 0, before, false);
            }
            return;
        }
        if (!statement.context().followsEarlierStatements()) {
            return;
        }
        List<Token> tokens = statement.tokens();
        List<String> named = TableNames.of(tokens);
        TableNamespace.Names names = namespace.names();
        // Each name is resolved once, to see whether it means another table than the facts kept, and to keep it.
        String[] resolved = new String[named.size()];
        boolean other = false;
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = names.resolve(named.get(i), statement.dialect());
            String kept = tableOfName.get(SchemaNames.key(named.get(i)));
            other |= kept != null && !kept.equals(resolved[i]);
        }
        if (other) {
            forgetAll();
        }
        for (int i = 0; i < resolved.length; i++) {
            tableOfName.put(SchemaNames.key(named.get(i)), resolved[i]);
        }
        namespace.step(tokens, statement.dialect(), statement.context().branch() == null
                && statement.context().body() == null && !statement.firstToken().isAnyWord("IF", "WHILE", "BEGIN"));
        int main = DestroyedTables.mainKeyword(tokens);
        // SELECT .. INTO x makes a table in T-SQL and at a script's top level; inside a PL/SQL, PL/pgSQL or MySQL
        // block it fills variables.
        boolean selectIntoMakesTable = statement.dialect() == Dialect.SQLSERVER
                || statement.context().kind() == StatementContext.Kind.SCRIPT;
        String at = lineOf(statement);
        boolean mayBeUndone = mayBeUndone(statement);
        if (!mayBeUndone) {
            copies.observe(tokens, main, before, selectIntoMakesTable, at);
        }
        recordAddedColumns(tokens, main, before, mayBeUndone);
        addedIfMissing.observe(tokens, main, before, at, mayBeUndone);
        if (statement.context().kind() == StatementContext.Kind.SCRIPT) {
            CreatedTableColumns.of(tokens, main).ifPresent(t -> unwrittenColumns.put(SchemaNames.key(t.table()),
                    new HashSet<>(t.columns())));
        }
        followColumns(tokens, main, statement, before);
    }

    /** By table key, the columns this scope's statements added that nothing has written since. */
    Map<String, Set<String>> addedUnwrittenColumns() {
        Map<String, Set<String>> fresh = new HashMap<>();
        addedColumns.forEach((table, columns) -> {
            Set<String> unwritten = new HashSet<>(columns);
            unwritten.retainAll(unwrittenColumns.getOrDefault(table, Set.of()));
            if (!unwritten.isEmpty()) {
                fresh.put(table, unwritten);
            }
        });
        return fresh;
    }

    /**
     * A branch that may have run ends: a column it wrote, or dropped, is no longer one nothing has written since it
     * was added.
     */
    void branchEnded(LossGuards arm) {
        // what a branch wrote is not followed here: a fill known before it may have been overwritten by other values
        rowIndependentFills.clear();
        unwrittenColumns.forEach((table, columns) -> columns.retainAll(arm.unwrittenColumns.getOrDefault(table,
                Set.of())));
    }

    /**
     * Takes {@code columns} of {@code table} as added and unwritten: a branch that may not have run added them to
     * a table that lacked them, so after it each either exists with nothing written yet or does not exist.
     */
    void addedInBranch(String table, Set<String> columns) {
        addedColumns.computeIfAbsent(table, k -> new HashSet<>()).addAll(columns);
        unwrittenColumns.computeIfAbsent(table, k -> new HashSet<>()).addAll(columns);
        scopedWrites.getOrDefault(table, new HashMap<>()).keySet().removeAll(columns);
    }

    private void recordAddedColumns(List<Token> tokens, int main, SchemaView before, boolean failureGoesOn) {
        DestroyedTables.addedColumns(tokens, main, before, failureGoesOn).ifPresent(added -> {
            addedColumns.computeIfAbsent(SchemaNames.key(added.table()), k -> new HashSet<>()).addAll(added.columns());
            addedWithoutValue.added(SchemaNames.key(added.table()), added.columns(), tokens, main);
            unwrittenColumns.computeIfAbsent(SchemaNames.key(added.table()), k -> new HashSet<>())
                    .addAll(added.columns());
            scopedWrites.getOrDefault(SchemaNames.key(added.table()), new HashMap<>()).keySet()
                    .removeAll(added.columns());
        });
    }

    /** Updates what is known of the columns after {@code tokens} ran: what they wrote, dropped and renamed. */
    private void followColumns(List<Token> tokens, int main, Statement statement, SchemaView before) {
        DatabaseScope databases = statement.context().databases();
        Optional<ColumnWrites.Update> update = ColumnWrites.update(tokens);
        if (update.isPresent()) {
            updated(update.get(), statement, before);
            return;
        }
        if (ColumnWrites.updates(tokens)) {
            forgetWrittenColumns();
            return;
        }
        // A data-modifying CTE writes its columns as the statement's own UPDATE would; the statement goes on.
        for (List<Token> body : ColumnWrites.cteUpdates(tokens)) {
            ColumnWrites.update(body).ifPresentOrElse(cte -> updated(cte, statement, before),
                    this::forgetWrittenColumns);
        }
        Optional<String> rowsAdded = ColumnWrites.rowsAddedTo(tokens);
        if (rowsAdded.isPresent()) {
            // New rows carry values in the added columns, and in a copied column values its copy lacks
            String table = SchemaNames.key(rowsAdded.get());
            Set<String> unlisted = databases.equals(DatabaseScope.ANY) && !scopedWrites.containsKey(table)
                    ? CreatedTableColumns.leftUnwritten(tokens, unwrittenColumns.get(table)) : Set.of();
            Set<String> unwrittenBefore = databases.equals(DatabaseScope.ANY) && !scopedWrites.containsKey(table)
                    ? Set.copyOf(unwrittenColumns.getOrDefault(table, Set.of())) : Set.of();
            forget(table);
            if (!unwrittenBefore.isEmpty() && !mayBeUndone(statement)) {
                ColumnListCopy.takenAsTheyAre(tokens, main).ifPresent(taken -> rowIndependentFills.copied(taken,
                        unwrittenBefore));
            }
            // and a copy of the table made before lacks the new rows
            copies.forget(List.of(table));
            if (!unlisted.isEmpty()) {
                unwrittenColumns.put(table, unlisted);
            }
            return;
        }
        if (tokens.get(main).isWord("RENAME")) {
            // MySQL's RENAME TABLE t TO t_old, t_new TO t and Oracle's RENAME: each name now holds another table
            List<String> renamed = TableNames.of(tokens).stream().map(SchemaNames::key).toList();
            renamed.forEach(this::forget);
            addedColumns.keySet().removeAll(renamed);
            return;
        }
        List<String> targets = DestroyedTables.of(tokens, main);
        if (targets.isEmpty() || !tokens.get(main).isAnyWord("ALTER", "DROP")) {
            return;
        }
        if (tokens.get(main).isWord("DROP") || ColumnWrites.renamesTable(tokens, main)) {
            Set<String> unwritten = unwrittenColumns.get(SchemaNames.key(targets.get(0)));
            CreatedTableColumns.renamedTo(tokens, main).ifPresent(renamed -> rowIndependentFills.renamed(
                    SchemaNames.key(targets.get(0)), SchemaNames.key(renamed)));
            targets.forEach(t -> forget(SchemaNames.key(t)));
            CreatedTableColumns.renamedTo(tokens, main).filter(renamed -> unwritten != null)
                    .ifPresent(renamed -> unwrittenColumns.put(SchemaNames.key(renamed), unwritten));
            addedColumns.keySet().removeAll(targets.stream().map(SchemaNames::key).toList());
            return;
        }
        String table = SchemaNames.key(targets.get(0));
        Set<String> added = addedColumns.computeIfAbsent(table, k -> new HashSet<>());
        Set<String> unwritten = unwrittenColumns.computeIfAbsent(table, k -> new HashSet<>());
        Map<String, ColumnCopy> copies = copiedColumns.computeIfAbsent(table, k -> new HashMap<>());
        Map<String, List<DatabaseScope>> writes = scopedWrites.computeIfAbsent(table, k -> new HashMap<>());
        List<String> dropped = DestroyedTables.droppedColumns(tokens, main);
        Map<String, String> renamedColumns = ColumnWrites.renamedColumns(tokens, main);
        this.copies.copyChanged(targets.get(0), notAddedTo(table, dropped), "drops", lineOf(statement));
        clearedColumns.replaced(table, dropped);
        clearedColumns.replaced(table, renamedColumns.keySet());
        clearedColumns.replaced(table, renamedColumns.values());
        rowIndependentFills.replaced(table, dropped);
        rowIndependentFills.replaced(table, renamedColumns.keySet());
        rowIndependentFills.replaced(table, renamedColumns.values());
        for (String column : dropped) {
            String key = SchemaNames.key(column);
            added.remove(key);
            unwritten.remove(key);
            writes.remove(key);
            copies.remove(key);
            copies.values().removeIf(copy -> copy.target().equals(key));
        }
        renamedColumns.forEach((written, renamed) -> {
            String old = SchemaNames.key(written);
            String key = SchemaNames.key(renamed);
            for (Set<String> columns : List.of(added, unwritten)) {
                boolean had = columns.remove(old);
                columns.remove(key);
                if (had) {
                    columns.add(key);
                }
            }
            writes.remove(key);
            List<DatabaseScope> writesOfOld = writes.remove(old);
            if (writesOfOld != null) {
                writes.put(key, writesOfOld);
            }
            copies.remove(key);
            ColumnCopy moved = copies.remove(old);
            if (moved != null) {
                copies.put(key, moved);
            }
            copies.replaceAll((source, copy) -> copy.target().equals(old) ? copy.retargeted(key) : copy);
        });
    }

    /**
     * Those of {@code columns} the script did not add to {@code table}: a column added to a copy after it was made
     * holds nothing the copy took, whatever the replay knows of the table copied.
     */
    private List<String> notAddedTo(String table, List<String> columns) {
        Set<String> added = addedColumns.getOrDefault(SchemaNames.key(table), Set.of());
        return columns.stream().filter(c -> !added.contains(SchemaNames.key(c))).toList();
    }

    /** Follows what an UPDATE of one table, the statement's own or a CTE's, wrote. */
    private void updated(ColumnWrites.Update update, Statement statement, SchemaView before) {
        written(OwnKeySelection.reachingEveryRow(EnumCasts.readAsCopies(WideningCasts.readAsCopies(
                testingOnlyNullColumn(update), before, statement.dialect()), before), before), statement,
                statement.context().databases());
        copies.copyChanged(update.table(), notAddedTo(update.table(), update.assigned()), "overwrites",
                lineOf(statement));
    }

    /**
     * {@code update}, reaching every row when its WHERE only asks that a column has no value ({@code WHERE c_new IS
     * NULL}) and that column holds nothing but NULL: the script added it without a value, and nothing wrote it since.
     */
    private ColumnWrites.Update testingOnlyNullColumn(ColumnWrites.Update update) {
        String table = SchemaNames.key(update.table());
        String column = update.rowsWithoutValueIn();
        boolean onlyNull = column != null && addedColumns.getOrDefault(table, Set.of()).contains(column)
                && unwrittenColumns.getOrDefault(table, Set.of()).contains(column)
                && !scopedWrites.getOrDefault(table, Map.of()).containsKey(column)
                && addedWithoutValue.addedWithoutValue(table, column);
        return onlyNull ? update.reachingEveryRow() : update;
    }

    /** An UPDATE of a join or a table list: which columns it wrote is not known. */
    private void forgetWrittenColumns() {
        unwrittenColumns.clear();
        clearedColumns.clear();
        rowIndependentFills.clear();
        copiedColumns.clear();
        emptyColumns.clear();
        scopedWrites.clear();
    }

    /**
     * An UPDATE of one table: its columns are written (on the databases it runs on), and those whose every value it
     * copied have their copy.
     */
    private void written(ColumnWrites.Update update, Statement statement, DatabaseScope databases) {
        String table = SchemaNames.key(update.table());
        Set<String> assigned = new HashSet<>(update.assigned().stream().map(SchemaNames::key).toList());
        if (databases.equals(DatabaseScope.ANY)) {
            unwrittenColumns.getOrDefault(table, new HashSet<>()).removeAll(assigned);
        } else {
            Map<String, List<DatabaseScope>> writes = scopedWrites.computeIfAbsent(table, k -> new HashMap<>());
            assigned.forEach(column -> writes.computeIfAbsent(column, k -> new ArrayList<>()).add(databases));
        }
        emptyColumns.getOrDefault(table, new HashSet<>()).removeAll(assigned);
        clearedColumns.written(table, assigned, update.cleared(),
                update.everyRow() && databases.equals(DatabaseScope.ANY), lineOf(statement));
        rowIndependentFills.written(table, assigned, update.rowIndependent(),
                update.everyRow() && databases.equals(DatabaseScope.ANY) && !mayBeUndone(statement),
                lineOf(statement));
        Map<String, ColumnCopy> copies = copiedColumns.computeIfAbsent(table, k -> new HashMap<>());
        copies.values().removeIf(copy -> assigned.contains(copy.target()));
        if (mayBeUndone(statement)) {
            return;
        }
        update.copiesOfEveryValue().forEach((source, target) -> {
            if (!source.equals(SchemaNames.key(target))) {
                copies.put(source, new ColumnCopy(SchemaNames.key(target), "values of "
                        + SchemaNames.asWrittenIn(statement.tokens(), source) + " copied to " + target + " at "
                        + lineOf(statement) + EnumCasts.how(update, source), databases, false));
            }
        });
        ConvertedBeforeDrop.record(update, statement.tokens(), lineOf(statement), databases, copies);
    }

    /**
     * True for a statement of a block with an EXCEPTION section: when it fails, the handler may go on and the script
     * with it, so a copy it was to make may not exist when a later statement destroys what it copied.
     */
    private static boolean mayBeUndone(Statement statement) {
        return statement.context().body() != null && statement.context().body().undoneOnError();
    }

    /** Where {@code statement} starts, for a note: {@code "line 4"}, with its file when the run spans files. */
    private String lineOf(Statement statement) {
        if (!spansFiles) {
            return "line " + statement.start().line();
        }
        String path = statement.start().path();
        return "line " + statement.start().line() + " of "
                + path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** Forgets the copies of the tables {@code statement} drops or renames ({@link TableCopies#forgetDroppedBy}). */
    void forgetCopiesDroppedBy(Statement statement) {
        copies.forgetDroppedBy(statement);
    }

    /**
     * True when a table the statement names is another one than the table of that name the kept facts are about:
     * {@code orders} after facts about {@code shop2.orders}, or after {@code USE other}.
     */
    private boolean namesOtherTables(Statement statement) {
        if (tableOfName.isEmpty()) {
            return false;
        }
        TableNamespace.Names names = namespace.names();
        for (String name : TableNames.of(statement.tokens())) {
            String kept = tableOfName.get(SchemaNames.key(name));
            if (kept != null && !kept.equals(names.resolve(name, statement.dialect()))) {
                return true;
            }
        }
        return false;
    }

    /** Forgets every fact kept: a name now means another table than the one they were about. */
    private void forgetAll() {
        copies = new TableCopies();
        clearedColumns = new ClearedColumns();
        rowIndependentFills = new RowIndependentFills();
        addedIfMissing = new ColumnsAddedIfMissing();
        emptyTables.clear();
        emptyColumns.clear();
        addedColumns.clear();
        unwrittenColumns.clear();
        copiedColumns.clear();
        scopedWrites.clear();
        tableOfName.clear();
    }

    private void forget(String table) {
        unwrittenColumns.remove(table);
        clearedColumns.forget(table);
        rowIndependentFills.forget(table);
        emptyColumns.remove(table);
        copiedColumns.remove(table);
        scopedWrites.remove(table);
        copies.forgetMoved(table);
    }
}
