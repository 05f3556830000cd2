package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.StandIns;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A step of the pipeline over one script: knows which tables hold no data that predates the migration (tables
 * the script surely created earlier, also under a new name after a rename, unless the name is that of a table the
 * script dropped or renamed away, whose rows the new one takes over; temporary tables; T-SQL
 * {@code #temp} and {@code ##global} tables, and {@code @table} variables, which live for one batch; every table of a
 * database the script created empty, see {@link NewDatabases}) and marks the clauses and row changes that only touch
 * them.
 * Dropping, truncating or reshaping such a scratch table loses nothing, so the rules leave those alone. It
 * runs whichever rules are enabled.
 */
public final class ScratchTables {

    private final Set<String> created = new HashSet<>();
    private final ScratchCopies copies = new ScratchCopies();
    private final RebuildColumnMoves rebuildMoves = new RebuildColumnMoves();
    /**
     * Tables that held rows before the script and that it dropped or renamed away: a scratch table renamed to one
     * of their names takes over as the live table (the rebuild of SQLite and the swap of MySQL), rows copied in.
     */
    private final Set<String> displaced = new HashSet<>();
    /**
     * Those of them renamed away: a table the script creates again under the name is the rebuild that older SQLite
     * documentation gives (rename to t_old, create t, copy the rows back), so it takes over the rows too.
     */
    private final Set<String> renamedAway = new HashSet<>();
    /** Tables the script surely dropped and nothing has brought back under their name since. */
    private final Set<String> droppedHere = new HashSet<>();
    /**
     * Tables the script surely renamed away and nothing has taken the name of since: the first half of MySQL's
     * swap ({@code RENAME t TO t_old}), which frees the name as a drop does.
     */
    private final Set<String> renamedAwayHere = new HashSet<>();
    /**
     * Tables the script named by {@code CREATE TABLE IF NOT EXISTS}: they may have held rows before, so they are no
     * scratch tables, but one renamed to the name of a table the script dropped ends a rebuild, which no code breaks.
     */
    private final Set<String> namedByCreate = new HashSet<>();
    /**
     * PostgreSQL's temporary tables the script created under an unqualified name, keyed by database and name: the
     * session looks such a name up in its temporary schema before the search path, so a later switch of the search
     * path (saved and put back around an include, say) does not change which table the name means.
     */
    private final Set<String> sessionTemporary = new HashSet<>();
    /** The script's switches of database and schema, which decide the table an unqualified name means. */
    private final TableNamespace namespace;
    /** How the statement at hand resolves names: the keys are the tables names mean there. */
    private ScratchNameKeys keys = ScratchNameKeys.START;
    /** The databases the script created empty: every table in one holds only what the script put there. */
    private NewDatabases newDatabases = new NewDatabases();
    /**
     * The script's tables, for the scratch tables of one routine or block body: what the script made scratch
     * stays so in the body, while what the body creates stays in the body.
     */
    private final ScratchTables script;

    ScratchTables() {
        this(TableNamespace.Names.DEFAULT);
    }

    /** The scratch tables of a script whose run starts where {@code start} says ({@link TableNamespace}). */
    ScratchTables(TableNamespace.Names start) {
        this.script = null;
        this.namespace = new TableNamespace(start);
    }

    /** The scratch tables of a body that sits in the script whose scratch tables are {@code script}. */
    ScratchTables(ScratchTables script) {
        this.script = script;
        this.namespace = new TableNamespace();
    }

    /**
     * The model with its clauses and row changes marked, then remembers what the statement creates: a
     * {@code CREATE TABLE t ..} never makes its own statement a scratch case. A table created in a routine body,
     * in rollback code or inside a conditional block may not exist, or may already exist with rows, when the
     * migration runs on: it is not recorded for the script, only for the rest of its own body when the body
     * surely runs the CREATE whenever it runs ({@code surelyRuns} of a body's own scratch tables).
     */
    StatementModel step(StatementModel model, boolean surelyRuns) {
        return step(model, surelyRuns, false);
    }

    /**
     * As {@link #step(StatementModel, boolean)}, for a statement of a routine body that the script does not call
     * when {@code calledLater}: it runs when the application or a later migration calls the routine, by which time
     * the tables the script created hold rows; only what its own body created before it is scratch there.
     */
    StatementModel step(StatementModel model, boolean surelyRuns, boolean calledLater) {
        Dialect dialect = model.statement().dialect();
        keys = new ScratchNameKeys(script == null ? namespace.names() : script.namespace.names(), dialect);
        if (script != null) {
            script.keys = keys;
        }
        // A trigger's body runs whenever it fires, and a scheduled job (pg_cron, a MySQL event) on its schedule,
        // long after this script: by then the tables the script created hold the application's rows.
        boolean firesWhenTriggered = model.statement().context().firesWhenTriggered()
                || model.statement().context().runsOnSchedule();
        boolean firesLater = firesWhenTriggered || calledLater;
        Predicate<String> scratch = table -> TemporaryNames.isTemporaryTable(table, dialect)
                || (calledLater ? isBodyScratch(table) : !firesWhenTriggered && isScratch(table));
        // A rename breaks no code when the script made the table, even one that now holds the only copy of rows.
        Predicate<String> newName = table -> TemporaryNames.isTemporaryTable(table, dialect)
                || (calledLater ? isBodyScratch(table) : !firesWhenTriggered && isScratchName(table));
        List<DestructiveClause> clauses = new ArrayList<>();
        // MySQL's RENAME TABLE t TO t_old, t_new TO t frees t and gives it away in one statement.
        Set<String> renamedAwayEarlierInStatement = new HashSet<>();
        List<DestructiveClause> movedByRebuild = new ArrayList<>();
        for (DestructiveClause clause : model.clauses()) {
            Predicate<String> test = clause.kind() == ClauseKind.RENAMED_TABLE ? newName : scratch;
            boolean endsRebuild = clause.table() != null && !firesLater
                    && endsRebuild(clause, renamedAwayEarlierInStatement);
            clauses.add(clause.withScratch(clause.table() != null ? test.test(clause.table()) || endsRebuild
                    : TemporaryNames.takesOnlySessionObjects(clause, dialect)));
            if (endsRebuild) {
                movedByRebuild.addAll(rebuildMoves().renamesEndedBy(clause, keys::key));
            }
            if (clause.kind() == ClauseKind.RENAMED_TABLE && clause.table() != null) {
                renamedAwayEarlierInStatement.add(keys.key(clause.table()));
            }
        }
        clauses.addAll(movedByRebuild);
        List<RowChange> changes = new ArrayList<>();
        for (RowChange change : model.rowChanges()) {
            changes.add(change.withScratch(!change.tables().isEmpty()
                    && change.tables().stream().allMatch(table -> scratch.test(table) || isTableVariable(table))));
        }
        // A DELETE also reaches, through ON DELETE CASCADE, tables only the replayed schema names.
        boolean reachesUnnamedTables = clauses.stream().anyMatch(clause -> clause.table() == null)
                || changes.stream().anyMatch(change -> change.verb().equals("DELETE"));
        StatementModel marked = model.with(clauses, changes, reachesUnnamedTables
                ? asNow(scratch, dialect, firesLater) : null, firesLater ? Map.of() : onlyCopies(clauses, changes))
                .withScratchRows(firesLater || changes.isEmpty() ? null : scratchRowsNow());
        for (DestructiveClause clause : clauses) {
            // Once dropped or renamed, the name no longer means the scratch table: a permanent table the scratch
            // one shadowed (a TEMP table of the same name), or nothing. Forgotten whether or not the drop surely runs.
            boolean removesTable = clause.table() != null && (clause.kind() == ClauseKind.DROPPED_TABLE
                    || clause.kind() == ClauseKind.RENAMED_TABLE);
            if (removesTable) {
                removed(clause);
            }
            if (clause.kind() == ClauseKind.RENAMED_TABLE && clause.detail() != null) {
                droppedHere.remove(keys.key(clause.detail()));
                renamedAwayHere.remove(keys.key(clause.detail()));
                if (clause.table() != null && surelyRuns) {
                    renamedAwayHere.add(keys.key(clause.table()));
                }
            } else if (clause.kind() == ClauseKind.DROPPED_TABLE && clause.table() != null && surelyRuns) {
                droppedHere.add(keys.key(clause.table()));
            }
        }
        if (surelyRuns) {
            model.createdTables().stream().filter(table -> !renamedAway.contains(keys.key(table)))
                    .forEach(table -> created.add(keys.key(table)));
            if (CreatedTableNames.createsTemporaryTable(model.statement().tokens())) {
                model.createdTables().stream().map(keys::sessionKey).filter(Objects::nonNull)
                        .forEach(sessionTemporary::add);
            }
            if (model.statement().container()) {
                // A Liquibase createTable arrives as its DDL for the schema replay only; its table is new all the same.
                CreatedTableNames.createdTable(model.statement().tokens())
                        .ifPresent(table -> created.add(keys.key(table)));
            }
            Optional<String> named = CreatedTableNames.namedByCreate(model.statement().tokens()).map(keys::key);
            named.ifPresent(namedByCreate::add);
            named.ifPresent(renamedAwayHere::remove);
            // CREATE TABLE IF NOT EXISTS right after the script dropped the table surely makes a new, empty one.
            named.filter(droppedHere::remove).ifPresent(created::add);
            for (DestructiveClause clause : clauses) {
                if (clause.kind() == ClauseKind.RENAMED_TABLE && clause.scratch() && clause.detail() != null
                        && !displaced.contains(keys.key(clause.detail()))) {
                    created.add(keys.key(clause.detail()));
                }
            }
        }
        if (script == null) {
            // A body's USE or CREATE DATABASE runs only when it is called or fires: the script's own count.
            newDatabases.step(model.statement().tokens(), dialect, surelyRuns);
            namespace.step(model.statement().tokens(), dialect, surelyRuns
                    && model.statement().context().branch() == null);
        } else if (model.placement().runsWithMigration()) {
            // A block's SET search_path switches the script's schema too, in whichever branch (fail closed).
            script.namespace.step(model.statement().tokens(), dialect, false);
        }
        // A rebuild's renames move values within the table that takes the old name: no copy loses its source by them
        followCopies(model, clauses.subList(0, clauses.size() - movedByRebuild.size()), changes);
        return marked;
    }

    /**
     * Follows the rows the script copies into its scratch tables, and the destruction of the tables they came from,
     * after which the copy is all that is left.
     */
    private void followCopies(StatementModel model, List<DestructiveClause> clauses, List<RowChange> changes) {
        ScratchCopies copies = copies();
        for (DestructiveClause clause : clauses) {
            if (clause.table() == null) {
                continue;
            }
            if (clause.kind() == ClauseKind.RENAMED_TABLE) {
                if (clause.detail() != null) {
                    copies.renamed(keys.key(clause.table()), keys.key(clause.detail()));
                }
            } else if (!clause.scratch()) {
                copies.destroyed(keys.key(clause.table()), ScratchCopies.destroyedBy(clause));
            } else if (clause.kind() == ClauseKind.DROPPED_TABLE) {
                copies.dropped(keys.key(clause.table()));
                rebuildMoves().dropped(keys.key(clause.table()));
            } else if (clause.kind() == ClauseKind.TRUNCATED_TABLE) {
                copies.emptied(keys.key(clause.table()));
            }
        }
        for (RowChange change : changes) {
            boolean everyRow = change.verb().equalsIgnoreCase("DELETE") && change.where() == WhereFact.ABSENT;
            change.tables().stream().filter(table -> change.scratch() || isTableVariable(table)).forEach(table -> {
                if (everyRow) {
                    copies.emptied(keys.key(table));
                } else {
                    copies.rowsChanged(keys.key(table));
                }
            });
            if (!change.scratch() && change.verb().equalsIgnoreCase("DELETE") && change.where() != WhereFact.PRESENT
                    && !limitedByJoin(change)) {
                change.tables().forEach(table -> copies.destroyed(keys.key(table), "the rows of " + table
                        + ", which line " + change.at().line() + " deletes"));
            }
        }
        List<Token> core = model.statement().tokens();
        List<String> targets = new ArrayList<>(model.createdTables());
        String written = ScratchCopies.writtenTable(core);
        if (written != null) {
            targets.add(written);
        }
        int line = model.start().line();
        targets.stream().filter(table -> isScratch(table) || isTableVariable(table))
                .forEach(target -> copies.copied(keys.key(target), core, line, table -> keys.key(table)));
        if (written != null && isScratch(written)) {
            rebuildMoves().written(keys.key(written), core, line, keys::key);
        }
    }

    /**
     * True when an inner join chose the rows {@code change} deletes, as a WHERE would: one with a condition that
     * may limit, whose single-equality links lead only to scratch tables holding rows the script chose (a link to
     * another table may pair every row, as a foreign key does, and one that took every row limits nothing).
     */
    private boolean limitedByJoin(RowChange change) {
        ScratchCopies copies = copies();
        return change.restrictedByJoin() && change.crossJoin() == JoinReach.LIMITING && change.keyLinks().stream()
                .filter(link -> link.columns().size() == 1 && link.setColumns().isEmpty())
                .allMatch(link -> isScratchName(link.joinedTable())
                        && copies.holdsOnlyChosenRows(keys.key(link.joinedTable())));
    }

    /** The tables of the statement that the script created and that hold the only copy of destroyed data. */
    private Map<String, String> onlyCopies(List<DestructiveClause> clauses, List<RowChange> changes) {
        ScratchCopies copies = copies();
        if (!copies.holdsAnyOnlyCopy()) {
            return Map.of();
        }
        Map<String, String> held = new HashMap<>();
        Stream.concat(clauses.stream().map(DestructiveClause::table),
                        changes.stream().flatMap(change -> change.tables().stream()))
                .filter(table -> table != null && isScratchName(table)).forEach(table -> {
                    String what = copies.onlyCopyOf(keys.key(table));
                    if (what != null) {
                        held.putIfAbsent(table, what);
                    }
                });
        return held;
    }

    /**
     * True for {@code ALTER TABLE t_tmp RENAME TO t} where the script named t_tmp by {@code CREATE TABLE IF NOT
     * EXISTS} and dropped t, or renamed it away, before (also earlier in the same statement): the last step of SQLite's
     * rebuild or of MySQL's swap, after which t exists again.
     */
    private boolean endsRebuild(DestructiveClause clause, Set<String> renamedAwayEarlierInStatement) {
        if (clause.kind() != ClauseKind.RENAMED_TABLE || clause.detail() == null
                || !namedByCreate.contains(keys.key(clause.table()))) {
            return false;
        }
        String freed = keys.key(clause.detail());
        return droppedHere.contains(freed) || renamedAwayHere.contains(freed)
                || renamedAwayEarlierInStatement.contains(freed);
    }

    private ScratchCopies copies() {
        return script == null ? copies : script.copies();
    }

    private RebuildColumnMoves rebuildMoves() {
        return script == null ? rebuildMoves : script.rebuildMoves();
    }

    private void removed(DestructiveClause clause) {
        namedByCreate.remove(keys.key(clause.table()));
        // PostgreSQL: an unqualified DROP or rename reaches the session's temporary table first.
        String sessionKey = keys.sessionKey(clause.table());
        if (sessionKey != null) {
            sessionTemporary.remove(sessionKey);
        }
        if (clause.scratch()) {
            created.remove(keys.key(clause.table()));
        } else {
            displaced.add(keys.key(clause.table()));
            if (clause.kind() == ClauseKind.RENAMED_TABLE) {
                renamedAway.add(keys.key(clause.table()));
            }
        }
        if (script != null) {
            script.removed(clause);
        }
    }

    /**
     * The scratch test as it stands at this statement, for clauses that name their tables only through the schema:
     * later statements change what is scratch, so it reads a copy.
     */
    private Predicate<String> asNow(Predicate<String> scratch, Dialect dialect, boolean firesLater) {
        if (firesLater) {
            return scratch;
        }
        ScratchTables now = snapshot();
        return table -> now.isScratch(table) || TemporaryNames.isTemporaryTable(table, dialect);
    }

    /** What the script's scratch tables hold, as they stand at this statement. */
    private ScratchRows scratchRowsNow() {
        ScratchTables now = snapshot();
        return new ScratchRows() {
            @Override
            public boolean chosen(String table) {
                // Holding the only copy of rows the script deleted since changes nothing of which rows it chose.
                return now.isScratchName(table) && now.copies().holdsOnlyChosenRows(now.keys.key(table));
            }

            @Override
            public Optional<ScratchFill> everyRowFill(String table) {
                return now.isScratch(table) || isTableVariable(table) ? now.copies().everyRowFill(now.keys.key(table))
                        : Optional.empty();
            }
        };
    }


    private ScratchTables snapshot() {
        ScratchTables now = new ScratchTables(script == null ? null : script.asCopy());
        now.created.addAll(created);
        now.sessionTemporary.addAll(sessionTemporary);
        now.keys = keys;
        now.newDatabases = newDatabases.copy();
        copies().copyHoldingsTo(now.copies());
        return now;
    }

    /**
     * True when {@code table} holds only rows this script put there. A name qualified by a default schema
     * ({@code public}, {@code dbo}) also matches a table the script created without qualifier; another schema does
     * not, as the script may have created {@code t} elsewhere on its search path than {@code app.t}.
     */
    boolean isScratch(String table) {
        return isScratchName(table) && !copies().holdsOnlyCopy(keys.key(table));
    }

    /**
     * True when the routine or block body (or the stretch of it) this scratch set belongs to created {@code table}
     * earlier and it holds no only copy: what the script created outside the body does not count.
     */
    private boolean isBodyScratch(String table) {
        return script != null && (createdHere(table) || script.isBodyScratch(table))
                && !copies().holdsOnlyCopy(keys.key(table));
    }

    /** True when the script created {@code table}, whatever rows it holds by now. */
    private boolean isScratchName(String table) {
        return script != null && script.isScratchName(table) || createdHere(table);
    }

    private ScratchTables asCopy() {
        ScratchTables copy = new ScratchTables();
        copy.created.addAll(created);
        copy.sessionTemporary.addAll(sessionTemporary);
        copy.keys = keys;
        copy.newDatabases = newDatabases.copy();
        copies.copyHoldingsTo(copy.copies);
        return copy;
    }

    private boolean createdHere(String table) {
        String last = ObjectNames.normalize(ObjectNames.lastPart(table));
        if (ObjectNames.isHashTemporary(last)) {
            return true;
        }
        if (newDatabases.holds(table)) {
            return true;
        }
        if (StandIns.inName(table)) {
            // Names built at run time read alike (EXECUTE format('CREATE TABLE %I ..', new_t), then
            // EXECUTE format('DELETE FROM %I', old_t)) though the running database may fill in two different tables.
            return false;
        }
        String sessionKey = keys.sessionKey(table);
        return created.contains(keys.key(table)) || sessionKey != null && sessionTemporary.contains(sessionKey);
    }

    /**
     * A T-SQL table variable ({@code DELETE @ids}), which lives for one batch. Only rows are changed in one: a
     * name in a variable elsewhere ({@code EXEC sp_rename @old, @new}) names some real table.
     */
    private static boolean isTableVariable(String table) {
        return ObjectNames.isVariable(table);
    }
}
