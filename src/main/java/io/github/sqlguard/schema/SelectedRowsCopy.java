package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A copy by column list ({@link ColumnListCopy}) that keeps only the rows a WHERE or an inner join selects, and what
 * of its source's columns went along: columns moved with the rows' key from every row that has a value in them,
 * which a later drop of them loses nothing of, or columns carried elsewhere in a way that guards nothing but tells
 * a finding where the values went. Kept apart from the copies of every row because what such a copy keeps depends
 * on the condition and on the source's keys, not on the select list alone.
 */
final class SelectedRowsCopy {

    private SelectedRowsCopy() {
    }

    /**
     * Columns a copy moves out of their table with its primary key, keeping only the rows that have a value in
     * them: {@code INSERT INTO folders_ciphers (cipher_uuid, folder_uuid) SELECT uuid, folder_uuid FROM ciphers
     * WHERE folder_uuid IS NOT NULL}. A rebuild of {@code ciphers} without {@code folder_uuid} then loses nothing.
     * A BOOLEAN NOT NULL column that alone selects the rows ({@code WHERE is_public = TRUE}, {@link FlagCondition})
     * moves too: the keys copied tell its value in every row. The other columns such a copy reads do not move: the
     * rows it leaves out keep values in them.
     *
     * @param source the table read, unquoted
     * @param target the table written, unquoted
     * @param columns the keys of the source's columns the copy reads with the whole primary key, but for the key
     */
    record MovedColumns(String source, String target, Set<String> columns) {
    }

