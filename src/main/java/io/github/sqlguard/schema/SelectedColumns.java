package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of a table a query makes, when its select list names them all: {@code CREATE TABLE t AS SELECT DISTINCT
 * a, s.b AS c FROM s} and {@code SELECT a, b INTO t FROM s} make a table of exactly those columns, the scratch copy
 * that scripts deduplicating a table by copying it out and back keep for one step. A list with {@code *} or an
 * expression names columns the replay cannot tell, and leaves the table's columns unknown.
 */
final class SelectedColumns {

    private SelectedColumns() {
    }

    /**
     * The names of the columns a query's select list makes, {@code from} being just after its SELECT and the list
     * ending at its FROM, INTO or end; empty as {@link #of}.
     */
    static Optional<List<String>> ofQuery(List<Token> tokens, int from) {
        return of(tokens, from, listEnd(tokens, from));
    }

    /** The index of the FROM or INTO that ends the select list starting at {@code from}, else the end. */
    static int listEnd(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isAnyWord("FROM", "INTO")) {
                return i;
            }
        }
        return tokens.size();
    }

    /**
     * Replays {@code SELECT .. INTO t FROM ..}, {@code from} being just after its SELECT, where it makes table
     * {@code t} (T-SQL, and PostgreSQL at a script's top level): with the columns its list names (or every column of
     * its source for {@code SELECT *}), of their source's types where it reads one table the replay knows, or as a
     * table whose columns are not read. A temporary table ({@code INTO TEMP t}, T-SQL's {@code #t}) goes with its session.
     */
    static void replaySelectInto(List<Token> tokens, int from, boolean keepsNotNull, SchemaHistory schema) {
        int into = listEnd(tokens, from);
        if (into >= tokens.size() || !tokens.get(into).isWord("INTO")) {
            return;
        }
        int at = into + 1;
        if (at < tokens.size() && tokens.get(at).isAnyWord("TEMP", "TEMPORARY")) {
            return;
        }
        at += at < tokens.size() && tokens.get(at).isAnyWord("UNLOGGED", "TABLE") ? 1 : 0;
        at += at < tokens.size() && tokens.get(at).isWord("TABLE") ? 1 : 0;
        SchemaNames.Read name = SchemaNames.name(tokens, at);
        if (name == null || ObjectNames.isVariable(name.text()) || ObjectNames.isHashTemporary(name.text())
                || ObjectNames.isHashTemporary(SchemaNames.key(name.text()))) {
            return;
        }
        String table = SchemaNames.unquoted(name.text());
        Optional<List<String>> columns = of(tokens, from, into);
        Optional<Map<String, Column>> everyColumn = columns.isPresent() || !selectsEveryColumn(tokens, from, into)
                ? Optional.empty() : SelectedColumnTypes.ofEveryColumn(tokens, into, keepsNotNull, schema);
        if (columns.isPresent()) {
            schema.put(new Table(table, SelectedColumnTypes.of(tokens, from, into, columns.get(), keepsNotNull, schema),
                    List.of(), List.of(), true, false));
        } else if (everyColumn.isPresent()) {
            schema.put(new Table(table, everyColumn.get(), List.of(), List.of(), true, false));
        } else {
            schema.put(new Table(table, Map.of(), List.of(), List.of(), false, false));
            schema.createdWithoutColumns(table, "created by SELECT .. INTO");
        }
    }

    /** True when the select list between {@code from} and {@code to} is {@code *} or {@code s.*} alone. */
    private static boolean selectsEveryColumn(List<Token> tokens, int from, int to) {
        return to - from == 1 && tokens.get(from).isSymbol("*") || to - from == 3 && tokens.get(from + 1).isSymbol(".")
                && tokens.get(from + 2).isSymbol("*");
    }

    /**
     * The names of the columns the select list between {@code from} (just after SELECT) and {@code to} makes, in
     * order; empty when an item is not a plain column, with or without a table and an alias.
     */
    static Optional<List<String>> of(List<Token> tokens, int from, int to) {
        int start = from < to && tokens.get(from).isAnyWord("DISTINCT", "ALL") ? from + 1 : from;
        List<String> names = new ArrayList<>();
        for (List<Token> item : ObjectNames.splitAtCommas(tokens, start, to)) {
            SchemaNames.Read column = SchemaNames.name(item, 0);
            if (column == null || column.text().contains("*")) {
                return Optional.empty();
            }
            int next = column.next();
            next += next < item.size() && item.get(next).isWord("AS") ? 1 : 0;
            String name;
            if (next == item.size() && !item.get(next - 1).isWord("AS")) {
                String[] parts = column.text().split("\\.");
                name = parts[parts.length - 1];
            } else if (next + 1 == item.size() && SchemaNames.name(item, next) != null) {
                name = item.get(next).text();
            } else {
                return Optional.empty();
            }
            names.add(SchemaNames.unquoted(name));
        }
        boolean distinct = names.stream().map(SchemaNames::key).collect(Collectors.toCollection(HashSet::new)).size()
                == names.size();
        return names.isEmpty() || !distinct ? Optional.empty() : Optional.of(names);
    }
}
