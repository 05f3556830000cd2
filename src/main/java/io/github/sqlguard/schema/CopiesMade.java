package io.github.sqlguard.schema;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads one statement for the copies of rows it makes ({@code INSERT INTO t_new SELECT .. FROM t}, {@code CREATE
 * TABLE .. AS SELECT}, {@code SELECT .. INTO}) and records each in {@link TableCopies}: a copy of every row and
 * column, one that leaves columns or rows out or converts values, one by a column list sqlguard cannot check, columns
 * moved or carried to another table.
 */
final class CopiesMade {

    private CopiesMade() {
    }

    /**
     * Records in {@code copies} the copy, if any, that the statement of {@code statement} (its main keyword at
     * {@code main}) makes, at {@code at} ({@code "line 4"}), {@code before} being the schema just before it;
     * {@code unwrittenIn} gives, by a table's key, the keys of its columns that hold nothing anyone wrote, and
     * {@code distinctIn} those that hold a value of their own in every row.
     */
    static void record(TableCopies copies, List<Token> statement, int main, SchemaView before,
            boolean selectIntoMakesTable, String at, Function<String, Set<String>> unwrittenIn,
            Function<String, Set<String>> distinctIn, Dialect dialect) {
        // Only these verbs copy rows, and of them only those reading a query: CREATE TABLE t (..), CREATE INDEX,
        // CREATE VIEW, INSERT .. VALUES, ALTER and UPDATE, most of a migration, need not be read further.
        if (main >= statement.size() || !statement.get(main).isAnyWord("CREATE", "INSERT", "SELECT")
                || !statement.get(main).isWord("SELECT") && !RowCopies.readsRows(statement, main)) {
            return;
        }
        // FROM a, b WHERE a.x = b.y copies what FROM a JOIN b ON a.x = b.y does: the readers below know joins
        // WHERE true keeps every row, as a copy with no WHERE does; SQLite asks for it before an upsert clause
        statement = ConstantTrueWhere.withoutIt(withoutQueryParentheses(statement, main), main);
        statement = CommaJoins.asJoins(statement, main);
        statement = KeyedDistinctOn.withoutIt(statement, main, before, selectIntoMakesTable);
        copies.backLinks().observeCopy(statement, main, at);
        // A join along a NOT NULL foreign key keeps every row: the copy is read as if it were not there.
        Optional<ForeignKeyJoin.Followed> keyJoin = ForeignKeyJoin.of(statement, main, before);
        List<Token> tokens = keyJoin.map(ForeignKeyJoin.Followed::tokens).orElse(statement);
        String how = keyJoin.map(ForeignKeyJoin.Followed::note).orElse("");
        // A WHERE chooses the rows, not how their values convert: the columns of a copy of some rows are read as
        // those of a copy of all of them, so that a narrower column there is no place the values moved to.
        int where = TopLevel.wordIndex(tokens, main + 1, "WHERE");
        List<Token> unfiltered = where < 0 ? tokens : tokens.subList(0, where);
        Map<String, String> converted = ColumnListCopy.selectList(unfiltered, main, selectIntoMakesTable)
                .map(list -> convertedNotes(CopyConversions.of(unfiltered, main, before, dialect,
                        selectIntoMakesTable), list.source(), list.target(), before, at)).orElse(Map.of());
        Optional<Set<String>> listed = ColumnListCopy.columnsOfFullCopy(tokens, main, before, selectIntoMakesTable);
        RowCopies.full(tokens, main, before, selectIntoMakesTable).ifPresent(copy -> {
            Optional<Set<String>> read = listed.or(() -> knownColumns(before, copy.source()));
            // SELECT * fills the target's columns in their order: a narrower one there converts its column
            Map<String, String> conversions = listed.isPresent() ? converted : convertedNotes(CopyConversions
                    .ofEveryColumn(copy.source(), copy.target(), insertedColumns(tokens, main), before, dialect),
                    copy.source(), copy.target(), before, at);
            if (conversions.isEmpty() || read.isEmpty()) {
                copies.copied(copy.source(), copy.target(), at, how, read.orElse(null));
            } else {
                // Every column read, but some only through a conversion: a copy of the others, no guard of a drop
                copies.copiedWithout(new ColumnListCopy.Partial(copy.source(), copy.target(), List.of(), read.get()),
                        at, Set.of(), Optional.empty(), keptKey(before, copy.source(), read.get()), conversions);
            }
        });
        Optional<ColumnListCopy.Unverified> unverified = ColumnListCopy.unverified(tokens, main, before,
                selectIntoMakesTable);
        unverified.ifPresent(copy -> {
            String unknown = "sqlguard does not know every column of " + copy.source();
            if (!copy.everyRow()) {
                copies.copiedByUnknownList(copy, at, "the copy to " + copy.target() + " at " + at
                        + " keeps only the rows with a value in " + String.join(", ", copy.withValueIn()));
            } else if (copies.holdsWholeCopyOf(copy.source(), copy.target())) {
                copies.copiedByUnverifiedList(copy.source(), copy.target(), at, "rows copied back to " + copy.target()
                        + " at " + at + " by a column list; " + unknown + ", so check that the list names them all");
            } else {
                copies.copiedByUnknownList(copy, at, "the copy to " + copy.target() + " at " + at
                        + " lists its columns, and " + unknown + ": those it leaves out are lost");
            }
        });
        // A DISTINCT copy by a column list from a table whose columns are unknown loses both the rows it merges and
        // the columns it leaves out, and so does one through a WHERE or an inner join that the list's reading does not
        // already account for: no guard, but a drop of its source says where the rest went
        RowCopies.withoutDistinctOrNarrowing(tokens, main).or(() -> unverified.isPresent() ? Optional.empty()
                : RowCopies.withoutNarrowing(tokens, main)).ifPresent(read -> ColumnListCopy.unverified(read.tokens(),
                main, before, selectIntoMakesTable).filter(ColumnListCopy.Unverified::everyRow).ifPresent(copy -> {
                    copies.copiedInPart(copy.source(), "the copy to " + copy.target() + " at " + at
                            + " keeps only the rows " + read.rows() + ", and lists its columns; sqlguard does not"
                            + " know every column of " + copy.source() + ": those it leaves out are lost");
                    // A drop of a column the list took is no loss of the columns it left out: say where its values went
                    List<String> names = copy.asTheyAre().stream().map(key -> SchemaNames.asWrittenIn(tokens, key))
                            .map(SchemaNames::unquoted).sorted().toList();
                    copies.carried().record(new SelectedRowsCopy.CarriedColumns(copy.source(), copy.target(), names,
                            Set.of(), false, read.rows(), List.of()), at);
                }));
        RowCopies.narrowed(tokens, main, before, selectIntoMakesTable).ifPresent(narrowed -> copies.copiedInPart(
                narrowed.copy().source(), "the copy to " + narrowed.copy().target() + " at " + at
                        + " keeps only the rows " + narrowed.rows() + NarrowedColumns.of(CopyConversions.of(
                                narrowed.plain(), main, before, dialect, selectIntoMakesTable))));
        ColumnListCopy.partial(tokens, main, before, selectIntoMakesTable).ifPresent(copy -> copies.copiedWithout(copy,
                at, unwrittenIn.apply(SchemaNames.key(copy.source())), before.createdAgainNote(copy.source()),
                keptKey(before, copy.source(), copy.kept()) || copy.kept().stream()
                        .anyMatch(distinctIn.apply(SchemaNames.key(copy.source()))::contains), converted));
        SelectedRowsCopy.moved(tokens, main, before, selectIntoMakesTable).ifPresent(moved -> copies.moved(moved, at,
                converted.keySet()));
        SelectedRowsCopy.carried(tokens, main, before, selectIntoMakesTable)
                .ifPresent(copy -> copies.carried().record(copy, at));
    }

