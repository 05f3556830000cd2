package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One-to-one links turned around: rows of a named table held the key of another table's row ({@code
 * document_data.document_id}), and an UPDATE of every row of that other table points a column of each at the row
 * that named it, joined ({@code UPDATE document SET data_id = d.id FROM document_data d WHERE d.document_id =
 * document.id}) or by a scalar subquery ({@code SET data_id = (SELECT id FROM document_data d WHERE d.document_id =
 * document.id)}). Each value of the old column then lives on as the key of the row that points back, so its drop
 * loses nothing, when both sides join on keys, each row is named by one row at most (the old column is unique, or a
 * scalar subquery would have failed on a second row, or the script dropped the old column's unique key, as an index
 * or a constraint, and nothing wrote the column or added rows since), and nothing wrote the pointer, the old column
 * or the keys since. A filter that only asks for a NULL pointer ({@code AND document.data_id IS NULL}) still reaches
 * every row when the script added the pointer without a value and nothing wrote it before.
 * A value naming no row is a dangling reference, which the reversal drops with the column: a foreign key that held
 * when the UPDATE ran rules them out, and without one the guarded drop says so.
 */
final class ReversedLinks {

    /** Databases whose scalar subquery fails when it finds two rows; SQLite's takes the first one silently. */
    private static final Set<Dialect> SUBQUERY_FAILS_ON_TWO_ROWS = Set.of(Dialect.POSTGRESQL, Dialect.MYSQL,
            Dialect.MARIADB, Dialect.SQLSERVER, Dialect.ORACLE, Dialect.H2);

    /**
     * A reversed link, its tables by key and shown as written last name, its columns unquoted.
     *
     * @param oneEach true when no two rows of the named table named one row, so one pointer holds every link
     * @param mayDangle true when no foreign key held the column to the other table when the UPDATE ran (none was
     *     declared, or the script dropped it), so some values may have named no row
     */
    private record Link(String named, String namedShown, String column, String namedKey, String pointing,
            String pointingShown, String pointer, String pointingKey, String at, boolean oneEach,
            boolean mayDangle) {

        String note() {
            String update = "the UPDATE at " + at + " points " + pointer + " of each " + pointingShown + " at ";
            return oneEach ? "values of " + column + " kept in reverse: " + update + "the " + namedShown
                    + " row that named it" + (mayDangle ? " (values that named no " + pointingShown
                    + ", dangling references, are not kept)" : "")
                    : update + "a " + namedShown + " row that named it, but " + column + " is not known to be unique:"
                    + " where several rows named one " + pointingShown + ", its one pointer keeps only one of them";
        }

        boolean ends(String table, Collection<String> columns) {
            return table.equals(named) && (columns.contains(SchemaNames.key(column))
                    || columns.contains(SchemaNames.key(namedKey)))
                    || table.equals(pointing) && (columns.contains(SchemaNames.key(pointer))
                    || columns.contains(SchemaNames.key(pointingKey)));
        }
    }

    /** By the named table's key, then the key of the column that named the other table's rows. */
    private final Map<String, Map<String, Link>> links = new HashMap<>();
    /**
     * By table key, the keys of columns whose unique key the script dropped: their values stay distinct until the
     * column is written or rows are added, so a reversal before then still finds one row per link.
     */
    private final Map<String, Set<String>> distinctSinceKeyDropped = new HashMap<>();