    /** The columns the copy at {@code main} moves with their rows' primary key, else empty. */
    static Optional<MovedColumns> moved(List<Token> tokens, int main, SchemaView before, boolean selectIntoMakesTable) {
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("INSERT", "SELECT")) {
            return Optional.empty(); // every statement comes here: only a copy is read further
        }
        int where = TopLevel.wordIndex(tokens, main + 1, "WHERE");
        Optional<String> flag = where < 0 ? Optional.empty()
                : FlagCondition.column(tokens.subList(where + 1, tokens.size()));
        Optional<List<String>> requiredIfAny = flag.isPresent() ? Optional.of(List.of())
                : requiredValues(tokens, where);
        Optional<List<String>> anyOf = requiredIfAny.isPresent() ? Optional.empty() : valueInAnyOf(tokens, where);
        if (requiredIfAny.isEmpty() && anyOf.isEmpty()) {
            return Optional.empty();
        }
        List<Token> unfiltered = where < 0 ? tokens : tokens.subList(0, where);
        Optional<ColumnListCopy.Partial> copy = ColumnListCopy.read(unfiltered, main, before, selectIntoMakesTable);
        Optional<Table> table = copy.flatMap(c -> before.table(c.source()));
        if (copy.isEmpty() || table.isEmpty() || !hasKey(table.get(), before)) {
            return Optional.empty();
        }
        List<String> required = requiredIfAny.map(columns -> withoutDeclaredNotNull(columns, table.get()))
                .or(() -> anyOf).get();
        boolean everyRow = where < 0 || flag.isEmpty() && anyOf.isEmpty() && required.isEmpty();
        Set<String> columns = new HashSet<>(table.get().columns().keySet());
        copy.get().missing().forEach(column -> columns.remove(SchemaNames.key(column)));
        Optional<List<String>> key = keyAmong(table.get(), before, columns);
        boolean keyed = key.isPresent();
        // Of columns any one of which selects a row, those the copy takes move, whichever others it leaves
        boolean moved = keyed && (anyOf.isPresent() ? required.stream().anyMatch(columns::contains)
                : columns.containsAll(required))
                && flag.map(f -> FlagCondition.isRequiredFlag(table.get(), f)).orElse(true);
        if (!everyRow) {
            // A row left out keeps its values in every other column, and loses them when they are dropped; with two
            // columns required, a row left out for lack of one still has a value in the other. With a value in any
            // of them enough, a row left out has none in either. A flag that selects the rows is told by which keys
            // the target holds.
            columns.retainAll(anyOf.isPresent() || required.size() == 1 ? required : Set.of());
            flag.ifPresent(f -> columns.add(SchemaNames.key(f)));
        }
        // The key stays behind to tell whose values they were, so it is not among the columns moved
        table.get().primaryKey().forEach(c -> columns.remove(SchemaNames.key(c)));
        key.ifPresent(k -> k.forEach(c -> columns.remove(SchemaNames.key(c))));
        return moved ? Optional.of(new MovedColumns(copy.get().source(), copy.get().target(), columns))
                : Optional.empty();
    }

    /**
     * Columns a copy takes as they are into another table from the rows a WHERE selects ({@code INSERT INTO rules
     * (tenant, name, target, weight) SELECT tenant, name, target, weight FROM filters WHERE target IS NOT NULL}),
     * where no guard follows from it: the values went somewhere, which a finding on their drop says, but the values
     * of the rows left out, or which row each belonged to when the primary key is not copied beside them, did not. A
     * copy of every row through LEFT or FULL joins alone ({@code .. FROM filters f LEFT JOIN note n ON ..}) is one
     * too: it loses no row, but may leave the key or other columns behind.
     *
     * @param source the table read, unquoted
     * @param target the table written, unquoted
     * @param columns the source's columns the list takes as they are, as the replay spells them
     * @param everyValue the keys of those whose every value was copied: the rows left out have none in them
     * @param keyed whether the whole primary key is among them
     * @param rows what chooses the rows copied, for a note: {@code "its WHERE selects"}
     * @param leftOut the source's columns the select list does not name at all, as the replay spells them: a drop of
     *     the table loses all their values
     */
    record CarriedColumns(String source, String target, List<String> columns, Set<String> everyValue,
            boolean keyed, String rows, List<String> leftOut) {
    }

    /** The columns the copy at {@code main} takes as they are from some rows of a table the replay knows. */
    static Optional<CarriedColumns> carried(List<Token> statement, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        if (main >= statement.size() || !statement.get(main).isAnyWord("INSERT", "SELECT")) {
            return Optional.empty(); // every statement comes here: only a copy is read further
        }
        // A DISTINCT keeps one of each set of equal rows: the rows it merges lose the values of their other columns
        Optional<RowCopies.WithoutNarrowing> distinct = RowCopies.withoutDistinct(statement, main);
        List<Token> tokens = distinct.map(RowCopies.WithoutNarrowing::tokens).orElse(statement);
        int where = TopLevel.wordIndex(tokens, main + 1, "WHERE");
        int from = TopLevel.wordIndex(tokens, main + 1, "FROM");
        Optional<SourceJoins> joins = SourceJoins.of(tokens, from, where < 0 ? tokens.size() : where, before);
        // Only LEFT and FULL joins, and no WHERE: every row of the source is copied, with whatever the joins add
        boolean everyRow = where < 0 && joins.map(j -> j.inner().isEmpty()).orElse(true) && distinct.isEmpty();
        if (everyRow && joins.isEmpty()) {
            return Optional.empty(); // a copy of every row of one table guards what it takes, see TableCopies
        }
        if (everyRow && dropsRows(tokens, main, from)) {
            return Optional.empty(); // which rows such a copy keeps is not said by a WHERE or a join
        }
        List<Token> unfiltered = tokens.subList(0,
                joins.map(SourceJoins::start).orElse(where < 0 ? tokens.size() : where));
        Optional<CopyShape> shape = CopyShape.of(unfiltered, main, selectIntoMakesTable);
        Optional<Table> table = shape.flatMap(s -> before.table(s.source().text())).filter(Table::complete);
        if (table.isEmpty() || !hasKey(table.get(), before)) {
            return Optional.empty();
        }
        int list = shape.get().select() + 1;
        Set<String> asTheyAre = joins.isEmpty()
                ? ColumnListCopy.columnsReadAsTheyAre(unfiltered, list, shape.get().listEnd())
                : joins.get().sourceColumnsAsTheyAre(unfiltered, list, shape.get().listEnd(), table.get(),
                        joins.get().sourceNames(unfiltered, shape.get().source()));
        // The replay's map is by key; a note names each column as the table spells it ("ApiKey", not "apikey").
        List<String> known = table.get().columns().entrySet().stream()
                .filter(column -> asTheyAre.contains(SchemaNames.key(column.getKey())))
                .map(column -> SchemaNames.unquoted(column.getValue().name())).sorted().toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        boolean keyed = keyAmong(table.get(), before, asTheyAre).isPresent();
        // A join may leave out rows that hold values, whatever the WHERE requires of them; with two columns
        // required, a row left out for lack of one still has a value in the other.
        Optional<List<String>> nullable = joins.isPresent() || distinct.isPresent() ? Optional.empty()
                : requiredValues(tokens, where).map(columns -> withoutDeclaredNotNull(columns, table.get()));
        Set<String> required = Set.copyOf(nullable.orElse(List.of()));
        // A WHERE that tests only NOT NULL columns for a value leaves no row out
        Set<String> everyValue = everyRow || nullable.filter(List::isEmpty).isPresent() ? asTheyAre
                : required.size() == 1 ? required : Set.of();
        List<String> choosers = new ArrayList<>();
        joins.ifPresent(j -> j.inner().forEach(joined -> choosers.add("its join with " + joined)));
        if (where >= 0) {
            choosers.add("its WHERE");
        }
        String narrowing = String.join(" and ", choosers) + (choosers.size() > 1 ? " select"
                : where >= 0 ? " selects" : " matches");
        String rows = everyRow ? "of " + SchemaNames.unquoted(shape.get().source().text())
                : distinct.map(d -> d.rows() + (choosers.isEmpty() ? "" : ", among those " + narrowing))
                        .orElse(narrowing);
        Set<String> named = unfiltered.subList(list, shape.get().listEnd()).stream().filter(ColumnListCopy::isName)
                .map(token -> SchemaNames.key(token.text())).collect(Collectors.toSet());
        List<String> leftOut = table.get().columns().entrySet().stream()
                .filter(column -> !named.contains(SchemaNames.key(column.getKey())))
                .map(column -> SchemaNames.unquoted(column.getValue().name())).toList();
        return Optional.of(new CarriedColumns(SchemaNames.unquoted(shape.get().source().text()),
                SchemaNames.unquoted(shape.get().target().text()), known, everyValue, keyed, rows, leftOut));
    }

    /** Words of a query, after its FROM, or of an INSERT, that merge, limit or skip some of the rows it reads. */
    private static final String[] ROW_DROPPING = {"GROUP", "HAVING", "LIMIT", "OFFSET", "FETCH", "UNION", "EXCEPT",
        "INTERSECT", "MINUS", "QUALIFY", "TABLESAMPLE", "CONFLICT", "DUPLICATE"};

    /**
     * True when the copy at {@code main} may leave rows of its FROM out although it has no WHERE: it groups or limits
     * them, combines the query with another, or skips the rows that break a constraint ({@code ON CONFLICT DO
     * NOTHING}, {@code INSERT IGNORE}, SQLite's {@code INSERT OR IGNORE}).
     */
    private static boolean dropsRows(List<Token> tokens, int main, int from) {
        if (main + 1 < tokens.size() && tokens.get(main + 1).isAnyWord("IGNORE", "OR")) {
            return true;
        }
        for (String word : ROW_DROPPING) {
            if (from >= 0 && TopLevel.wordIndex(tokens, from, word) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code table} has a primary key, or a unique key that tells its rows apart as well. */
    private static boolean hasKey(Table table, SchemaView before) {
        return !table.primaryKey().isEmpty() || !before.uniqueKeys(table.name()).isEmpty();
    }

    /**
     * The key of {@code table} whose every column is among {@code columns} (keys): its primary key, else a unique key
     * of NOT NULL columns ({@code tenant, name}), which says as well which row each copied value came from.
     */
    private static Optional<List<String>> keyAmong(Table table, SchemaView before, Set<String> columns) {
        List<String> primary = table.primaryKey();
        if (!primary.isEmpty() && primary.stream().allMatch(c -> columns.contains(SchemaNames.key(c)))) {
            return Optional.of(primary);
        }
        return before.uniqueKeys(table.name()).stream()
                .filter(unique -> unique.stream().allMatch(c -> columns.contains(SchemaNames.key(c)))).findFirst();
    }

    /**
     * The keys of the columns a WHERE at {@code where} (-1 for none) requires a value in, {@code [alias.]c IS NOT NULL
     * [AND ..]} or {@code NOT [alias.]c IS NULL} (NOT binds looser than IS): a row left out has no value in them to
     * lose. Empty when the WHERE says anything else.
     */
    static Optional<List<String>> requiredValues(List<Token> tokens, int where) {
        return valueTests(tokens, where, "AND");
    }

    /**
     * The keys of the columns a WHERE at {@code where} selects the rows with a value in any of, {@code [alias.]a IS
     * NOT NULL OR [alias.]b IS NOT NULL [OR ..]}: a row left out has no value in any of them to lose. Empty when the
     * WHERE says anything else, or tests one column alone ({@link #requiredValues} reads that).
     */
    static Optional<List<String>> valueInAnyOf(List<Token> tokens, int where) {
        return valueTests(tokens, where, "OR").filter(columns -> columns.size() > 1);
    }

    /**
     * {@code required} (keys) without the columns {@code table} declares NOT NULL, whose test holds in every row and
     * so leaves none out: ORM-written copies test the key beside the column they move ({@code WHERE d.id IS NOT NULL
     * AND d.body IS NOT NULL}); empty when every one is NOT NULL, a WHERE that selects every row.
     */
    private static List<String> withoutDeclaredNotNull(List<String> required, Table table) {
        Set<String> key = table.primaryKey().stream().map(SchemaNames::key).collect(Collectors.toSet());
        List<String> nullable = required.stream().filter(column -> !key.contains(column)
                && !table.column(column).map(Column::notNull).orElse(false)).toList();
        return nullable;
    }

    /** The columns of the value tests that {@code joiner} (AND, OR) joins into the whole of the WHERE. */
    private static Optional<List<String>> valueTests(List<Token> tokens, int where, String joiner) {
        List<String> required = new ArrayList<>();
        for (int i = where + 1; where >= 0 && i < tokens.size() && !tokens.get(i).isSymbol(";"); i++) {
            boolean negated = tokens.get(i).isWord("NOT");
            i += negated ? 1 : 0;
            i += i + 2 < tokens.size() && ColumnListCopy.isName(tokens.get(i)) && tokens.get(i + 1).isSymbol(".")
                    ? 2 : 0;
            int end = i + (negated ? 3 : 4);
            if (end > tokens.size() || !ColumnListCopy.isName(tokens.get(i)) || !tokens.get(i + 1).isWord("IS")
                    || (negated ? !tokens.get(i + 2).isWord("NULL")
                            : !tokens.get(i + 2).isWord("NOT") || !tokens.get(i + 3).isWord("NULL"))
                    || end < tokens.size() && !tokens.get(end).isWord(joiner) && !tokens.get(end).isSymbol(";")) {
                return Optional.empty();
            }
            required.add(SchemaNames.key(tokens.get(i).text()));
            i = end; // at the AND or OR, which the loop steps over
        }
        return Optional.of(required);
    }
}