    /**
     * {@code statement} without the parentheses around the query of an INSERT ({@code INSERT INTO t (a, b) (SELECT
     * ..)}), which copies what the query without them does: the readers of copies look for its FROM and WHERE at the
     * statement's top level.
     */
    static List<Token> withoutQueryParentheses(List<Token> statement, int main) {
        if (!statement.get(main).isWord("INSERT")) {
            return statement;
        }
        int into = TopLevel.wordIndex(statement, main + 1, "INTO");
        SchemaNames.Read target = into < 0 ? null : SchemaNames.name(statement, into + 1);
        if (target == null) {
            return statement;
        }
        int open = target.next();
        if (open < statement.size() && statement.get(open).isSymbol("(") && !startsQuery(statement, open + 1)) {
            open = TopLevel.closingParenthesis(statement, open) + 1; // the column list
        }
        if (open <= 0 || open >= statement.size() || !statement.get(open).isSymbol("(")
                || !startsQuery(statement, open + 1)) {
            return statement;
        }
        int close = TopLevel.closingParenthesis(statement, open);
        int end = statement.size() - (statement.get(statement.size() - 1).isSymbol(";") ? 1 : 0);
        if (close != end - 1) {
            return statement; // a set operation or an ON CONFLICT after it: read as written
        }
        List<Token> unwrapped = new ArrayList<>(statement.subList(0, open));
        unwrapped.addAll(statement.subList(open + 1, close));
        unwrapped.addAll(statement.subList(close + 1, statement.size()));
        return unwrapped;
    }

