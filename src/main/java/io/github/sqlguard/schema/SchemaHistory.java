package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * The replayed tables and every earlier version of each, so that "the schema before statement n" stays
 * answerable after later statements changed it. Each change stores only the table it touched.
 *
 * <p>A {@link #fork() fork} (a down script, rollback code) stores only what it changes itself and reads the rest
 * from the history it was forked from, as that history was at the fork: a project with thousands of down
 * scripts must not copy the whole schema thousands of times.
 *
 * <p>Why a column's type is not known before a statement, and how the replay first met a table it does not know in
 * full, is {@link UnknownTypeReasons}' to say: it reads these versions only to explain a gap.
 */
final class SchemaHistory {

    /** The history this one was forked from, or null. */
    private final SchemaHistory parent;
    /** The parent's position when this history was forked; what the parent did later is not seen here. */
    private final int forkedAt;
    /** Per table key: the table after each statement that changed it; empty once dropped or renamed away. */
    private final NamedVersions<Table> tableVersions;
    /** The tables as this history left them, where it changed them itself. */
    private final Map<String, Table> current = new LinkedHashMap<>();
    /** Keys of tables this history dropped or renamed away (a fork hides them from its parent's view). */
    private final Set<String> gone = new HashSet<>();
    /** Where each statement starts, the types it gives columns and the rows it deletes by a column's length. */
    private final StatementLog log;
    /** Tables created again with other columns, and which of their column types are certain all the same. */
    private final MixedDefinitions mixed;
    /** How the replay first learnt of tables it does not know in full, and why it does not know a column's type. */
    private final UnknownTypeReasons reasons;
    private int position;
    /** True once the running script left a column {@link Column#filledForRun() filled until it ends}. */
    private boolean filledForRun;
    /** Judges nothing itself: records each type change with what judging it needs. */
    private final TypeChangeRecorder typeChanges;
    /** The PostgreSQL enum types as this history left them. */
    private final PostgresEnums enums;
    /** The domains as this history left them. */
    private final PostgresDomains domains;
    private final BranchForgettings forgottenInBranches;
    /** Per view key: its defining query after each statement that created or dropped it; empty once dropped. */
    private final NamedVersions<WithQueries.Named> views;
    /** Per view or sequence: after each statement that created, renamed or dropped it, whether it keeps no rows. */
    private final NamedFlags rowlessObjects;
    private final NamedFlags enumTypes;
    private final NamedFlags triggeredTables;
    /** Whether each table surely holds a row ({@link RowHoldingTables}), as each statement left it. */
    private final NamedFlags rowHoldingTables;
    private final SurelyDroppedTables surelyDropped;
    /** Per index or constraint name: the unique key it declares, after each statement that declared or dropped it. */
    private final UniqueKeyVersions uniqueKeys;
    private final SurelyDroppedColumns surelyDroppedColumns;
    /** The names of Flyway's history table, whose column types Flyway decides. */
    private final FlywayHistoryTable flywayHistory;
    /** The local temporary tables, which go when the session of the script that made them ends. */
    private final SessionTables sessionTables;

    /** Where a replayed CREATE TABLE puts the table it makes. */
    @FunctionalInterface
    interface TableSink {
        void put(Table table);
    }

    SchemaHistory() {
        this(FlywayHistoryTable.DEFAULT);
    }

    SchemaHistory(FlywayHistoryTable flywayHistory) {
        this(null, 0, flywayHistory);
    }

    private SchemaHistory(SchemaHistory parent, int forkedAt, FlywayHistoryTable flywayHistory) {
        this.parent = parent;
        this.flywayHistory = flywayHistory;
        this.forkedAt = forkedAt;
        this.position = forkedAt;
        this.log = new StatementLog(parent == null ? null : parent.log, forkedAt);
        this.enums = parent == null ? new PostgresEnums() : parent.enums.copy();
        this.domains = parent == null ? new PostgresDomains() : parent.domains.copy();
        this.forgottenInBranches = new BranchForgettings(parent == null ? null : parent.forgottenInBranches);
        IntSupplier now = () -> position;
        this.tableVersions = parent == null ? new NamedVersions<>(now) : parent.tableVersions.fork(forkedAt, now);
        this.views = parent == null ? new NamedVersions<>(now) : parent.views.fork(forkedAt, now);
        this.rowlessObjects = parent == null ? new NamedFlags(now) : parent.rowlessObjects.fork(forkedAt, now);
        this.enumTypes = parent == null ? new NamedFlags(now) : parent.enumTypes.fork(forkedAt, now);
        this.triggeredTables = parent == null ? new NamedFlags(now) : parent.triggeredTables.fork(forkedAt, now);
        this.rowHoldingTables = parent == null ? new NamedFlags(now) : parent.rowHoldingTables.fork(forkedAt, now);
        this.sessionTables = parent == null ? new SessionTables(now) : parent.sessionTables.fork(forkedAt, now);
        this.uniqueKeys = parent == null ? new UniqueKeyVersions(now) : parent.uniqueKeys.fork(forkedAt, now);
        this.surelyDropped = parent == null ? new SurelyDroppedTables(now)
                : parent.surelyDropped.fork(forkedAt, now);
        this.surelyDroppedColumns = parent == null ? new SurelyDroppedColumns(now)
                : parent.surelyDroppedColumns.fork(forkedAt, now);
        this.mixed = new MixedDefinitions(parent == null ? null : parent.mixed, now);
        this.reasons = new UnknownTypeReasons(parent == null ? null : parent.reasons, tableVersions,
                forgottenInBranches, mixed, now, log::placeAt, at -> sessionTables.endedAt(at));
        this.typeChanges = new TypeChangeRecorder(mixed, domains, reasons, log, flywayHistory);
    }

    /** Whether each table had a trigger or rule created on it ({@link TriggeredTables}), as each statement left it. */
    NamedFlags triggeredTables() {
        return triggeredTables;
    }

    /** Whether each table surely holds a row ({@link RowHoldingTables}), as each statement left it. */
    NamedFlags rowHoldingTables() {
        return rowHoldingTables;
    }

    /** Whether each type is a PostgreSQL enum, as each statement that created, renamed or dropped it left it. */
    NamedFlags enumTypes() {
        return enumTypes;
    }

    PostgresEnums enums() {
        return enums;
    }

    PostgresDomains domains() {
        return domains;
    }

    UniqueKeyVersions uniqueKeys() {
        return uniqueKeys;
    }

    /** The position of the statement being replayed. */
    int position() {
        return position;
    }

    /** True when table {@code key} was neither dropped nor renamed away after {@code from} and before {@code to}. */
    boolean tableKept(String key, int from, int to) {
        TreeMap<Integer, Optional<Table>> versions = tableVersions.history(key);
        return versions == null || versions.subMap(from, false, to, false).values().stream()
                .allMatch(Optional::isPresent);
    }

    /**
     * Moves on to the next statement, which starts at {@code place} (null for a statement read alone); changes from
     * now on belong to it.
     */
    int advance(Location place) {
        log.started(place);
        surelyDropped.statementStarts();
        return ++position;
    }

    /**
     * A history that starts as this one is now and goes its own way: a down script or rollback code runs
     * against the schema the migrations before it left, and what it changes must not reach them.
     */
    SchemaHistory fork() {
        return new SchemaHistory(this, position, flywayHistory);
    }

    /** Notes that the current statement adds {@code column} only if {@code table}, not all known, lacks it. */
    void addedIfMissing(String table, String column) {
        reasons.addedIfMissing(table, column);
    }

    Optional<Table> current(String name) {
        String key = SchemaNames.key(name);
        Table table = current.get(key);
        if (table != null || gone.contains(key) || parent == null) {
            return Optional.ofNullable(table);
        }
        return parent.tableBefore(name, forkedAt + 1);
    }

    List<Table> currentTables() {
        // The tables this history changed are at hand; only a fork asks its parent for the rest.
        List<Table> tables = new ArrayList<>(current.values());
        if (parent != null) {
            for (Table table : parent.tablesBefore(forkedAt + 1)) {
                String key = SchemaNames.key(table.name());
                if (!current.containsKey(key) && !gone.contains(key)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** Puts a local temporary table, which lasts until {@link #sessionEnded()}. */
    void putSessionTable(Table table) {
        put(table);
        sessionTables.created(SchemaNames.key(table.name()));
    }

    SessionTables sessionTables() {
        return sessionTables;
    }

    /** Notes a column the running script made nullable that holds no NULL only until the script ends. */
    void noteFilledForRun(Column column) {
        filledForRun |= column.filledForRun();
    }

    /**
     * The session that ran the script replayed so far ended: its local temporary tables are gone, without a
     * statement of its own dropping them, and the application may write NULL into the columns the script made
     * nullable.
     */
    void sessionEnded() {
        forgetFilledForRun(true);
        if (sessionTables.noneOpen()) {
            return;
        }
        advance(null);
        for (String key : sessionTables.ended()) {
            if (current.remove(key) != null) {
                gone.add(key);
                tableVersions.put(key, Optional.empty());
            }
        }
    }

    /**
     * Forgets that the columns the running script made nullable hold no NULL, where a statement may have written
     * rows the replay does not see (a call, dynamic SQL) or the script ended ({@code asStatement}: as a statement of
     * its own).
     */
    void forgetFilledForRun(boolean asStatement) {
        if (!filledForRun) {
            return;
        }
        filledForRun = false;
        boolean advanced = !asStatement;
        for (Table table : currentTables()) {
            Table result = table;
            for (Column column : table.columns().values()) {
                if (column.filledForRun()) {
                    result = result.withColumn(column.withFilled(false));
                }
            }
            if (result != table) {
                if (!advanced) {
                    advance(null);
                    advanced = true;
                }
                put(result);
            }
        }
    }

    /** Puts a table that a CREATE of a lasting table made, under a name a local temporary table may have had. */
    void putLasting(Table table) {
        sessionTables.gone(SchemaNames.key(table.name()));
        put(table);
    }

    void put(Table table) {
        String key = SchemaNames.key(table.name());
        if (!table.complete() && !tableVersions.setUpTo(key, Integer.MAX_VALUE)) {
            reasons.firstSeen(key);
        }
        current.put(key, table);
        gone.remove(key);
        surelyDropped.taken(table.name());
        tableVersions.put(key, Optional.of(table));
    }

    /** The keys of the tables the statement at {@code statementPosition} changed. */
    List<String> changedAt(int statementPosition) {
        return tableVersions.setAt(statementPosition);
    }

    /**
     * Forgets {@code name}, which statements of a branch of a block changed: what the statements after the branch
     * find depends on whether it ran.
     */
    void forgetBranchChange(String name, Optional<Table> beforeBranch) {
        surelyDropped.taken(name);
        surelyDroppedColumns.forget(name);
        Optional<Table> after = current(name);
        if (after.isEmpty()) {
            return;
        }
        String key = SchemaNames.key(name);
        forgottenInBranches.table(key, position);
        if (beforeBranch.isEmpty()) {
            remove(name);
            return;
        }
        BranchOutcome outcome = BranchOutcome.of(beforeBranch.get(), after.get());
        put(outcome.table());
        outcome.changedColumns().forEach(column -> forgottenInBranches.column(key, column, position));
    }

    void remove(String name) {
        String key = SchemaNames.key(name);
        sessionTables.gone(key);
        if (current(name).isPresent()) {
            surelyDropped.removed(name);
            current.remove(key);
            gone.add(key);
            tableVersions.put(key, Optional.empty());
        }
    }

    /** Notes the dialect of the ALTER TABLE about to be replayed. */
    void alteredIn(Dialect dialect) {
        typeChanges.alteredIn(dialect);
    }

    /**
     * Records that the current statement gives a column a type, for judging the change, with the values of both enum
     * types when known and what it does to a generated column.
     */
    void retyped(String table, String column, Optional<SqlType> from, Optional<SqlType> to,
            Optional<EnumValueLists> enumValues, ColumnRetype.Generation generation) {
        typeChanges.retyped(position, current(table).map(Table::complete).orElse(false), table, column, from, to,
                enumValues, generation);
    }

    /** Tables created again with other columns, and which of their column types are still certain. */
    MixedDefinitions mixed() {
        return mixed;
    }

    /**
     * Notes that the current statement renamed {@code old}, whose columns the replay does not all know, to
     * {@code renamed}: a finding on the new name then says where that name came from, not that it was first seen
     * at the rename.
     */
    void renamedPartlyKnown(String old, String renamed) {
        reasons.renamedPartlyKnown(old, renamed);
    }

    /**
     * {@code text} (a reason, or a description holding one) without the note of where the replay first met the
     * table: histories of several databases meet it at different changes and agree on everything else.
     */
    static String withoutFirstSighting(String text) {
        return UnknownTypeReasons.withoutFirstSighting(text);
    }

    /** Notes that the table just created has columns the replay did not read ({@code CREATE TABLE .. AS SELECT}). */
    void createdWithoutColumns(String table, String how) {
        reasons.createdWithoutColumns(table, how);
    }

    /**
     * Why the columns of {@code table} are not certain just before {@code statementPosition}, when two histories
     * defined it: {@code "table t is created again, with other columns, at V2__x.sql:1 without a drop between"}.
     */
    Optional<String> createdAgainNote(String table, int statementPosition) {
        return reasons.createdAgainNote(table, statementPosition);
    }

    /** The columns, as written, only another definition of {@code table} gave it, before {@code statementPosition}. */
    Set<String> namesOfOtherDefinitions(String table, int statementPosition) {
        return mixed.namesOfOtherDefinitions(SchemaNames.key(table), statementPosition);
    }

    /** The columns (keys) another definition of {@code table} gave as plain ones, before {@code statementPosition}. */
    Set<String> plainInOtherDefinitions(String table, int statementPosition) {
        return mixed.plainInOtherDefinitions(SchemaNames.key(table), statementPosition);
    }

    boolean ambiguousBefore(String table, int statementPosition) {
        return mixed.mixedBefore(SchemaNames.key(table), statementPosition) != null;
    }

    /** Records the view the current statement creates, or, with an empty query, drops. */
    void putView(String name, Optional<WithQueries.Named> view) {
        views.put(SchemaNames.key(name), view);
    }

    /** The defining query of the view called {@code name} before the statement at a position, when known. */
    Optional<WithQueries.Named> viewBefore(String name, int statementPosition) {
        return views.before(SchemaNames.key(name), statementPosition);
    }

    /**
     * Whether each view, sequence or constraint keeps no rows of its own, as each statement that created, renamed or
     * dropped it left it: only a ClickHouse materialized view that stores its own rows (not {@code TO} a table) does.
     */
    NamedFlags rowlessObjects() {
        return rowlessObjects;
    }

    /** Where each statement starts, the types it gives columns and the rows it deletes by a column's length. */
    StatementLog log() {
        return log;
    }

    /** Notes that the statement being replayed deletes the rows {@code selection} names. */
    void deletedByLength(DeletedToFitNarrowing.Selection selection) {
        log.deletedByLength(position, selection);
    }

    List<ColumnRetype> retypesAt(int statementPosition) {
        return log.retypesAt(statementPosition);
    }

    /** The tables as they were before the statement at {@code statementPosition} ran. */
    SchemaView before(int statementPosition) {
        return new SchemaView(this, statementPosition);
    }

    /**
     * The statement being replayed surely ran (it is no branch's, routine's or changeset's): the tables it dropped or
     * renamed away are surely gone until a table takes the name again.
     */
    void removalsSurelyRan() {
        Location place = log.lastPlace();
        surelyDropped.surelyRan(place, name -> current(name).isEmpty());
        for (String key : changedAt(position)) {
            Optional<Table> before = tableVersions.before(key, position);
            Optional<Table> after = tableVersions.before(key, position + 1);
            if (before.isPresent() && after.isPresent()) {
                surelyDroppedColumns.surelyRan(place, before.get(), after.get());
            }
        }
    }

    /** The statement being replayed could not be followed to its end: no earlier drop is certain any more. */
    void replayFailed() {
        surelyDropped.replayFailed();
        surelyDroppedColumns.replayFailed();
    }

    /** The drop that surely left no table called {@code name} before the statement at {@code statementPosition}. */
    Optional<SurelyDroppedTables.Drop> surelyDroppedBefore(String name, int statementPosition) {
        return tableBefore(name, statementPosition).isPresent() ? Optional.empty()
                : surelyDropped.before(name, statementPosition);
    }

    /**
     * The drop that surely took {@code column} from {@code table}, which the replay knows without a column of that
     * name before the statement at {@code statementPosition}.
     */
    Optional<SurelyDroppedTables.Drop> columnSurelyDroppedBefore(String table, String column, int statementPosition) {
        return tableBefore(table, statementPosition).filter(known -> known.column(column).isEmpty()).isEmpty()
                ? Optional.empty() : surelyDroppedColumns.before(table, column, statementPosition);
    }

    /** True when a statement before the one at {@code statementPosition} made, changed or dropped table {@code name}. */
    boolean tableSeenBefore(String name, int statementPosition) {
        return tableVersions.setUpTo(SchemaNames.key(name), statementPosition - 1);
    }

    Optional<Table> tableBefore(String name, int statementPosition) {
        return tableVersions.before(SchemaNames.key(name), statementPosition);
    }

    List<Table> tablesBefore(int statementPosition) {
        return new ArrayList<>(tableVersions.allBefore(statementPosition).values());
    }
}
