package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * Which tables surely hold a row, as the replay follows them: a top-level {@code INSERT .. VALUES} that nothing can
 * skip adds one (an {@code INSERT IGNORE} or upsert that adds none found one there already), and any statement that
 * may remove rows of a table it names ({@code DELETE}, {@code TRUNCATE}, a partition's drop or exchange), wherever
 * it stands (a routine, a trigger, a branch), or creates, drops or renames the table, ends what was known. A scalar
 * subquery that reads a NOT NULL column of such a table without a filter then yields a value for every row.
 */
final class RowHoldingTables {

    /** Words that start a clause after a table name, which no alias takes. */
    private static final String[] CLAUSE_WORDS = {"WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "NATURAL",
        "STRAIGHT_JOIN", "GROUP", "HAVING", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "ORDER", "LIMIT",
        "PARTITION", "USE", "FORCE", "IGNORE"};

    private RowHoldingTables() {
    }

    /** Applies the statement whose main keyword is at {@code start} to what {@code history} knows of held rows. */
    static void replay(List<Token> tokens, int start, boolean surelyRuns, SchemaHistory history) {
        if (mayRemoveRows(tokens, start)) {
            forgetNamedTables(tokens, start, history);
        } else if (tokens.get(start).isWord("CREATE")) {
            created(tokens, start + 1, history);
        } else if (surelyRuns && tokens.get(start).isAnyWord("INSERT", "REPLACE")) {
            SchemaNames.Read table = valuesTarget(tokens, start + 1);
            if (table != null && history.current(table.text()).isPresent()) {
                history.rowHoldingTables().put(table.text(), true);
            }
        }
    }

    /**
     * True when table {@code name} held a row before the statement being replayed, and no foreign key of its own
     * lets a delete elsewhere remove its rows ({@code ON DELETE CASCADE}).
     */
    static boolean holdsARow(String name, SchemaHistory history) {
        return history.rowHoldingTables().before(name, history.position())
                && history.current(name).filter(table -> table.foreignKeys().stream()
                        .noneMatch(ForeignKey::deleteCascades)).isPresent();
    }

    /**
     * True for a statement that may remove rows: a DELETE (not the {@code ON DELETE} of a foreign key), a TRUNCATE,
     * or an ALTER that drops, truncates, exchanges or merges partitions.
     */
    private static boolean mayRemoveRows(List<Token> tokens, int start) {
        boolean alter = tokens.get(start).isWord("ALTER");
        for (int i = start; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isWord("DELETE") && !(i > 0 && tokens.get(i - 1).isWord("ON")) || token.isWord("TRUNCATE")
                    || alter && token.isAnyWord("PARTITION", "PARTITIONS") && i > start
                    && tokens.get(i - 1).isAnyWord("DROP", "EXCHANGE", "REORGANIZE", "COALESCE", "REMOVE", "DETACH")) {
                return true;
            }
        }
        return false;
    }

    /** Ends the fact for every table the statement names, as any of them may lose its rows. */
    private static void forgetNamedTables(List<Token> tokens, int start, SchemaHistory history) {
        for (int i = start; i < tokens.size(); i++) {
            TokenType type = tokens.get(i).type();
            if (type == TokenType.WORD || type == TokenType.QUOTED_NAME) {
                history.rowHoldingTables().clear(tokens.get(i).text());
            }
        }
    }

    /** {@code CREATE TABLE t}: a new table holds no row; one that {@code IF NOT EXISTS} keeps stays as it was. */
    private static void created(List<Token> tokens, int from, SchemaHistory history) {
        int table = from;
        while (table < tokens.size() && !tokens.get(table).isWord("TABLE")) {
            if (tokens.get(table).type() != TokenType.WORD) {
                return;
            }
            table++;
        }
        if (table + 3 < tokens.size() && tokens.get(table + 1).isWord("IF") && tokens.get(table + 2).isWord("NOT")) {
            return;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, table + 1);
        if (name != null) {
            history.rowHoldingTables().clear(name.text());
        }
    }

    /**
     * The table of {@code INSERT [modifiers] [INTO] t [(columns)] VALUES (..)} (also {@code VALUE}, MySQL's
     * {@code SET c = ..} and {@code DEFAULT VALUES}), which adds at least one row; null for an INSERT .. SELECT,
     * which may add none.
     */
    private static SchemaNames.Read valuesTarget(List<Token> tokens, int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).isAnyWord("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE",
                "INTO")) {
            i++;
        }
        SchemaNames.Read name = SchemaNames.name(tokens, i);
        if (name == null) {
            return null;
        }
        int next = name.next();
        if (next < tokens.size() && tokens.get(next).isSymbol("(")) {
            next = ObjectNames.skipParentheses(tokens, next);
        }
        boolean values = next < tokens.size() && (tokens.get(next).isAnyWord("VALUES", "VALUE", "SET")
                || tokens.get(next).isWord("DEFAULT") && next + 1 < tokens.size()
                        && tokens.get(next + 1).isWord("VALUES"));
        return values ? name : null;
    }

    /**
     * True for a scalar subquery that yields a value that is not NULL: {@code (SELECT c FROM t [a] [ORDER BY ..]
     * [LIMIT n])}, or {@code MIN(c)} or {@code MAX(c)} in its place, where c is a NOT NULL, primary key or filled
     * column of t and t {@link #holdsARow holds a row}. A WHERE, join, grouping or offset may leave it no row, so
     * then it may yield NULL.
     */
    static boolean scalarSubqueryYieldsValue(List<Token> value, SchemaHistory history) {
        int end = value.size() - 1;
        if (value.size() < 6 || !value.get(0).isSymbol("(") || !value.get(end).isSymbol(")")
                || ObjectNames.skipParentheses(value, 0) != value.size() || !value.get(1).isWord("SELECT")) {
            return false;
        }
        int at = 2;
        boolean aggregate = value.get(at).isAnyWord("MIN", "MAX") && at + 1 < end && value.get(at + 1).isSymbol("(");
        if (aggregate) {
            at += 2;
        }
        SchemaNames.Read column = SchemaNames.name(value, at);
        if (column == null) {
            return false;
        }
        at = column.next();
        if (aggregate) {
            if (at >= end || !value.get(at).isSymbol(")")) {
                return false;
            }
            at++;
        }
        if (at >= end || !value.get(at).isWord("FROM")) {
            return false;
        }
        SchemaNames.Read source = SchemaNames.name(value, at + 1);
        if (source == null || !holdsARow(source.text(), history)) {
            return false;
        }
        at = source.next();
        String alias = null;
        if (at < end && value.get(at).isWord("AS")) {
            at++;
        }
        if (at < end && (value.get(at).type() == TokenType.WORD || value.get(at).type() == TokenType.QUOTED_NAME)
                && !value.get(at).isAnyWord(CLAUSE_WORDS)) {
            alias = value.get(at).text();
            at++;
        }
        return namesSource(column.text(), source.text(), alias) && onlyOrdersAndCaps(value, at, end)
                && history.current(source.text()).flatMap(table -> table.column(SchemaNames.lastPart(column.text()))
                        .filter(read -> read.notNull() || read.filled()
                                || table.primaryKey().stream().anyMatch(key -> SchemaNames.key(key)
                                        .equals(SchemaNames.key(read.name())))))
                        .isPresent();
    }

    /** True when {@code column} is unqualified or qualified by the subquery's own table or alias. */
    private static boolean namesSource(String column, String source, String alias) {
        String name = SchemaNames.lastPart(column);
        String written = column.strip();
        if (name.length() == written.length()) {
            return true;
        }
        String qualifier = SchemaNames.key(written.substring(0, written.length() - name.length() - 1));
        return qualifier.equals(SchemaNames.key(source)) || alias != null && qualifier.equals(SchemaNames.key(alias));
    }

    /**
     * True when {@code [from, to)} holds at most an {@code ORDER BY} of plain columns and a {@code LIMIT n} of at
     * least one row, without offset: neither leaves the subquery without a row while its table has one.
     */
    private static boolean onlyOrdersAndCaps(List<Token> value, int from, int to) {
        int at = from;
        if (at + 1 < to && value.get(at).isWord("ORDER") && value.get(at + 1).isWord("BY")) {
            at += 2;
            while (at < to && !value.get(at).isWord("LIMIT")) {
                Token token = value.get(at);
                boolean plain = token.type() == TokenType.QUOTED_NAME || token.isSymbol(",") || token.isSymbol(".")
                        || token.type() == TokenType.WORD && !token.isAnyWord("OFFSET", "FETCH", "WHERE");
                if (!plain) {
                    return false;
                }
                at++;
            }
        }
        if (at == to) {
            return true;
        }
        return at + 2 == to && value.get(at).isWord("LIMIT") && value.get(at + 1).type() == TokenType.NUMBER
                && !value.get(at + 1).text().matches("0+");
    }
}
