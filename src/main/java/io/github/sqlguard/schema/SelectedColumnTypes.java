package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types of the columns a query copies from one table the replay knows: {@code SELECT id, note INTO orders_tmp
 * FROM orders WHERE ..} and {@code CREATE TABLE orders_tmp AS SELECT o.id, o.note AS memo FROM orders o} make columns
 * of the types the source's columns have. A rebuild that copies a table out, drops it and renames the copy back
 * keeps the types, so a later change of a column is judged against the type it really had.
 */
final class SelectedColumnTypes {

    /** Words that may follow the one source and its alias without bringing in another table or changing types. */
    private static final Set<String> AFTER_SOURCE = Set.of("WHERE", "ORDER", "GROUP", "HAVING", "OPTION", "WITH");

    private SelectedColumnTypes() {
    }

    /**
     * The columns named {@code names} (the select list's own names, in order) with their sources' types, when every
     * item of the list between {@code listStart} and {@code listEnd} is a column of the one table the query reads
     * and the replay knows its columns in full; else each without a type.
     *
     * @param keepsNotNull true where the copy keeps a column's NOT NULL (T-SQL's {@code SELECT .. INTO}); PostgreSQL's
     *     {@code CREATE TABLE .. AS} makes every column nullable
     */
    static Map<String, Column> of(List<Token> tokens, int listStart, int listEnd, List<String> names,
            boolean keepsNotNull, SchemaHistory schema) {
        Map<String, Column> untyped = new LinkedHashMap<>();
        names.forEach(name -> untyped.put(SchemaNames.key(name), new Column(name, Optional.empty(), false)));
        Optional<Source> source = source(tokens, listEnd, schema);
        if (source.isEmpty()) {
            return untyped;
        }
        int start = listStart < listEnd && tokens.get(listStart).isAnyWord("DISTINCT", "ALL") ? listStart + 1 : listStart;
        List<List<Token>> items = ObjectNames.splitAtCommas(tokens, start, listEnd);
        if (items.size() != names.size()) {
            return untyped;
        }
        Map<String, Column> typed = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<Column> copied = sourceColumn(items.get(i), source.get());
            if (copied.isEmpty() || copied.get().type().isEmpty()) {
                return untyped;
            }
            Column column = copied.get().renamed(names.get(i)).withComputed(false);
            typed.put(SchemaNames.key(names.get(i)), keepsNotNull ? column : column.withNotNull(false));
        }
        return typed;
    }

    /**
     * Every column of the one table the query reads, with its type, for {@code SELECT * INTO t FROM s} and
     * {@code SELECT s.* INTO t FROM s}; empty when the replay does not know that table in full.
     */
    static Optional<Map<String, Column>> ofEveryColumn(List<Token> tokens, int listEnd, boolean keepsNotNull,
            SchemaHistory schema) {
        return source(tokens, listEnd, schema).map(source -> {
            Map<String, Column> copied = new LinkedHashMap<>();
            source.table().columns().forEach((key, column) -> copied.put(key,
                    keepsNotNull ? column.withComputed(false) : column.withNotNull(false).withComputed(false)));
            return copied;
        });
    }

    /** The one table read, known in full, and the names its columns may be qualified with. */
    private record Source(Table table, String name, String alias) {
    }

    /** The table of {@code FROM t [[AS] a]} after {@code listEnd} (or after the INTO's target there), or empty. */
    private static Optional<Source> source(List<Token> tokens, int listEnd, SchemaHistory schema) {
        int from = TopLevel.wordIndex(tokens, listEnd, "FROM");
        SchemaNames.Read name = from < 0 ? null : SchemaNames.name(tokens, from + 1);
        if (name == null || ObjectNames.isVariable(name.text()) || name.text().startsWith("#")) {
            return Optional.empty();
        }
        int next = name.next();
        String alias = null;
        next += next < tokens.size() && tokens.get(next).isWord("AS") ? 1 : 0;
        if (next < tokens.size() && SchemaNames.name(tokens, next) != null
                && !tokens.get(next).isAnyWord(AFTER_SOURCE.toArray(String[]::new))
                && !tokens.get(next).isAnyWord("JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "OUTER", "UNION",
                        "EXCEPT", "INTERSECT", "PIVOT", "UNPIVOT", "TABLESAMPLE")) {
            alias = tokens.get(next).text();
            next++;
        }
        if (next < tokens.size() && !tokens.get(next).isSymbol(";")
                && !tokens.get(next).isAnyWord(AFTER_SOURCE.toArray(String[]::new))) {
            return Optional.empty();
        }
        if (next < tokens.size() && TopLevel.firstWordIndex(tokens, next, "UNION", "EXCEPT", "INTERSECT") >= 0) {
            return Optional.empty();
        }
        String source = name.text();
        String aliasName = alias;
        return schema.current(source).filter(Table::complete).filter(table -> !table.columns().isEmpty())
                .map(table -> new Source(table, source, aliasName));
    }

    /** The column of the source that {@code item} ({@code c}, {@code t.c}, {@code a.c}, with or without alias) is. */
    private static Optional<Column> sourceColumn(List<Token> item, Source source) {
        SchemaNames.Read read = SchemaNames.name(item, 0);
        if (read == null) {
            return Optional.empty();
        }
        String[] parts = read.text().split("\\.");
        if (parts.length > 1) {
            String qualifier = SchemaNames.key(parts[parts.length - 2]);
            String[] sourceParts = source.name().split("\\.");
            boolean ofSource = qualifier.equals(SchemaNames.key(sourceParts[sourceParts.length - 1]))
                    || source.alias() != null && qualifier.equals(SchemaNames.key(source.alias()));
            if (!ofSource) {
                return Optional.empty();
            }
        }
        return source.table().column(parts[parts.length - 1]);
    }
}
