package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An INSERT that gives a key the database numbers ({@link Column#numberedFrom}) a value of its own: such a row may
 * hold any key, 0 or -1 as seed rows often do, so the numbering no longer says which keys the rows hold and
 * {@code WHERE id > 0} may keep that row. A number at or above the first one, NULL or DEFAULT (the database numbers
 * the row) leaves the numbering as it was; so does a row that does not name the key. The same holds for the rowid
 * SQLite keeps hidden in a table without a key column for it ({@link Table#hiddenRowidFrom}), given a value of its own
 * when the INSERT lists {@code rowid}, {@code _rowid_} or {@code oid}.
 */
final class NumberedKeyInserts {

    private NumberedKeyInserts() {
    }

    /**
     * Follows the INSERT, REPLACE or LOAD DATA in {@code tokens} whose table name starts at {@code at}: a load gives
     * each column it lists, or every column, values from its file.
     */
    static void insert(List<Token> tokens, int at, SchemaHistory history) {
        SchemaNames.Read name = SchemaNames.name(tokens, at);
        if (name == null) {
            return;
        }
        Optional<Table> known = history.current(name.text());
        if (known.isEmpty() || known.get().hiddenRowidFrom() == null
                && known.get().columns().values().stream().allMatch(c -> c.numberedFrom() == null)) {
            return;
        }
        Table table = known.get();
        int i = name.next();
        List<String> named = new ArrayList<>();
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            int end = ObjectNames.skipParentheses(tokens, i);
            for (List<Token> column : ObjectNames.splitAtCommas(tokens, i + 1, end - 1)) {
                named.add(column.isEmpty() ? "" : SchemaNames.key(ObjectNames.lastPart(column.get(0).text())));
            }
            i = end;
        } else if (table.complete()) {
            table.columns().values().forEach(column -> named.add(SchemaNames.key(column.name())));
        } else {
            // Which value fills the key is not known: the numbering is no longer certain.
            history.put(withoutNumbering(table, table.columns().keySet().stream().toList()));
            return;
        }
        List<String> keysGivenValues = new ArrayList<>();
        for (int k = 0; k < named.size(); k++) {
            Long rowidFrom = table.hiddenRowidFrom();
            if (rowidFrom != null && RowidKeys.namesRowid(table, named.get(k), Dialect.SQLITE)
                    && !numbersEveryRow(tokens, i, k, rowidFrom)) {
                table = table.withHiddenRowidFrom(null);
                history.put(table);
            }
            Optional<Column> column = table.column(named.get(k));
            if (column.isPresent() && column.get().numberedFrom() != null
                    && !numbersEveryRow(tokens, i, k, column.get().numberedFrom())) {
                keysGivenValues.add(named.get(k));
            }
        }
        if (!keysGivenValues.isEmpty()) {
            history.put(withoutNumbering(table, keysGivenValues));
        }
    }

    /**
     * True when every row of the VALUES list at {@code from} leaves the value at {@code index} to the numbering or
     * gives it a number at or above {@code first}; false for any other source of rows (a query).
     */
    private static boolean numbersEveryRow(List<Token> tokens, int from, int index, long first) {
        if (from >= tokens.size() || !tokens.get(from).isAnyWord("VALUES", "VALUE")) {
            return from + 1 < tokens.size() && tokens.get(from).isWord("DEFAULT")
                    && tokens.get(from + 1).isWord("VALUES");
        }
        int i = from + 1;
        while (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            int end = ObjectNames.skipParentheses(tokens, i);
            List<List<Token>> values = ObjectNames.splitAtCommas(tokens, i + 1, end - 1);
            if (index < values.size() && !numbered(values.get(index), first)) {
                return false;
            }
            i = end < tokens.size() && tokens.get(end).isSymbol(",") ? end + 1 : end;
            if (i == end) {
                break;
            }
        }
        return true;
    }

    private static boolean numbered(List<Token> value, long first) {
        if (value.size() == 1 && value.get(0).isAnyWord("NULL", "DEFAULT")) {
            return true;
        }
        // A key written with a minus sign is one of a seed row's own, whatever the numbering's start.
        return value.size() == 1 && SignedNumbers.value(value).map(number -> number >= first).orElse(false);
    }

    private static Table withoutNumbering(Table table, List<String> keys) {
        Table result = table;
        for (String key : keys) {
            Optional<Column> column = table.column(key);
            if (column.isPresent() && column.get().numberedFrom() != null) {
                result = result.withColumn(column.get().withNumberedFrom(null));
            }
        }
        return result;
    }
}
