package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A copy of every row and every column of a table that names the columns instead of {@code SELECT *}:
 * {@code INSERT INTO new_t (id, name) SELECT id, name FROM t}, {@code CREATE TABLE new_t AS SELECT id, name FROM t},
 * or T-SQL's {@code SELECT id, name INTO new_t FROM t}.
 * SQLite can change a column only by rebuilding
 * its table (create the new table, copy the rows, drop the old one, rename the new one), and real projects write
 * that copy with column lists. It is a full copy when the replay knows every column of the source and the select
 * list reads each of them, from the source alone, with no condition, grouping, DISTINCT or limit that would
 * leave rows behind. A column read only inside an expression ({@code IFNULL(color, '')}) counts as copied, unless
 * the expression only tests it ({@code CASE WHEN color IS NULL ..}, {@link TestedNames}); a column that only names an
 * alias ({@code NULL AS color}) does not. A generated column need not be read.
 */
final class ColumnListCopy {

    private ColumnListCopy() {
    }

    /**
     * The copy {@code INSERT INTO target [(..)] SELECT .. FROM source} (or {@code SELECT .. INTO target FROM source})
     * at {@code main} makes, when it copies every
     * row and every column of {@code source} as {@code before} knows it.
     */
    static Optional<DestroyedTables.Copy> of(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        return read(tokens, main, before, selectIntoMakesTable).filter(copy -> copy.missing().isEmpty())
                .map(copy -> new DestroyedTables.Copy(copy.source(), copy.target()));
    }

    /**
     * The keys of the columns the copy at {@code main} reads from its source, when it is a full copy by a column list
     * ({@link #of}); empty for any other statement.
     */
    static Optional<Set<String>> columnsOfFullCopy(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        return read(tokens, main, before, selectIntoMakesTable).filter(copy -> copy.missing().isEmpty())
                .map(Partial::kept);
    }

    /**
     * The columns of {@code INSERT INTO target (a, b) SELECT a, b FROM source}, a copy of every row, that take a
     * source column as it is, by their place in the two lists: the target column's key to the source column's.
     *
     * @param source the table read, unquoted
     * @param target the table written, unquoted
     * @param literals the target columns the copy fills with one literal ({@code 'USER'}, {@code 7}), by key, with
     *     the literal as written
     */
    record TakenColumns(String source, String target, Map<String, String> sourceOf, Map<String, String> literals) {
    }

