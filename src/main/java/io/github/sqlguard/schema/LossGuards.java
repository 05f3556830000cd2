package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ClauseKind;
import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.RowSelection;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.TableNamespace;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.DatabaseScope;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, for each statement of one script run (a Flyway script, a Liquibase changeset), the {@link Guard} that the
 * script puts before it. Feed statements in order: {@link #guardOf} first, then {@link #observe}.
 *
 * <p>A condition guards only when it requires the table to be empty ({@link EmptinessConditions}): T-SQL
 * {@code IF NOT EXISTS (SELECT 1 FROM t) DROP TABLE t} does, {@code IF EXISTS (..)}, {@code IF OBJECT_ID(..) IS
 * NOT NULL}, {@code DROP TABLE IF EXISTS}, and a condition with a WHERE or about another table do not.
 *
 * <p>Columns are followed too ({@link ColumnFacts}), as scripts that rebuild a column write them ({@code ADD
 * total_new; UPDATE t SET total_new = total; DROP total; RENAME total_new TO total}): an UPDATE that only fills
 * columns the script added and nothing has written since overwrites nothing, a column whose values an UPDATE of
 * every row copied as they are into another column loses nothing when it is dropped, and a column the script added
 * is used by no code that runs yet, so renaming it breaks nothing, and an UPDATE that overwrites such a copied
 * column loses nothing either. An INSERT, MERGE or COPY into the table, a later write of the copy, a rename of the
 * table or an UPDATE that is not read ends what was known ({@link ColumnsFollowed} follows each statement).
 */
public final class LossGuards {

    TableCopies copies = new TableCopies();
    /**
     * Where the guards' notes say the statements before this one are: {@code "this changeset"}, {@code "this
     * script"}, or a migration split into files ({@code "migration 20210410175418_network"}).
     */
    final String unit;
    /** Whether a note names the file of the statement it points at, as it does when the run spans files. */
    private final boolean spansFiles;
    final Set<String> emptyTables = new HashSet<>();
    final CheckedEmptyTables checkedEmpty;
    final ColumnFacts columns = new ColumnFacts();
    ColumnsAddedIfMissing addedIfMissing = new ColumnsAddedIfMissing();
    /**
     * The facts are kept by a table's own name, which the replay's keys are: the run's switches of database and
     * schema, and the table (database/schema/name) each name kept stood for when last written, tell when a name
     * comes to mean another table ({@code DROP TABLE orders} after a copy of {@code shop2.orders}, or after
     * {@code USE other}). Then nothing kept about it holds.
     */
    private final TableNamespace namespace;
    private final Map<String, String> tableOfName = new HashMap<>();
    private final Map<String, String> scriptLabels = new HashMap<>();
    Statement lastContainer;
    /** The routines the script defines, whose calls write only what their bodies may write. */
    CalledBodiesHere calledHere = CalledBodiesHere.NONE;
    /** Whether something other than the statements followed writes the tables between them ({@link #acrossRuns}). */
    private boolean writtenBetweenStatements;
    /** The one database whose history these guards follow ({@link #acrossRuns}); "" for any. */
    private String database = "";

    /**
     * The guards of one run scope ({@link io.github.sqlguard.sql.StatementContext#runScope}): a Liquibase
     * changeset's, whose notes say "this changeset", or a script's.
     */
    public LossGuards(String runScope) {
        this(runScope, TableNamespace.Names.DEFAULT);
    }

    /** As {@link #LossGuards(String)}, for a run that starts where {@code start} says ({@link TableNamespace}). */
    public LossGuards(String runScope, TableNamespace.Names start) {
        this(runScope, start, EarlierRoutines.NONE);
    }

    /**
     * As {@link #LossGuards(String, TableNamespace.Names)}, where a call of one of {@code routines} that only checks
     * tables are empty counts as that check.
     */
    LossGuards(String runScope, TableNamespace.Names start, EarlierRoutines routines) {
        this(runScope.startsWith("changeset ") ? "this changeset"
                : runScope.startsWith(StatementContext.VERSION_BLOCK) || runScope.startsWith(
                        StatementContext.VERSION_BLOCK_AFTER) ? "this block" : "this script", false, start, routines);
    }

    /** The guards of one migration whose statements its tool runs from several files, one after the other. */
    static LossGuards acrossFiles(String migration) {
        return new LossGuards(migration, true, TableNamespace.Names.DEFAULT, EarlierRoutines.NONE);
    }

    /**
     * The copies of many runs of the database tool, one after the other ({@link EarlierRunCopies}). Between two
     * runs the application writes the tables, so a column no statement of theirs wrote may hold values all the
     * same: a copy that leaves it out is no whole copy.
     */
    static LossGuards acrossRuns(String label, String database) {
        LossGuards guards = new LossGuards(label, true, TableNamespace.Names.DEFAULT, EarlierRoutines.NONE);
        guards.writtenBetweenStatements = true;
        guards.database = database;
        return guards;
    }

    /**
     * The databases {@code statement} runs on as these guards see it: following one database's history, only that
     * one, so that a copy a changeset made for it alone ({@code context="postgresql"}) keeps the values a later
     * changeset for every database drops there.
     */
    DatabaseScope databasesOf(Statement statement) {
        DatabaseScope databases = statement.context().databases();
        return database.isEmpty() ? databases : databases.and(new DatabaseScope(Set.of(database), Set.of()));
    }

    private LossGuards(String unit, boolean spansFiles, TableNamespace.Names start, EarlierRoutines routines) {
        this.unit = unit;
        this.checkedEmpty = new CheckedEmptyTables(routines);
        this.spansFiles = spansFiles;
        this.namespace = new TableNamespace(start);
    }

    /** The guards of a routine body, whose statements run in order whenever it is called; notes name it. */
    static LossGuards inRoutineBody(String label, EarlierRoutines routines) {
        return new LossGuards(label.isEmpty() ? "this routine body" : label, false, TableNamespace.Names.DEFAULT,
                routines);
    }

    /**
     * The columns that hold only NULL just before {@code statement}, as the run scope added them without a value and
     * nothing wrote them since ({@link GuardsFromFacts#nullOnlyColumns}).
     */
    public NullOnlyColumns nullOnlyColumns(Statement statement) {
        return GuardsFromFacts.nullOnlyColumns(this, statement);
    }

    /** The guard of {@code statement}, when the script gives it one ({@link GuardsFromFacts#guardOf}). */
    public Optional<Guard> guardOf(Statement statement) {
        return GuardsFromFacts.guardOf(this, statement);
    }

    /** Of the guards of {@code statement}, only those a copy gives ({@link GuardsFromFacts#copyGuardOf}). */
    Optional<Guard> copyGuardOf(Statement statement) {
        return GuardsFromFacts.copyGuardOf(this, statement);
    }

    /** The unverifiable copy of what {@code statement} destroys ({@link GuardsFromFacts#unverifiedCopyOf}). */
    Optional<Guard> unverifiedCopyOf(Statement statement) {
        return GuardsFromFacts.unverifiedCopyOf(this, statement);
    }

    /** The copy that fell short of guarding {@code statement} ({@link GuardsFromFacts#incompleteCopyOf}). */
    Optional<Guard> incompleteCopyOf(Statement statement) {
        return GuardsFromFacts.incompleteCopyOf(this, statement);
    }

    /**
     * The copy that took what {@code statement} destroys to another table only from some rows or without its rows'
     * key ({@link Guard.Kind#CARRIED_COPY}): a note on where the values went that a later run's drop gives as well.
     */
    Optional<Guard> carriedCopyOf(Statement statement) {
        return shortfallOf(statement).filter(guard -> guard.kind() == Guard.Kind.CARRIED_COPY);
    }

    /**
     * True when {@code update} fills only columns these runs added (and dropped not since) that none of their
     * statements has written since: one a later run wrote holds those values, which the fill overwrites.
     */
    boolean fillsOnlyColumnsAddedUnwritten(ColumnWrites.Update update) {
        String table = SchemaNames.key(update.table());
        Set<String> unwritten = columns.unwrittenIn(table);
        return !update.assigned().isEmpty() && update.assigned().stream().allMatch(column ->
                columns.wasAdded(table, column) && unwritten.contains(SchemaNames.key(column)));
    }

    /** What the script did short of a guard of {@code statement} ({@link GuardsFromFacts#shortfallOf}). */
    public Optional<Guard> shortfallOf(Statement statement) {
        return GuardsFromFacts.shortfallOf(this, statement);
    }

    /** Records what {@code statement} establishes for later ones: full copies of tables, added columns. */
    public void observe(Statement statement) {
        observe(statement, SchemaView.UNKNOWN);
    }

    /** Records what {@code model}'s statement establishes, and follows the tables it drops or renames. */
    public void observe(StatementModel model, SchemaView before) {
        observe(model.statement(), before);
        if (!model.statement().container() && model.statement().context().followsEarlierStatements()) {
            String at = lineOf(model.statement());
            copies.follow(model.clauses(), at);
            // Rows deleted from a copy are no longer kept there, whichever rows its WHERE picks.
            model.rowChanges().stream().filter(change -> change.verb().equals("DELETE"))
                    .forEach(change -> change.tables().forEach(copies::forgetCopiesInto));
            // Rows replaced or updated in a copy by what follows no single table's columns no longer hold it.
            model.clauses().stream().filter(clause -> clause.kind() == ClauseKind.REPLACED_ROWS
                    && clause.table() != null).forEach(clause -> copies.rowsOverwritten(clause.table(), at));
            List<RowChange> updates = model.rowChanges().stream().filter(c -> c.verb().equals("UPDATE")).toList();
            if (!updates.isEmpty()) {
                Set<String> followed = WithListUpdates.tablesFollowedByUpdate(model.statement().tokens());
                for (RowChange change : updates) {
                    if (change.selection() == RowSelection.STATEMENT && change.tables().size() == 1
                            && followed.contains(SchemaNames.key(change.tables().get(0)))) {
                        continue;
                    }
                    // Which table of a join an UPDATE writes is not followed: any it names may be the copy.
                    (change.selection() == RowSelection.STATEMENT ? TableNames.of(model.statement().tokens())
                            : change.tables()).forEach(table -> copies.rowsOverwritten(table, at));
                }
            }
        }
    }

    /**
     * Records what {@code statement} establishes for later ones, {@code before} being the schema just before it:
     * a copy that lists the columns is a full copy when it reads every column the schema knows the table has.
     */
    public void observe(Statement statement, SchemaView before) {
        if (statement.context().followsEarlierStatements()) {
            checkedEmpty.observe(statement, () -> lineOf(statement));
        }
        if (statement.container()) {
            lastContainer = statement;
            // A Liquibase customChange or executeCommand arrives as a call for the replay only: its code may have
            // written any column, as a routine a script calls may.
            if (statement.firstToken().isWord("CALL") && statement.context().followsEarlierStatements()) {
                columns.forgetWritten();
                copies.backLinks().clear();
                copies.reversedLinks().clear();
                copies.translatedLinks().clear();
                return;
            }
            // A Liquibase precondition arrives as the bare condition, and holds for the whole changeset.
            EmptinessConditions.emptyTableOfPrecondition(statement.sql()).ifPresent(emptyTables::add);
            EmptinessConditions.emptyColumnOfPrecondition(statement.sql()).ifPresent(column -> {
                columns.requireValueless(column.table(), column.column());
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
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = names.resolve(named.get(i), statement.dialect());
            String key = SchemaNames.key(named.get(i));
            String kept = tableOfName.get(key);
            if (kept != null && !kept.equals(resolved[i])) {
                changed.add(key);
            }
        }
        changed.forEach(this::forgetName);
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
        if (main < tokens.size() && tokens.get(main).isAnyWord("INSERT", "CREATE", "SELECT", "MERGE")) {
            columns.generatedValuesRead(tokens, TableNames.of(tokens));
        }
        if (!mayBeUndone) {
            copies.observe(tokens, main, before, selectIntoMakesTable, at,
                    writtenBetweenStatements ? table -> Set.of() : columns::unwrittenIn,
                    writtenBetweenStatements ? table -> Set.of() : columns::distinctIn, statement.dialect());
        }
        recordAddedColumns(tokens, main, before, mayBeUndone);
        addedIfMissing.observe(tokens, main, before, at, mayBeUndone);
        if (statement.context().kind() == StatementContext.Kind.SCRIPT) {
            CreatedTableColumns.of(tokens, main).ifPresent(t -> columns.created(SchemaNames.key(t.table()),
                    t.columns()));
        }
        ColumnsFollowed.follow(this, tokens, main, statement, before);
    }

    /** By table key, the columns this scope's statements added that nothing has written since. */
    Map<String, Set<String>> addedUnwrittenColumns() {
        return columns.addedUnwritten();
    }

    /**
     * A branch that may have run ends: a column it wrote, or dropped, is no longer one nothing has written since it
     * was added.
     */
    void branchEnded(LossGuards arm) {
        columns.branchEnded(arm.columns);
    }

    /**
     * Takes {@code added} of {@code table} as added and unwritten: a branch that may not have run added them to a
     * table that lacked them, so after it each either exists with nothing written yet or does not exist.
     */
    void addedInBranch(String table, Set<String> added) {
        columns.added(table, List.copyOf(added));
    }

    private void recordAddedColumns(List<Token> tokens, int main, SchemaView before, boolean failureGoesOn) {
        DestroyedTables.addedColumns(tokens, main, before, failureGoesOn).ifPresent(added ->
                columns.addedBy(SchemaNames.key(added.table()), added.columns(), tokens, main));
    }

    /**
     * True for a statement of a block with an EXCEPTION section: when it fails, the handler may go on and the script
     * with it, so a copy it was to make may not exist when a later statement destroys what it copied.
     */
    static boolean mayBeUndone(Statement statement) {
        return statement.context().body() != null && statement.context().body().undoneOnError();
    }

    /** Where {@code statement} starts, for a note: {@code "line 4"}, with its file when the run spans files. */
    String lineOf(Statement statement) {
        if (!spansFiles) {
            return "line " + statement.start().line();
        }
        // Asked for each note a statement may give, most of which are never shown: the label is worked out once.
        String label = scriptLabels.computeIfAbsent(statement.start().path(), ScriptLabel::of);
        return "line " + statement.start().line() + " of " + label;
    }

    /** Forgets the copies of the tables {@code statement} drops or renames ({@link TableCopies#forgetDroppedBy}). */
    void forgetCopiesDroppedBy(Statement statement) {
        copies.forgetDroppedBy(statement);
    }

    /**
     * Records {@code statement}, which no statement model follows (a statement a called body runs), as
     * {@link #observe(StatementModel, SchemaView)} does: a copy it drops, renames, empties or deletes rows from
     * no longer keeps what was copied into it, whichever rows a DELETE's WHERE picks.
     */
    void observeWithoutModel(Statement statement, SchemaView before) {
        observe(statement, before);
        if (statement.container() || !statement.context().followsEarlierStatements()) {
            return;
        }
        copies.forgetDroppedBy(statement);
        List<Token> tokens = statement.tokens();
        int main = DestroyedTables.mainKeyword(tokens);
        if (main < tokens.size() && tokens.get(main).isWord("DELETE")) {
            DestroyedTables.of(tokens, main).forEach(copies::forgetCopiesInto);
        }
    }

    /**
     * True when a table the statement names is another one than the table of that name the kept facts are about:
     * {@code orders} after facts about {@code shop2.orders}, or after {@code USE other}.
     */
    boolean namesOtherTables(Statement statement) {
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

    /**
     * A note for a finding of {@code statement} that lost what {@code guarded} it only because one of its names has a
     * schema and the name the facts were kept under has none, or the other way round ({@link SchemaLeftOutNote}).
     */
    Optional<String> schemaLeftOut(Statement statement, String guarded) {
        TableNamespace.Names names = namespace.names();
        for (String name : TableNames.of(statement.tokens())) {
            String kept = tableOfName.get(SchemaNames.key(name));
            Optional<String> note = SchemaLeftOutNote.of(kept, names, name, statement.dialect(), unit, guarded);
            if (note.isPresent()) {
                return note;
            }
        }
        return Optional.empty();
    }

    /**
     * Forgets every fact kept about the table {@code key} named: the name now means another table. The facts of other
     * names stay, as they are about the tables those names still mean; a copy from or into the table goes.
     */
    private void forgetName(String key) {
        copies.forgetTable(key);
        columns.tablesRenamed(List.of(key));
        addedIfMissing.forget(key);
        emptyTables.remove(key);
        checkedEmpty.forget(key);
    }
}