    /**
     * The statement of {@code tokens} (its main word at {@code main}) ran: a unique key it drops, by {@code DROP
     * INDEX uk} or by {@code ALTER TABLE t DROP CONSTRAINT | INDEX | KEY uk}, is remembered.
     */
    void observeKeysDropped(List<Token> tokens, int main, SchemaView before) {
        if (main + 2 < tokens.size() && tokens.get(main).isWord("DROP") && tokens.get(main + 1).isWord("INDEX")) {
            UniqueKeys.droppedIndexNames(tokens, main + 2).forEach(name -> before.singleColumnKeyNamed(name)
                    .ifPresent(this::keyDropped));
        }
        SchemaNames.Read table = main + 2 < tokens.size() && tokens.get(main).isWord("ALTER")
                && tokens.get(main + 1).isWord("TABLE") ? SchemaNames.name(tokens, main + 2) : null;
        if (table == null) {
            return;
        }
        for (List<Token> clause : ObjectNames.splitAtCommas(tokens, table.next(), tokens.size())) {
            int i = 0;
            if (clause.size() < 3 || !clause.get(i++).isWord("DROP")
                    || !clause.get(i++).isAnyWord("CONSTRAINT", "INDEX", "KEY")) {
                continue;
            }
            if (i + 1 < clause.size() && clause.get(i).isWord("IF") && clause.get(i + 1).isWord("EXISTS")) {
                i += 2;
            }
            SchemaNames.Read name = SchemaNames.name(clause, i);
            if (name != null) {
                before.singleColumnKeyNamed(name.text())
                        .filter(key -> key.getKey().equals(SchemaNames.key(table.text())))
                        .ifPresent(this::keyDropped);
            }
        }
    }

    /** The unique key over one column ({@code key}: its table's key and the column) no longer holds. */
    private void keyDropped(Map.Entry<String, String> key) {
        distinctSinceKeyDropped.computeIfAbsent(key.getKey(), k -> new HashSet<>())
                .add(SchemaNames.key(key.getValue()));
    }

    /**
     * An UPDATE of {@code table} wrote {@code assigned} at {@code at} ({@code tokens}, in {@code dialect}): links
     * through those columns end, and a link it reverses starts. {@code holdsOnlyNull} tells, by table and column key,
     * the columns that held nothing but NULL before it.
     */
    void updated(String table, Collection<String> assigned, List<Token> tokens, SchemaView before, Dialect dialect,
            String at, BiPredicate<String, String> holdsOnlyNull) {
        Optional<Link> reversed = reversal(tokens, before, dialect, at, holdsOnlyNull);
        written(table, assigned);
        reversed.ifPresent(link -> links.computeIfAbsent(link.named(), k -> new HashMap<>())
                .put(SchemaNames.key(link.column()), link));
    }

    /**
     * An UPDATE of {@code tokens} wrote columns that were not read apart ({@code UPDATE t, u SET ..}): every link
     * ends, and a link it reverses starts.
     */
    void updatedUnread(List<Token> tokens, SchemaView before, Dialect dialect, String at,
            BiPredicate<String, String> holdsOnlyNull) {
        Optional<Link> reversed = reversal(tokens, before, dialect, at, holdsOnlyNull);
        clear();
        reversed.ifPresent(link -> links.computeIfAbsent(link.named(), k -> new HashMap<>())
                .put(SchemaNames.key(link.column()), link));
    }

    /** {@code columns} of {@code table} were written, dropped or renamed: links through them end. */
    void written(String table, Collection<String> columns) {
        String key = SchemaNames.key(table);
        List<String> keys = columns.stream().map(SchemaNames::key).toList();
        links.values().forEach(ofTable -> ofTable.values().removeIf(link -> link.ends(key, keys)));
        distinctSinceKeyDropped.getOrDefault(key, new HashSet<>()).removeAll(keys);
    }

    /** Rows were added to {@code table}, or its name now means another table: links on either side end. */
    void forget(String table) {
        String key = SchemaNames.key(table);
        links.remove(key);
        distinctSinceKeyDropped.remove(key);
        links.values().forEach(ofTable -> ofTable.values().removeIf(link -> link.pointing().equals(key)));
    }

    /** An UPDATE wrote columns it does not say of tables it does not say: every link ends. */
    void clear() {
        links.clear();
        distinctSinceKeyDropped.clear();
    }

    /**
     * For a drop of {@code dropped} columns of {@code table}: a guard when every one was reversed into one pointer
     * each; else a note on those reversed (a column not known to be unique, or dropped beside columns no link keeps).
     */
    Optional<Guard> guardOf(String table, List<String> dropped) {
        Map<String, Link> ofTable = links.getOrDefault(SchemaNames.key(table), Map.of());
        Map<String, String> notes = new LinkedHashMap<>();
        dropped.stream().map(SchemaNames::key).filter(ofTable::containsKey)
                .forEach(c -> notes.put(c, ofTable.get(c).note()));
        if (notes.isEmpty()) {
            return Optional.empty();
        }
        boolean everyOneKept = notes.size() == dropped.stream().map(SchemaNames::key).distinct().count()
                && notes.keySet().stream().allMatch(c -> ofTable.get(c).oneEach());
        return everyOneKept ? Optional.of(new Guard(Guard.Kind.ROWS_COPIED, String.join("; ", notes.values()), notes))
                : Guard.noting(Guard.Kind.CARRIED_COPY, notes);
    }

