package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a script writes into the columns of a table it builds: the columns a {@code CREATE TABLE} defines hold no
 * value that predates the script, an {@code INSERT} with a column list writes only the columns it lists, and a
 * table rename keeps them as they are. A rebuild that copies some columns and fills the new ones afterwards
 * ({@code CREATE TABLE t_new (id .., flag ..); INSERT INTO t_new (id) SELECT id FROM t; DROP TABLE t; ALTER TABLE
 * t_new RENAME TO t; UPDATE t SET flag = 0}) overwrites nothing.
 */
final class CreatedTableColumns {

    private CreatedTableColumns() {
    }

    /**
     * The table and column keys of a {@code CREATE [TEMPORARY] TABLE t (..)} that surely makes a new table: not
     * {@code IF NOT EXISTS}, which may find one with rows, nor {@code AS SELECT} or {@code LIKE}, whose columns are
     * not listed here.
     */
    static Optional<DestroyedTables.Added> of(List<Token> tokens, int main) {
        if (main >= tokens.size() || !tokens.get(main).isWord("CREATE")) {
            return Optional.empty();
        }
        int i = main + 1;
        while (i < tokens.size() && tokens.get(i).isAnyWord("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED")) {
            i++;
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("TABLE") || i + 1 < tokens.size()
                && tokens.get(i + 1).isWord("IF")) {
            return Optional.empty();
        }
        SchemaNames.Read name = SchemaNames.name(tokens, i + 1);
        if (name == null || name.next() >= tokens.size() || !tokens.get(name.next()).isSymbol("(")) {
            return Optional.empty();
        }
        int close = ObjectNames.skipParentheses(tokens, name.next()) - 1;
        if (close + 1 < tokens.size() && tokens.subList(close + 1, tokens.size()).stream()
                .anyMatch(token -> token.isAnyWord("AS", "SELECT", "LIKE"))) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        for (List<Token> element : ObjectNames.splitAtCommas(tokens, name.next() + 1, close)) {
            if (!element.isEmpty() && !ColumnDefinition.startsConstraint(element, 0)) {
                SchemaNames.Read column = SchemaNames.name(element, 0);
                if (column != null) {
                    columns.add(SchemaNames.key(column.text()));
                }
            }
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(new DestroyedTables.Added(name.text(), columns));
    }

    /** The new name of {@code ALTER TABLE a RENAME TO b}, or empty. */
    static Optional<String> renamedTo(List<Token> tokens, int main) {
        if (!AlterTableRenames.renamesTable(tokens, main)) {
            return Optional.empty();
        }
        for (int i = main + 2; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).isWord("RENAME") && tokens.get(i + 1).isAnyWord("TO", "AS")) {
                return Optional.ofNullable(SchemaNames.name(tokens, i + 2)).map(SchemaNames.Read::text);
            }
        }
        return Optional.empty();
    }

    /** The columns of {@code unwritten} (keys, may be null) that the INSERT {@code tokens} leaves at their defaults. */
    static Set<String> leftUnwritten(List<Token> tokens, Set<String> unwritten) {
        if (unwritten == null) {
            return Set.of();
        }
        Set<String> left = new HashSet<>(unwritten);
        return insertedColumns(tokens).map(left::removeAll).isPresent() ? left : Set.of();
    }

    /**
     * The column keys an {@code INSERT INTO t (a, b) ..} lists, or empty when it lists none, or may also change
     * existing rows ({@code ON DUPLICATE KEY UPDATE}, {@code ON CONFLICT .. DO UPDATE}).
     */
    private static Optional<List<String>> insertedColumns(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("INSERT")
                || tokens.stream().anyMatch(token -> token.isAnyWord("DUPLICATE", "CONFLICT"))) {
            return Optional.empty();
        }
        SchemaNames.Read table = AddedRows.tableRowsAreAddedTo(tokens);
        if (table == null || table.next() >= tokens.size() || !tokens.get(table.next()).isSymbol("(")) {
            return Optional.empty();
        }
        int close = ObjectNames.skipParentheses(tokens, table.next()) - 1;
        List<String> columns = new ArrayList<>();
        for (List<Token> element : ObjectNames.splitAtCommas(tokens, table.next() + 1, close)) {
            if (element.size() != 1 || element.get(0).isWord("SELECT")) {
                return Optional.empty(); // INSERT INTO t (SELECT ..): no column list
            }
            columns.add(SchemaNames.key(SchemaNames.unquoted(element.get(0).text())));
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
    }
}
