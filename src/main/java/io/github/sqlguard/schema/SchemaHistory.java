package io.github.sqlguard.schema;

import io.github.sqlguard.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The replayed tables and every earlier version of each, so that "the schema before statement n" stays
 * answerable after later statements changed it. Each change stores only the table it touched.
 *
 * <p>A {@link #fork() fork} (a down script, rollback code) stores only what it changes itself and reads the rest
 * from the history it was forked from, as that history was at the fork: a project with thousands of down
 * scripts must not copy the whole schema thousands of times.
 */
final class SchemaHistory {

    /** How a reason notes where the replay first met a table the migrations do not create. */
    private static final String FIRST_SEEN = "first seen at ";
    /** That note as {@link #whyTypeUnknown} appends it; a place is a line or a path, never in parentheses. */
    private static final Pattern FIRST_SEEN_NOTE = Pattern.compile(" \\(" + FIRST_SEEN + "[^()]*\\)");

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
    private final Map<Integer, List<ColumnRetype>> retypes = new HashMap<>();
    /** Tables created again with other columns, and which of their column types are certain all the same. */
    private final MixedDefinitions mixed;
    /**
     * Per position after the fork, in order: where its statement starts, for messages. The location the
     * statement already has, not a text made of it: a replay has a position for every statement it saw.
     */
    private final List<Location> places = new ArrayList<>();
    /** Per table key: how the replay first learnt of a table whose columns it does not all know. */
    private final Map<String, String> partlyKnown = new HashMap<>();
    /** Per table and column key: where an ADD COLUMN IF NOT EXISTS named it in a table not every column is known of. */
    private final Map<String, Integer> addedIfMissing = new HashMap<>();
    private int position;
    /** The PostgreSQL enum types as this history left them. */
    private final PostgresEnums enums;
    private final BranchForgettings forgottenInBranches;
    /** Per view key: its defining query after each statement that created or dropped it; empty once dropped. */
    private final NamedVersions<WithQueries.Named> views;
    /** Per view or sequence: after each statement that created, renamed or dropped it, whether it keeps no rows. */
    private final NamedFlags rowlessObjects;
    private final NamedFlags enumTypes;
    private final NamedFlags triggeredTables;
    private final SurelyDroppedTables surelyDropped;
    /** Per index or constraint name: the unique key it declares, after each statement that declared or dropped it. */
    private final UniqueKeyVersions uniqueKeys;
    private final SurelyDroppedColumns surelyDroppedColumns;

    SchemaHistory() {
        this(null, 0);
    }

    private SchemaHistory(SchemaHistory parent, int forkedAt) {
        this.parent = parent;
        this.forkedAt = forkedAt;
        this.position = forkedAt;
        this.enums = parent == null ? new PostgresEnums() : parent.enums.copy();
        this.forgottenInBranches = new BranchForgettings(parent == null ? null : parent.forgottenInBranches);
        IntSupplier now = () -> position;
        this.tableVersions = parent == null ? new NamedVersions<>(now) : parent.tableVersions.fork(forkedAt, now);
        this.views = parent == null ? new NamedVersions<>(now) : parent.views.fork(forkedAt, now);
        this.rowlessObjects = parent == null ? new NamedFlags(now) : parent.rowlessObjects.fork(forkedAt, now);
        this.enumTypes = parent == null ? new NamedFlags(now) : parent.enumTypes.fork(forkedAt, now);
        this.triggeredTables = parent == null ? new NamedFlags(now) : parent.triggeredTables.fork(forkedAt, now);
        this.uniqueKeys = parent == null ? new UniqueKeyVersions(now) : parent.uniqueKeys.fork(forkedAt, now);
        this.surelyDropped = parent == null ? new SurelyDroppedTables(now)
                : parent.surelyDropped.fork(forkedAt, now);
        this.surelyDroppedColumns = parent == null ? new SurelyDroppedColumns(now)
                : parent.surelyDroppedColumns.fork(forkedAt, now);
        this.mixed = new MixedDefinitions(parent == null ? null : parent.mixed, now);
    }

    /** Whether each table had a trigger or rule created on it ({@link TriggeredTables}), as each statement left it. */
    NamedFlags triggeredTables() {
        return triggeredTables;
    }

    /** Whether each type is a PostgreSQL enum, as each statement that created, renamed or dropped it left it. */
    NamedFlags enumTypes() {
        return enumTypes;
    }

    PostgresEnums enums() {
        return enums;
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
        places.add(place);
        surelyDropped.statementStarts();
        return ++position;
    }

    /**
     * A history that starts as this one is now and goes its own way: a down script or rollback code runs
     * against the schema the migrations before it left, and what it changes must not reach them.
     */
    SchemaHistory fork() {
        return new SchemaHistory(this, position);
    }

    /** Where the statement at a position stands ({@code path:line}); null for a position this history never had. */
    private String placeAt(int statementPosition) {
        if (statementPosition <= forkedAt) {
            return parent == null ? null : parent.placeAt(statementPosition);
        }
        int index = statementPosition - forkedAt - 1;
        if (index >= places.size()) {
            return null;
        }
        Location place = places.get(index);
        return place == null ? "" : place.path() + ":" + place.line();
    }

    /** Notes that the current statement adds {@code column} only if {@code table}, not all known, lacks it. */
    void addedIfMissing(String table, String column) {
        addedIfMissing.put(SchemaNames.key(table) + "." + SchemaNames.key(column), position);
    }

    private Integer addedIfMissingAt(String tableAndColumn) {
        Integer at = addedIfMissing.get(tableAndColumn);
        return at != null || parent == null ? at : parent.addedIfMissingAt(tableAndColumn);
    }

    private String partlyKnownOf(String key) {
        String how = partlyKnown.get(key);
        return how != null || parent == null ? how : parent.partlyKnownOf(key);
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

    void put(Table table) {
        String key = SchemaNames.key(table.name());
        if (!table.complete() && !tableVersions.setUpTo(key, Integer.MAX_VALUE)) {
            partlyKnown.put(key, FIRST_SEEN
                    + Optional.ofNullable(placeAt(position)).orElse("an earlier statement"));
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
        if (current(name).isPresent()) {
            surelyDropped.removed(name);
            current.remove(key);
            gone.add(key);
            tableVersions.put(key, Optional.empty());
        }
    }

    /** Records that the current statement gives a column a type, for judging the change. */
    void retyped(String table, String column, Optional<SqlType> from, Optional<SqlType> to) {
        retyped(table, column, from, to, Optional.empty());
    }

    /** As {@link #retyped(String, String, Optional, Optional)}, with the values of both enum types when known. */
    void retyped(String table, String column, Optional<SqlType> from, Optional<SqlType> to,
            Optional<EnumValueLists> enumValues) {
        Optional<SqlType> before = mixed.typeCertain(table, column) ? from : Optional.empty();
        String unknown = before.isPresent() ? "" : whyTypeUnknown(table, column);
        retypes.computeIfAbsent(position, p -> new ArrayList<>()).add(new ColumnRetype(table, column, before, to,
                unknown, "", Set.of(), before.isPresent() ? enumValues : Optional.empty()));
        if (to.isPresent()) {
            mixed.typeStated(table, column);
        }
    }

    /** Tables created again with other columns, and which of their column types are still certain. */
    MixedDefinitions mixed() {
        return mixed;
    }

    /** Why the replay does not know the type {@code column} of {@code table} has before this statement. */
    private String whyTypeUnknown(String table, String column) {
        String key = SchemaNames.key(table);
        String name = SchemaNames.unquoted(table);
        Optional<String> mixedAt = createdAgainNote(table, position + 1);
        if (mixedAt.isPresent()) {
            return mixedAt.get() + ", so which columns it has is not certain";
        }
        TreeMap<Integer, Optional<Table>> history = tableVersions.history(key);
        var last = history == null ? null : history.lowerEntry(position);
        if (last == null) {
            return "table " + name + " is not created by the migrations that run before this one";
        }
        if (last.getValue().isEmpty()) {
            return goneAt(key, name, last.getKey());
        }
        Table known = last.getValue().get();
        Optional<Column> columnKnown = known.column(column);
        Integer branchEnd = forgottenInBranches.columnEnd(key + "." + SchemaNames.key(column));
        if (branchEnd != null && branchEnd < position) {
            return "column " + SchemaNames.unquoted(column) + " of table " + name
                    + " is changed in a branch ending at " + placeAt(branchEnd) + ", which may not have run";
        }
        // Of a table no migration created, a column an earlier ALTER named without a type (Oracle's MODIFY c NOT
        // NULL) never had a known type: that the table was not created is the reason, not that statement.
        if (columnKnown.isPresent() && (known.complete() || typeKnownBefore(history, column))) {
            return "an earlier statement changed column " + SchemaNames.unquoted(column)
                    + " in a way sqlguard does not read";
        }
        if (!known.complete()) {
            var dropped = history.headMap(last.getKey(), false).descendingMap().entrySet().stream()
                    .filter(entry -> entry.getValue().isEmpty()).findFirst();
            if (dropped.isPresent()) {
                return goneAt(key, name, dropped.get().getKey()) + ", and only altered after that";
            }
            String seen = Optional.ofNullable(partlyKnownOf(key)).orElse("");
            Integer addedAt = addedIfMissingAt(key + "." + SchemaNames.key(column));
            if (addedAt != null && addedAt < position && !seen.startsWith("created")) {
                return "column " + SchemaNames.unquoted(column) + " is added at " + placeAt(addedAt) + " by ADD COLUMN"
                        + " IF NOT EXISTS, which keeps a column of that name the table already had, and table " + name
                        + " is not created by the migrations that run before this one";
            }
            return seen.startsWith("created") ? "the columns of table " + name + " are not known: it is " + seen
                    : "table " + name + " is not created by the migrations that run before this one"
                            + (seen.isEmpty() ? "" : " (" + seen + ")");
        }
        return "table " + name + " has no column " + SchemaNames.unquoted(column)
                + " in the statements replayed before this one";
    }

    /** True when a version of the table before this statement gave {@code column} a type. */
    private boolean typeKnownBefore(TreeMap<Integer, Optional<Table>> history, String column) {
        return history.headMap(position, false).values().stream()
                .anyMatch(version -> version.flatMap(table -> table.column(column)).flatMap(Column::type).isPresent());
    }

    /**
     * What left table {@code name} without a version at {@code statementPosition}: a drop or rename, or a branch. A
     * table no earlier statement created, which a branch only altered, is said to be created elsewhere first: had the
     * branch not been there, its types would still not be known.
     */
    private String goneAt(String key, String name, int statementPosition) {
        if (!forgottenInBranches.tableAt(key, statementPosition)) {
            return "table " + name + " is dropped or renamed at " + placeAt(statementPosition);
        }
        String branch = " changed in a branch ending at " + placeAt(statementPosition)
                + ", which may not have run";
        return createdBefore(key, statementPosition) ? "table " + name + " is" + branch
                : "table " + name + " is not created by the migrations that run before this one; it is" + branch;
    }

    /** True when a statement before {@code statementPosition} created the table, so that all its columns were known. */
    private boolean createdBefore(String key, int statementPosition) {
        TreeMap<Integer, Optional<Table>> history = tableVersions.history(key);
        return history != null && history.headMap(statementPosition, false).values().stream()
                .anyMatch(version -> version.filter(Table::complete).isPresent());
    }

    /**
     * Notes that the current statement renamed {@code old}, whose columns the replay does not all know, to
     * {@code renamed}: a finding on the new name then says where that name came from, not that it was first seen
     * at the rename.
     */
    void renamedPartlyKnown(String old, String renamed) {
        String oldName = SchemaNames.unquoted(old);
        String how = partlyKnownOf(SchemaNames.key(old));
        partlyKnown.put(SchemaNames.key(renamed), "renamed from " + oldName + " at "
                + Optional.ofNullable(placeAt(position)).orElse("an earlier statement")
                + (how == null ? "" : "; " + oldName + " " + how));
    }

    /**
     * {@code text} (a reason, or a description holding one) without the note of where the replay first met the
     * table: histories of several databases meet it at different changes and agree on everything else.
     */
    static String withoutFirstSighting(String text) {
        return FIRST_SEEN_NOTE.matcher(text).replaceAll("");
    }

    /** Notes that the table just created has columns the replay did not read ({@code CREATE TABLE .. AS SELECT}). */
    void createdWithoutColumns(String table, String how) {
        partlyKnown.put(SchemaNames.key(table), how + " at "
                + Optional.ofNullable(placeAt(position)).orElse("an earlier statement"));
    }

    /**
     * Why the columns of {@code table} are not certain just before {@code statementPosition}, when two histories
     * defined it: {@code "table t is created again, with other columns, at V2__x.sql:1 without a drop between"}.
     */
    Optional<String> createdAgainNote(String table, int statementPosition) {
        Integer ambiguousAt = mixed.mixedBefore(SchemaNames.key(table), statementPosition);
        return ambiguousAt == null ? Optional.empty() : Optional.of("table " + SchemaNames.unquoted(table)
                + " is created again, with other columns, at " + placeAt(ambiguousAt) + " without a drop between");
    }

    /** The columns, as written, only another definition of {@code table} gave it, before {@code statementPosition}. */
    Set<String> namesOfOtherDefinitions(String table, int statementPosition) {
        return mixed.namesOfOtherDefinitions(SchemaNames.key(table), statementPosition);
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

    /** Takes the retypes {@code other} recorded at {@code statementPosition} as this history's own. */
    void retypesFrom(SchemaHistory other, int statementPosition) {
        List<ColumnRetype> found = other.retypesAt(statementPosition);
        if (!found.isEmpty()) {
            retypes.computeIfAbsent(statementPosition, p -> new ArrayList<>()).addAll(found);
        }
    }

    List<ColumnRetype> retypesAt(int statementPosition) {
        return retypes.getOrDefault(statementPosition, List.of());
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
        Location place = places.isEmpty() ? null : places.get(places.size() - 1);
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

    Optional<Table> tableBefore(String name, int statementPosition) {
        return tableVersions.before(SchemaNames.key(name), statementPosition);
    }

    List<Table> tablesBefore(int statementPosition) {
        return new ArrayList<>(tableVersions.allBefore(statementPosition).values());
    }
}