    /**
     * The link an UPDATE of every row of one table reverses ({@link ReversingUpdate}): one condition equates the named
     * table's column with the pointing table's key, every other only asks that a column of the pointing table is NULL
     * where {@code holdsOnlyNull} (table and column keys) says it holds nothing else, so it keeps every row, and the
     * value is the named table's key.
     */
    private Optional<Link> reversal(List<Token> tokens, SchemaView before, Dialect dialect, String at,
            BiPredicate<String, String> holdsOnlyNull) {
        Optional<ReversingUpdate> read = ReversingUpdate.of(tokens, dialect);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        ReversingUpdate update = read.get();
        ReversingUpdate.Side pointing = update.pointing();
        ReversingUpdate.Side named = update.named();
        List<Token> select = update.selected();
        Optional<String> namedKey = update.subquery() && select.size() == 1 && ReversingUpdate.isName(select.get(0))
                ? Optional.of(SchemaNames.unquoted(select.get(0).text())) : named.column(select);
        List<List<Token>> joins = update.conjuncts().stream().filter(c -> !keepsEveryRow(c, pointing, holdsOnlyNull))
                .toList();
        if (joins.size() != 1 || joins.get(0).size() != 7 || !joins.get(0).get(3).isSymbol("=")
                || namedKey.isEmpty()) {
            return Optional.empty();
        }
        List<Token> left = joins.get(0).subList(0, 3);
        List<Token> right = joins.get(0).subList(4, 7);
        Optional<String> column = named.column(left).or(() -> named.column(right));
        Optional<String> pointingKey = pointing.column(left).or(() -> pointing.column(right));
        if (column.isEmpty() || pointingKey.isEmpty() || column.get().equalsIgnoreCase(namedKey.get())
                || !before.distinctValuesIn(named.table(), namedKey.get())
                || !before.distinctValuesIn(pointing.table(), pointingKey.get())) {
            return Optional.empty();
        }
        boolean oneEach = before.distinctValuesIn(named.table(), column.get())
                || distinctSinceKeyDropped.getOrDefault(SchemaNames.key(named.table()), Set.of())
                        .contains(SchemaNames.key(column.get()))
                || update.subquery() && SUBQUERY_FAILS_ON_TWO_ROWS.contains(dialect);
        return Optional.of(new Link(SchemaNames.key(named.table()), shown(named.table()), column.get(),
                namedKey.get(), SchemaNames.key(pointing.table()), shown(pointing.table()), update.pointer(),
                pointingKey.get(), at, oneEach, !before.hasForeignKey(named.table(), column.get(),
                        pointing.table())));
    }

    /**
     * True for {@code [q.]c IS NULL} of a column of {@code pointing} that holds nothing but NULL: the script added it
     * without a value and nothing wrote it, so the test keeps every row.
     */
    private static boolean keepsEveryRow(List<Token> condition, ReversingUpdate.Side pointing,
            BiPredicate<String, String> holdsOnlyNull) {
        int n = condition.size();
        if (n < 3 || !condition.get(n - 2).isWord("IS") || !condition.get(n - 1).isWord("NULL")) {
            return false;
        }
        Optional<String> column = n == 3 && ReversingUpdate.isName(condition.get(0))
                ? Optional.of(SchemaNames.unquoted(condition.get(0).text()))
                : pointing.column(condition.subList(0, n - 2));
        return column.filter(c -> holdsOnlyNull.test(SchemaNames.key(pointing.table()), SchemaNames.key(c)))
                .isPresent();
    }

    private static String shown(String table) {
        return SchemaNames.unquoted(ObjectNames.lastPart(table));
    }
}
