package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links moved from one key of the rows they name to another: each row of a table named a row of another table by one
 * of its keys ({@code grant.user_id}), and an UPDATE of every row sets a new column to another key of the row named
 * ({@code UPDATE grant SET entity_id = (SELECT entity_id FROM account WHERE account.user_id = grant.user_id)}, or the
 * same as a join). No two rows of the other table share a value of that second key, so the row the new column names
 * still holds the old value: a drop of the old column loses nothing while nothing writes the old column, the new one
 * or either key, and the other table's rows stay. Which row a scalar subquery or a join picked does not matter, as
 * every row it could pick holds the old value. An old value that named no row, or a row whose second key was NULL,
 * leaves the new column NULL, so the guarded drop says so unless a foreign key held the old column to the other table
 * when the UPDATE ran and the second key was NOT NULL.
 */
final class TranslatedLinks {

    /**
     * A moved link, its tables by key and shown as written last name, its columns unquoted.
     *
     * @param mayDangle true when some old values may have found no row with a second key, and left NULL behind
     */
    private record Link(String pointing, String column, String pointer, String named, String namedShown,
            String namedColumn, String namedKey, String at, boolean mayDangle) {

        String note() {
            return "values of " + column + " kept in " + namedShown + ": the UPDATE at " + at + " sets " + pointer
                    + " of each row to the " + namedKey + " of the " + namedShown + " row whose " + namedColumn
                    + " it held, and no two " + namedShown + " rows share a value of " + namedKey
                    + (mayDangle ? " (values that named no " + namedShown + " row, dangling references, are not kept)"
                            : "");
        }

        boolean ends(String table, Collection<String> columns) {
            return table.equals(pointing) && (columns.contains(SchemaNames.key(column))
                    || columns.contains(SchemaNames.key(pointer)))
                    || table.equals(named) && (columns.contains(SchemaNames.key(namedColumn))
                    || columns.contains(SchemaNames.key(namedKey)));
        }
    }

    /** By the pointing table's key, then the key of the column whose links moved. */
    private final Map<String, Map<String, Link>> links = new HashMap<>();

    /**
     * An UPDATE of {@code table} wrote {@code assigned} at {@code at} ({@code tokens}, in {@code dialect}): links
     * through those columns end, and a link it moves starts.
     */
    void updated(String table, Collection<String> assigned, List<Token> tokens, SchemaView before, Dialect dialect,
            String at) {
        Optional<Link> moved = translation(tokens, before, dialect, at);
        written(table, assigned);
        moved.ifPresent(link -> links.computeIfAbsent(link.pointing(), k -> new HashMap<>())
                .put(SchemaNames.key(link.column()), link));
    }

    /** {@code columns} of {@code table} were written, dropped or renamed: links through them end. */
    void written(String table, Collection<String> columns) {
        String key = SchemaNames.key(table);
        List<String> keys = columns.stream().map(SchemaNames::key).toList();
        links.values().forEach(ofTable -> ofTable.values().removeIf(link -> link.ends(key, keys)));
    }

    /** Rows were added to or removed from {@code table}, or its name now means another table: its links end. */
    void forget(String table) {
        String key = SchemaNames.key(table);
        links.remove(key);
        links.values().forEach(ofTable -> ofTable.values().removeIf(link -> link.named().equals(key)));
    }

    /** An UPDATE wrote columns it does not say of tables it does not say: every link ends. */
    void clear() {
        links.clear();
    }

    /** For a drop of {@code dropped} columns of {@code table}: a guard when the links of every one moved. */
    Optional<Guard> guardOf(String table, List<String> dropped) {
        Map<String, Link> ofTable = links.getOrDefault(SchemaNames.key(table), Map.of());
        Map<String, String> notes = new LinkedHashMap<>();
        dropped.stream().map(SchemaNames::key).filter(ofTable::containsKey)
                .forEach(c -> notes.put(c, ofTable.get(c).note()));
        if (notes.isEmpty() || notes.size() != dropped.stream().map(SchemaNames::key).distinct().count()) {
            return Optional.empty();
        }
        return Optional.of(new Guard(Guard.Kind.ROWS_COPIED, String.join("; ", notes.values()), notes));
    }

    /**
     * The link an UPDATE of every row of one table moves ({@link ReversingUpdate}): its one condition equates a column
     * of the updated table with a column of the other, and the value is another column of the other table that no two
     * of its rows share.
     */
    private static Optional<Link> translation(List<Token> tokens, SchemaView before, Dialect dialect, String at) {
        Optional<ReversingUpdate> read = ReversingUpdate.of(tokens, dialect);
        if (read.isEmpty() || read.get().conjuncts().size() != 1) {
            return Optional.empty();
        }
        ReversingUpdate update = read.get();
        ReversingUpdate.Side pointing = update.pointing();
        ReversingUpdate.Side named = update.named();
        List<Token> select = update.selected();
        List<Token> join = update.conjuncts().get(0);
        Optional<String> namedKey = update.subquery() && select.size() == 1 && ReversingUpdate.isName(select.get(0))
                ? Optional.of(SchemaNames.unquoted(select.get(0).text())) : named.column(select);
        if (namedKey.isEmpty() || join.size() != 7 || !join.get(3).isSymbol("=") || SchemaNames.key(
                ObjectNames.lastPart(pointing.table())).equals(SchemaNames.key(ObjectNames.lastPart(named.table())))) {
            return Optional.empty();
        }
        List<Token> left = join.subList(0, 3);
        List<Token> right = join.subList(4, 7);
        boolean namedLeft = named.column(left).isPresent();
        Optional<String> namedColumn = named.column(namedLeft ? left : right);
        Optional<String> column = pointing.column(namedLeft ? right : left);
        if (namedColumn.isEmpty() || column.isEmpty() || namedColumn.get().equalsIgnoreCase(namedKey.get())
                || column.get().equalsIgnoreCase(update.pointer())
                || !before.distinctValuesIn(named.table(), namedKey.get())) {
            return Optional.empty();
        }
        boolean keyed = before.table(named.table()).flatMap(known -> known.column(namedKey.get()))
                .map(Column::notNull).orElse(false);
        return Optional.of(new Link(SchemaNames.key(pointing.table()), column.get(), update.pointer(),
                SchemaNames.key(named.table()), SchemaNames.unquoted(ObjectNames.lastPart(named.table())),
                namedColumn.get(), namedKey.get(), at,
                !keyed || !before.hasForeignKey(pointing.table(), column.get(), named.table())));
    }
}