    private static boolean startsQuery(List<Token> statement, int at) {
        return at < statement.size() && statement.get(at).isAnyWord("SELECT", "WITH");
    }

    /**
     * True when a copy of {@code source} that read {@code kept} (keys) took its whole primary key, as the replay
     * knows it, beside its values, or the whole of a unique key that tells its rows apart as well.
     */
    private static boolean keptKey(SchemaView before, String source, Set<String> kept) {
        boolean primary = before.table(source).map(Table::primaryKey).filter(key -> !key.isEmpty())
                .filter(key -> key.stream().allMatch(c -> kept.contains(SchemaNames.key(c)))).isPresent();
        return primary || before.uniqueKeys(source).stream()
                .anyMatch(key -> key.stream().allMatch(c -> kept.contains(SchemaNames.key(c))));
    }

    /**
     * The notes on the columns a copy converted ({@link CopyConversions}), by the column as its source spells it:
     * {@code "values of name converted to new_t at line 2 by substr, which may change them"}.
     */
    private static Map<String, String> convertedNotes(Map<String, Conversion> conversions, String source,
            String target, SchemaView before, String at) {
        Map<String, String> notes = new LinkedHashMap<>();
        conversions.forEach((column, conversion) -> {
            String name = before.column(source, column).map(Column::name).orElse(column);
            notes.put(name, "values of " + name + (conversion.kind() == Conversion.Kind.OTHER_COLUMN ? " copied to "
                    : " converted to ") + target + " at " + at + " " + conversion.how()
                    + (conversion.mayChangeValues() ? ", which may change them" : ""));
        });
        return notes;
    }

    /** The column list of an INSERT, {@code INSERT INTO t (b, a) SELECT ..}, in its order; empty without one. */
    private static List<String> insertedColumns(List<Token> tokens, int main) {
        if (!tokens.get(main).isWord("INSERT") || main + 1 >= tokens.size()) {
            return List.of();
        }
        SchemaNames.Read target = SchemaNames.name(tokens, tokens.get(main + 1).isWord("INTO") ? main + 2 : main + 1);
        int after = target == null ? tokens.size() : target.next();
        return after + 1 < tokens.size() && tokens.get(after).isSymbol("(") && !tokens.get(after + 1).isWord("SELECT")
                ? SchemaNames.parenthesisedNames(tokens, after) : List.of();
    }

    /** The keys of every column of {@code table} when the replay knows them all, which a {@code SELECT *} copies. */
    private static Optional<Set<String>> knownColumns(SchemaView before, String table) {
        return before.table(table).filter(Table::complete).filter(t -> !t.columns().isEmpty())
                .map(t -> t.columns().keySet().stream().map(SchemaNames::key).collect(Collectors.toSet()));
    }
}
