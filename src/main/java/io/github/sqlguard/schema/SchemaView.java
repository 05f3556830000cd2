package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schema as the replayed migrations left it just before one statement. Everything the replay did not
 * see is unknown: {@link #table} is empty, and callers keep the judgement they make without a schema.
 */
public final class SchemaView {

    /** The view of a statement the replay did not see: nothing is known. */
    public static final SchemaView UNKNOWN = new SchemaView(null, 0);

    private static final Pattern DOT = Pattern.compile("\\s*\\.\\s*");
    // Enum renames and casts compare the type of every known column: the same few written types, read once each.
    private static final BoundedMemo<String> TYPE_KEYS = new BoundedMemo<>(1 << 12, SchemaView::typeKeyOf);

    private final SchemaHistory history;
    private final int position;
    /** The views of the other database histories the statement runs in, which only some answers consult. */
    private final List<SchemaView> otherHistories;
    /** Every history's view of the statement by the database it was replayed for; empty when only one was. */
    private final Map<String, SchemaView> byDatabase;
    /** The tables at this point, read once: a statement's rules and notes ask several times. */
    private List<Table> tables;

    SchemaView(SchemaHistory history, int position) {
        this(history, position, List.of(), Map.of());
    }

    private SchemaView(SchemaHistory history, int position, List<SchemaView> otherHistories,
            Map<String, SchemaView> byDatabase) {
        this.history = history;
        this.position = position;
        this.otherHistories = List.copyOf(otherHistories);
        this.byDatabase = byDatabase;
    }

    /**
     * This view for a statement that also runs in the database histories {@code others} see it in: what it says is
     * gone ({@link #surelyDropped}) must be gone in every one of them.
     */
    SchemaView alongside(List<SchemaView> others) {
        return others.isEmpty() ? this : new SchemaView(history, position, others, byDatabase);
    }

    /**
     * This view knowing each history's view by the database it was replayed for (a Liquibase {@code dbms} name,
     * {@code ""} for any other database, with the history's name after {@link ApartHistories#SEPARATOR} where
     * several histories run the statement).
     */
    SchemaView byDatabase(Map<String, SchemaView> views) {
        return views.size() < 2 ? this : new SchemaView(history, position, otherHistories, Map.copyOf(views));
    }

    /**
     * The views of the histories replayed for one of {@code databases} (Liquibase's names: {@code mysql},
     * {@code mariadb}); empty when the migrations do not tell those databases apart from the others, and then
     * this view stands for every database.
     */
    public List<SchemaView> on(Set<String> databases) {
        return byDatabase.entrySet().stream()
                .filter(entry -> databases.contains(entry.getKey().split(String.valueOf(ApartHistories.SEPARATOR),
                        2)[0]))
                .map(Map.Entry::getValue).toList();
    }

    /** True when the replay saw the statement: a table it does not know is one no replayed migration created. */
    public boolean replayed() {
        return history != null;
    }

    /**
     * True when the replay saw the statement and no statement it replayed before, in any history the statement runs
     * in, created, changed or surely dropped a table called {@code name}: where such a table exists, something other
     * than the migrations made it.
     */
    boolean tableNeverSeen(String name) {
        return history != null && !history.tableSeenBefore(name, position) && surelyDropped(name).isEmpty()
                && otherHistories.stream().allMatch(other -> other.tableNeverSeen(name));
    }

    /** The table called {@code name} (last name part, case-insensitive), when the replay knows it. */
    public Optional<Table> table(String name) {
        return history == null ? Optional.empty() : history.tableBefore(name, position);
    }

    /**
     * The columns of each unique key of table {@code name} that tells its rows apart as a primary key would: named,
     * over plain columns that are all NOT NULL ({@link UniqueKeys}); empty when the replay knows none.
     */
    public List<List<String>> uniqueKeys(String name) {
        return history == null ? List.of() : UniqueKeys.before(history, name, position);
    }

    /**
     * True when the replay knows that no two rows of table {@code name} hold one non-null value in {@code column}: it
     * is the primary key, or a unique key of its own ({@link UniqueKeys#distinctValuesIn}).
     */
    public boolean distinctValuesIn(String name, String column) {
        return history != null && UniqueKeys.distinctValuesIn(history, name, column, position);
    }

    /**
     * The table key and the column of the unique key called {@code keyName} when it is one of a single column the
     * replay knows before this statement ({@link UniqueKeys#singleColumnKeyNamed}).
     */
    Optional<Map.Entry<String, String>> singleColumnKeyNamed(String keyName) {
        return history == null ? Optional.empty() : UniqueKeys.singleColumnKeyNamed(history, keyName, position);
    }

    /**
     * The defining query of the view called {@code name} (last name part, case-insensitive), when the replay saw
     * it created and not dropped since.
     */
    Optional<WithQueries.Named> view(String name) {
        return history == null ? Optional.empty() : history.viewBefore(name, position);
    }

    /**
     * The statement that surely dropped {@code column} from {@code table} or renamed it away, when the replay knows
     * the table without a column of that name since ({@link SurelyDroppedColumns}).
     */
    Optional<SurelyDroppedTables.Drop> columnSurelyDropped(String table, String column) {
        Optional<SurelyDroppedTables.Drop> drop = history == null ? Optional.empty()
                : history.columnSurelyDroppedBefore(table, column, position);
        return otherHistories.stream().allMatch(other -> other.columnSurelyDropped(table, column).isPresent()) ? drop
                : Optional.empty();
    }

    /**
     * True when the replay knows {@code name} as a view that keeps no rows of its own (a plain view, a ClickHouse
     * materialized view that writes {@code TO} a table) or as a sequence, and knows no table of that name: dropping
     * or renaming it loses no row and breaks no query of a table.
     */
    public boolean keepsNoRows(String name) {
        return history != null && history.rowlessObjects().before(name, position) && table(name).isEmpty();
    }

    /**
     * The statement that surely dropped table {@code name} or renamed it away, when the replay knows no table of the
     * name since ({@link SurelyDroppedTables}).
     */
    Optional<SurelyDroppedTables.Drop> surelyDropped(String name) {
        Optional<SurelyDroppedTables.Drop> drop = history == null ? Optional.empty()
                : history.surelyDroppedBefore(name, position);
        return otherHistories.stream().allMatch(other -> other.surelyDropped(name).isPresent()) ? drop
                : Optional.empty();
    }

    /**
     * True when a row change of {@code table} may run code that writes rows elsewhere: the replay saw a trigger or
     * rule created on it, or the migrations did not create it, so its triggers cannot be known.
     */
    public boolean mayFireTriggers(String table) {
        return history == null || !table(table).map(Table::complete).orElse(false)
                || history.triggeredTables().before(table, position);
    }

    /**
     * True when the replay knows {@code table} as a global temporary table: whatever rows a statement finds
     * there, its own session put there, so deleting them loses nothing.
     */
    public boolean holdsSessionRowsOnly(String table) {
        return table(table).map(Table::sessionRows).orElse(false);
    }

    /**
     * True when the replay knows {@code table} as a local temporary table the script made ({@code CREATE TEMP
     * TABLE}), which no migration leaves behind: it goes with the session.
     */
    public boolean isLocalTemporary(String table) {
        return history != null && history.sessionTables().before(table, position);
    }

    /**
     * True when {@code written}, a table name as a statement writes it, means a local temporary table the replay
     * knows the migrations' own session made in every database the statement runs in, where the script's text may
     * not show it (the body of a routine the script calls made it): its rows go when the session ends. Only an
     * unqualified name (or one in PostgreSQL's {@code pg_temp}) counts: the session looks such a name up among its
     * temporary tables first, while {@code public.t} means the lasting table of that name.
     */
    public boolean namesLocalTemporary(String written) {
        if (history == null || written == null) {
            return false;
        }
        String last = SchemaNames.lastPart(written);
        String qualifier = written.strip().substring(0, written.strip().length() - last.length());
        if (!qualifier.isEmpty() && !DOT.matcher(qualifier).replaceAll(".").equalsIgnoreCase("pg_temp.")) {
            return false;
        }
        return isLocalTemporary(written)
                && otherHistories.stream().allMatch(other -> other.isLocalTemporary(written));
    }

    /**
     * True when the replay knows that {@code column} of {@code table} refers to the key {@code joinedColumn} of
     * {@code joinedTable}, so that a join on their equality finds a related row for every row that has a value
     * there ({@link KeyReferences}).
     */
    public boolean refersToKey(String table, String column, String joinedTable, String joinedColumn) {
        return refersToKey(table, List.of(column), joinedTable, List.of(joinedColumn));
    }

    /**
     * True when the replay knows that {@code columns} of {@code table} refer to the key {@code joinedColumns} of
     * {@code joinedTable}, each paired with the one at the same place: a foreign key over them, or a whole primary
     * or unique key of the joined table that is not the table's own ({@link KeyReferences}).
     */
    public boolean refersToKey(String table, List<String> columns, String joinedTable, List<String> joinedColumns) {
        return KeyReferences.refersToKey(this, table, columns, joinedTable, joinedColumns);
    }

    /**
     * True when a SET that names {@code columns} without their table, in an UPDATE of {@code table} joined to
     * {@code other}, surely assigns columns of {@code table}: the replay created both tables and only {@code table}
     * has each of them. Also true when there are none: the statement named its table.
     */
    public boolean assignsOnly(String table, String other, List<String> columns) {
        if (columns.isEmpty()) {
            return true;
        }
        Optional<Table> changed = table(table).filter(Table::complete);
        Optional<Table> joined = table(other).filter(Table::complete);
        return changed.isPresent() && joined.isPresent() && !SchemaNames.key(table).equals(SchemaNames.key(other))
                && columns.stream().allMatch(column -> column(table, column).isPresent()
                        && joined.get().column(column).isEmpty() && namesOfOtherDefinitions(other).stream()
                                .noneMatch(name -> SchemaNames.key(name).equals(SchemaNames.key(column))));
    }

    /**
     * The first later statement of the script at {@code path} that gives {@code column} of {@code table} a type,
     * with the type; empty when none does or the replay did not see this statement.
     */
    Optional<StatementLog.LaterRetype> laterRetypeInScript(String table, String column, String path) {
        return history == null ? Optional.empty() : history.log().laterRetypeInFile(table, column, path, position,
                history.position());
    }

    /**
     * True when a DELETE earlier in the script at {@code path} removed every row whose value of the column
     * {@code retype} narrows is longer than its new type holds ({@link DeletedToFitNarrowing#cleared}).
     */
    boolean deletedRowsNotFitting(ColumnRetype retype, String path, Dialect dialect) {
        return history != null && DeletedToFitNarrowing.cleared(history, position, path, retype, dialect);
    }

    /**
     * True when every row of {@code table} has its row in {@code joinedTable} whose {@code joinedColumn} equals its
     * {@code column}: the column is NOT NULL, and a foreign key of it alone references that very column.
     */
    public boolean everyRowReferences(String table, String column, String joinedTable, String joinedColumn) {
        return column(table, column).map(Column::notNull).orElse(false)
                && KeyReferences.referencesColumn(this, table, column, joinedTable, joinedColumn);
    }

    /** True when the replay knows a foreign key of {@code column} alone of {@code table} to {@code referenced}. */
    public boolean hasForeignKey(String table, String column, String referenced) {
        return table(table).map(known -> known.foreignKeys().stream().anyMatch(key -> key.references(referenced)
                && key.columns().size() == 1 && SchemaNames.key(key.columns().get(0)).equals(SchemaNames.key(column))))
                .orElse(false);
    }

    /**
     * Why the columns of {@code table} are not certain here, when two histories defined it differently
     * ({@code "table t is created again, with other columns, at V2__x.sql:1 without a drop between"}).
     */
    Optional<String> createdAgainNote(String table) {
        return history == null ? Optional.empty() : history.createdAgainNote(table, position);
    }

    /**
     * The columns, as written, that another definition of {@code table} gave it and its last one lacks, when two
     * histories defined it differently: it may have them or not.
     */
    Set<String> namesOfOtherDefinitions(String table) {
        return history == null ? Set.of() : history.namesOfOtherDefinitions(table, position);
    }

    /**
     * The column {@code column} of {@code table}, when the replay knows both; empty also when two histories
     * defined the table differently, so its type and NOT NULL cannot be trusted.
     */
    public Optional<Column> column(String table, String column) {
        if (history == null || history.ambiguousBefore(table, position)) {
            return Optional.empty();
        }
        return table(table).flatMap(known -> known.column(column));
    }

    /**
     * True when the database computes every value of {@code column} of {@code table} from the row's other columns
     * ({@code GENERATED ALWAYS AS (..)}): in its last definition and, when two histories defined the table
     * differently, in each definition that has it.
     */
    public boolean generatedInEveryDefinition(String table, String column) {
        if (!table(table).flatMap(known -> known.column(column)).map(Column::computed).orElse(false)) {
            return false;
        }
        return !history.ambiguousBefore(table, position)
                || !history.plainInOtherDefinitions(table, position).contains(SchemaNames.key(column));
    }

    /** The known type of a column, when the replay knows it. */
    public Optional<SqlType> columnType(String table, String column) {
        return column(table, column).flatMap(Column::type);
    }

    /**
     * The type of the column that a foreign key of {@code column} alone, in {@code table}, references, when the
     * replay knows the key, the column it names and that column's type: every value the column holds is NULL or
     * one of that column's. Empty for a key that names no column or does not check the rows already there.
     */
    public Optional<SqlType> referencedType(String table, String column) {
        String key = SchemaNames.key(column);
        return table(table).stream().flatMap(known -> known.foreignKeys().stream())
                .filter(foreignKey -> foreignKey.columns().size() == 1 && foreignKey.referencedColumns().size() == 1
                        && SchemaNames.key(foreignKey.columns().get(0)).equals(key))
                .map(foreignKey -> columnType(foreignKey.referencedTable(), foreignKey.referencedColumns().get(0)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * True when the replay knows {@code type} (a name as written, not an array of it) as a PostgreSQL enum type at
     * this point: a cast to it takes each text as it is or fails, as only a value's exact label converts.
     */
    boolean isEnumType(String type) {
        return history != null && history.enumTypes().before(type, position);
    }

    /** Every table the replay knows at this point. */
    public List<Table> tables() {
        if (tables == null) {
            tables = history == null ? List.of() : history.tablesBefore(position);
        }
        return tables;
    }

    /**
     * The columns the replay knows to be of type {@code type} (its last name part, case-insensitive, also as an
     * array or with a type modifier such as {@code geometry(Point, 4326)}), as {@code table.column}, in table order.
     */
    public List<String> columnsOfType(String type) {
        String wanted = typeKey(type);
        List<String> found = new java.util.ArrayList<>();
        for (Table table : tables()) {
            for (Column column : table.columns().values()) {
                if (column.type().map(known -> typeKey(known.written()).equals(wanted)).orElse(false)) {
                    found.add(table.name() + "." + column.name());
                }
            }
        }
        return found;
    }

    /** A type's name for comparing: its last name part, unquoted, lower case, without modifier or array brackets. */
    static String typeKey(String written) {
        return TYPE_KEYS.get(written);
    }

    private static String typeKeyOf(String written) {
        // A written type spaces the dots of a qualified name: "public" . "Role".
        String type = DOT.matcher(written.replace("\"", "")).replaceAll(".").toLowerCase(Locale.ROOT).strip();
        int cut = type.length();
        for (char end : new char[] {'(', '[', ' '}) {
            int at = type.indexOf(end);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        type = type.substring(0, cut);
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** What deleting or truncating rows of a table takes with it through foreign keys. */
    public CascadeGraph cascades() {
        return new CascadeGraph(tables());
    }
}