    /** The columns the INSERT at {@code main} takes as they are from every row of its one source, else empty. */
    static Optional<TakenColumns> takenAsTheyAre(List<Token> tokens, int main) {
        if (main >= tokens.size() || !tokens.get(main).isWord("INSERT")) {
            return Optional.empty(); // every statement comes here: only a copy is read further
        }
        Optional<CopyShape> shape = CopyShape.of(tokens, main, false);
        if (shape.isEmpty() || !tokens.get(shape.get().target().next()).isSymbol("(")) {
            return Optional.empty();
        }
        List<String> written = SchemaNames.parenthesisedNames(tokens, shape.get().target().next());
        List<List<Token>> items = ObjectNames.splitAtCommas(tokens, shape.get().select() + 1,
                shape.get().listEnd());
        if (written.size() != items.size()) {
            return Optional.empty();
        }
        Map<String, String> sourceOf = new HashMap<>();
        Map<String, String> literals = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            List<Token> item = items.get(k);
            if (item.size() == 1 && (item.get(0).type() == TokenType.STRING
                    || item.get(0).type() == TokenType.NUMBER)) {
                literals.put(SchemaNames.key(written.get(k)), item.get(0).text());
            } else if (item.size() == 1 && isName(item.get(0))) {
                sourceOf.put(SchemaNames.key(written.get(k)), SchemaNames.key(item.get(0).text()));
            } else if (item.size() == 3 && isName(item.get(0)) && item.get(1).isSymbol(".") && isName(item.get(2))) {
                sourceOf.put(SchemaNames.key(written.get(k)), SchemaNames.key(item.get(2).text()));
            }
        }
        return Optional.of(new TakenColumns(SchemaNames.unquoted(shape.get().source().text()),
                SchemaNames.unquoted(shape.get().target().text()), Map.copyOf(sourceOf), Map.copyOf(literals)));
    }

    /**
     * A copy of every row that leaves out columns of its source the replay knows: {@code INSERT INTO new_t (id)
     * SELECT id FROM t} when {@code t} also has {@code name}. A table rebuild written so loses those columns.
     *
     * @param source the table read, unquoted
     * @param target the table written, unquoted
     * @param missing the source's columns the select list does not read, as the replay spells them
     * @param kept the keys of the source's columns the select list reads
     */
    record Partial(String source, String target, List<String> missing, Set<String> kept) {
    }

    /** The copy at {@code main} when it copies every row of its source but not every column, else empty. */
    static Optional<Partial> partial(List<Token> tokens, int main, SchemaView before, boolean selectIntoMakesTable) {
        return read(tokens, main, before, selectIntoMakesTable).filter(copy -> !copy.missing().isEmpty());
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
        if (requiredIfAny.isEmpty()) {
            return Optional.empty();
        }
        List<String> required = requiredIfAny.get();
        List<Token> unfiltered = where < 0 ? tokens : tokens.subList(0, where);
        Optional<Partial> copy = read(unfiltered, main, before, selectIntoMakesTable);
        Optional<Table> table = copy.flatMap(c -> before.table(c.source()));
        if (copy.isEmpty() || table.isEmpty() || !hasKey(table.get(), before)) {
            return Optional.empty();
        }
        Set<String> columns = new HashSet<>(table.get().columns().keySet());
        copy.get().missing().forEach(column -> columns.remove(SchemaNames.key(column)));
        Optional<List<String>> key = keyAmong(table.get(), before, columns);
        boolean keyed = key.isPresent();
        boolean moved = keyed && columns.containsAll(required)
                && flag.map(f -> FlagCondition.isRequiredFlag(table.get(), f)).orElse(true);
        if (where >= 0) {
            // A row left out keeps its values in every other column, and loses them when they are dropped; with two
            // columns required, a row left out for lack of one still has a value in the other. A flag that selects
            // the rows is told by which keys the target holds.
            columns.retainAll(required.size() > 1 ? Set.of() : required);
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
     * of the rows left out, or which row each belonged to when the primary key is not copied beside them, did not.
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
    static Optional<CarriedColumns> carried(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("INSERT", "SELECT")) {
            return Optional.empty(); // every statement comes here: only a copy is read further
        }
        int where = TopLevel.wordIndex(tokens, main + 1, "WHERE");
        int from = TopLevel.wordIndex(tokens, main + 1, "FROM");
        Optional<SourceJoins> joins = SourceJoins.of(tokens, from, where < 0 ? tokens.size() : where, before);
        if (where < 0 && joins.map(j -> j.inner().isEmpty()).orElse(true)) {
            return Optional.empty(); // a copy of every row guards what it takes, see TableCopies
        }
        List<Token> unfiltered = tokens.subList(0, joins.map(SourceJoins::start).orElse(where));
        Optional<CopyShape> shape = CopyShape.of(unfiltered, main, selectIntoMakesTable);
        Optional<Table> table = shape.flatMap(s -> before.table(s.source().text())).filter(Table::complete);
        if (table.isEmpty() || !hasKey(table.get(), before)) {
            return Optional.empty();
        }
        int list = shape.get().select() + 1;
        Set<String> asTheyAre = joins.isEmpty() ? columnsReadAsTheyAre(unfiltered, list, shape.get().listEnd())
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
        // A join may leave out rows that hold values, whatever the WHERE requires of them.
        Set<String> everyValue = joins.isPresent() ? Set.of()
                : Set.copyOf(requiredValues(tokens, where).orElse(List.of()));
        List<String> choosers = new ArrayList<>();
        joins.ifPresent(j -> j.inner().forEach(joined -> choosers.add("its join with " + joined)));
        if (where >= 0) {
            choosers.add("its WHERE");
        }
        String rows = String.join(" and ", choosers) + (choosers.size() > 1 ? " select"
                : where >= 0 ? " selects" : " matches");
        Set<String> named = unfiltered.subList(list, shape.get().listEnd()).stream().filter(ColumnListCopy::isName)
                .map(token -> SchemaNames.key(token.text())).collect(Collectors.toSet());
        List<String> leftOut = table.get().columns().entrySet().stream()
                .filter(column -> !named.contains(SchemaNames.key(column.getKey())))
                .map(column -> SchemaNames.unquoted(column.getValue().name())).toList();
        return Optional.of(new CarriedColumns(SchemaNames.unquoted(shape.get().source().text()),
                SchemaNames.unquoted(shape.get().target().text()), known, everyValue, keyed, rows, leftOut));
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
    private static Optional<List<String>> requiredValues(List<Token> tokens, int where) {
        List<String> required = new ArrayList<>();
        for (int i = where + 1; where >= 0 && i < tokens.size() && !tokens.get(i).isSymbol(";"); i++) {
            boolean negated = tokens.get(i).isWord("NOT");
            i += negated ? 1 : 0;
            i += i + 2 < tokens.size() && isName(tokens.get(i)) && tokens.get(i + 1).isSymbol(".") ? 2 : 0;
            int end = i + (negated ? 3 : 4);
            if (end > tokens.size() || !isName(tokens.get(i)) || !tokens.get(i + 1).isWord("IS")
                    || (negated ? !tokens.get(i + 2).isWord("NULL")
                            : !tokens.get(i + 2).isWord("NOT") || !tokens.get(i + 3).isWord("NULL"))
                    || end < tokens.size() && !tokens.get(end).isWord("AND") && !tokens.get(end).isSymbol(";")) {
                return Optional.empty();
            }
            required.add(SchemaNames.key(tokens.get(i).text()));
            i = end; // at the AND, which the loop steps over
        }
        return Optional.of(required);
    }

    /**
     * A copy of every row by a column list from a table whose columns the replay does not all know ({@code INSERT
     * INTO t (id, name) SELECT id, name FROM t_old} after {@code CREATE TABLE t_old AS SELECT * FROM t} of a table
     * created before the scripts checked): whether it keeps every column cannot be told, nor that it loses one.
     * Also a copy of every row that has a value in one column ({@code .. FROM issue WHERE assignee IS NOT NULL}):
     * the rows it leaves out have no value in that column to lose.
     */
    static Optional<Unverified> unverified(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("INSERT", "SELECT", "CREATE")) {
            return Optional.empty(); // every statement comes here: only a copy is read further
        }
        int where = TopLevel.wordIndex(tokens, main + 1, "WHERE");
        Optional<List<String>> required = requiredValues(tokens, where);
        if (where >= 0 && (required.isEmpty() || required.get().size() != 1)) {
            return Optional.empty(); // with two required, a row left out for lack of one has a value in the other
        }
        List<Token> unfiltered = where < 0 ? tokens : tokens.subList(0, where);
        return CopyShape.of(unfiltered, main, selectIntoMakesTable)
                .filter(copy -> before.table(copy.source().text()).filter(Table::complete)
                        .filter(table -> !table.columns().isEmpty()).isEmpty())
                .map(copy -> new Unverified(SchemaNames.unquoted(copy.source().text()),
                        SchemaNames.unquoted(copy.target().text()),
                        columnsReadAsTheyAre(unfiltered, copy.select() + 1, copy.listEnd()),
                        Set.copyOf(required.orElse(List.of()))));
    }

    /**
     * A copy of every row by a column list from a table whose columns the replay does not all know.
     *
     * @param source the table read, unquoted
     * @param target the table written, unquoted
     * @param asTheyAre the keys of the columns the list copies as they are, not through an expression
     * @param withValueIn the key of the column whose rows with a value the copy keeps, the others left out; empty
     *     when it copies every row
     */
    record Unverified(String source, String target, Set<String> asTheyAre, Set<String> withValueIn) {

        boolean everyRow() {
            return withValueIn.isEmpty();
        }
    }

    /**
     * The parts of a copy by column list: the table read and the table written (unquoted), the target columns the
     * INSERT lists (empty when it lists none), and the value of each item of the select list, its alias left out.
     */
    record SelectList(String source, String target, List<String> targetColumns, List<List<Token>> items) {
    }

    /** The parts of the copy by column list at {@code main} ({@link #of} reads the same shape), else empty. */
    static Optional<SelectList> selectList(List<Token> tokens, int main, boolean selectIntoMakesTable) {
        if (main >= tokens.size() || !tokens.get(main).isAnyWord("INSERT", "SELECT", "CREATE")) {
            return Optional.empty(); // every statement comes here: only a copy is read further
        }
        Optional<CopyShape> shape = CopyShape.of(tokens, main, selectIntoMakesTable);
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        int afterTarget = shape.get().target().next();
        List<String> written = tokens.get(main).isWord("INSERT") && afterTarget < tokens.size()
                && tokens.get(afterTarget).isSymbol("(") ? SchemaNames.parenthesisedNames(tokens, afterTarget)
                : List.of();
        List<List<Token>> items = new ArrayList<>();
        for (List<Token> item : ObjectNames.splitAtCommas(tokens, shape.get().select() + 1, shape.get().listEnd())) {
            items.add(item.subList(0, valueEnd(item)));
        }
        return Optional.of(new SelectList(SchemaNames.unquoted(shape.get().source().text()),
                SchemaNames.unquoted(shape.get().target().text()), written, List.copyOf(items)));
    }

    /** Where the value of a select list's item ends: before {@code AS x}, or a name right after a value. */
    private static int valueEnd(List<Token> item) {
        int end = item.size();
        if (end >= 2 && item.get(end - 2).isWord("AS")) {
            return end - 2;
        }
        return end >= 2 && isName(item.get(end - 1)) && endsValue(item.get(end - 2)) ? end - 1 : end;
    }

    /**
     * @param selectIntoMakesTable whether {@code SELECT .. INTO x FROM t} creates table {@code x} (T-SQL, and a
     *     top-level statement elsewhere) rather than filling variables (PL/SQL, PL/pgSQL and MySQL routines)
     */
    private static Optional<Partial> read(List<Token> tokens, int main, SchemaView before,
            boolean selectIntoMakesTable) {
        Optional<CopyShape> shape = CopyShape.of(tokens, main, selectIntoMakesTable);
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        SchemaNames.Read source = shape.get().source();
        Optional<Table> table = before.table(source.text()).filter(Table::complete);
        if (table.isEmpty() || table.get().columns().isEmpty()) {
            return Optional.empty();
        }
        Set<String> read = columnsRead(tokens, shape.get().select() + 1, shape.get().listEnd());
        List<String> missing = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        // A table two histories defined has the columns of its last definition, whose types are not certain, and
        // may have those only another gave it: a copy of every row must read those too.
        boolean mixed = before.createdAgainNote(source.text()).isPresent();
        for (String column : table.get().columns().keySet()) {
            Optional<Column> known = mixed ? table.get().column(column) : before.column(source.text(), column);
            if (known.isEmpty()) {
                return Optional.empty();
            }
            if (read.contains(column)) {
                kept.add(SchemaNames.key(column));
            } else if (!known.get().computed()) {
                // A generated column holds nothing of its own, and the databases refuse a value for one, so a
                // rebuild's copy leaves it out and the new table computes it again
                missing.add(known.get().name());
            }
        }
        before.namesOfOtherDefinitions(source.text()).stream()
                .filter(column -> !read.contains(SchemaNames.key(column))).forEach(missing::add);
        // A name the list reads from the one source is its column even when the replay misses it (scripts of
        // another order): a column dropped later went with the copy, it was not left out
        kept.addAll(read);
        return Optional.of(new Partial(SchemaNames.unquoted(source.text()),
                SchemaNames.unquoted(shape.get().target().text()), missing, Set.copyOf(kept)));
    }

    /**
     * The keys of the names the select list in {@code [from, to)} reads, leaving out each item's alias
     * ({@code AS x}, or a name right after a literal, a name or a closing parenthesis), each name's qualifier, and
     * the names an item only tests ({@link TestedNames}), whose values it does not keep.
     */
    private static Set<String> columnsRead(List<Token> tokens, int from, int to) {
        Set<String> read = new HashSet<>();
        for (List<Token> item : ObjectNames.splitAtCommas(tokens, from, to)) {
            int end = valueEnd(item);
            Set<Integer> tested = TestedNames.in(item, end);
            for (int i = 0; i < end; i++) {
                Token token = item.get(i);
                boolean qualifier = i + 1 < end && item.get(i + 1).isSymbol(".");
                if (isName(token) && !qualifier && !tested.contains(i)) {
                    read.add(SchemaNames.key(token.text()));
                }
            }
        }
        return read;
    }

    /** The keys of the items of the select list in {@code [from, to)} that are a column alone, aliased or not. */
    private static Set<String> columnsReadAsTheyAre(List<Token> tokens, int from, int to) {
        Set<String> read = new HashSet<>();
        for (List<Token> item : ObjectNames.splitAtCommas(tokens, from, to)) {
            int end = item.size() >= 3 && item.get(item.size() - 2).isWord("AS") ? item.size() - 2 : item.size();
            end = end == 2 && isName(item.get(1)) ? 1 : end;
            if (end == 1 && isName(item.get(0))) {
                read.add(SchemaNames.key(item.get(0).text()));
            } else if (end == 3 && isName(item.get(0)) && item.get(1).isSymbol(".") && isName(item.get(2))) {
                read.add(SchemaNames.key(item.get(2).text()));
            }
        }
        return read;
    }

    private static boolean endsValue(Token token) {
        return token.isSymbol(")") || token.type() == TokenType.STRING || token.type() == TokenType.NUMBER
                || isName(token);
    }

    static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
