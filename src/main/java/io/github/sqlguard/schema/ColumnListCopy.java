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
 *
 * <p>A copy of only the rows a WHERE or join selects is {@link SelectedRowsCopy}'s to read.
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
        Optional<List<String>> required = SelectedRowsCopy.requiredValues(tokens, where);
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
                        Set.copyOf(required.orElse(List.of())),
                        CopyTargetKey.sourceColumns(tokens, main, before, selectIntoMakesTable)));
    }

    /**
     * A copy of every row by a column list from a table whose columns the replay does not all know.
     *
     * @param source the table read, unquoted
     * @param target the table written, unquoted
     * @param asTheyAre the keys of the columns the list copies as they are, not through an expression
     * @param withValueIn the key of the column whose rows with a value the copy keeps, the others left out; empty
     *     when it copies every row
     * @param fillTargetKey the keys of the columns whose values fill the whole primary key of the target
     *     ({@link CopyTargetKey}), which therefore tell the copied rows apart; empty when none does
     */
    record Unverified(String source, String target, Set<String> asTheyAre, Set<String> withValueIn,
            Set<String> fillTargetKey) {

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
     * The copy by column list at {@code main}, with the columns of its source it reads and those it leaves out, when
     * the replay knows every column of the source; else empty.
     *
     * @param selectIntoMakesTable whether {@code SELECT .. INTO x FROM t} creates table {@code x} (T-SQL, and a
     *     top-level statement elsewhere) rather than filling variables (PL/SQL, PL/pgSQL and MySQL routines)
     */
    static Optional<Partial> read(List<Token> tokens, int main, SchemaView before,
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
    static Set<String> columnsReadAsTheyAre(List<Token> tokens, int from, int to) {
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
