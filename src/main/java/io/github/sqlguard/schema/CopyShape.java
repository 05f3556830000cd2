package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a copy by column list names its target, its select list and its one source: {@code INSERT INTO target [(..)]
 * SELECT <list> FROM source}, {@code SELECT <list> INTO target FROM source} or {@code CREATE [TEMP] TABLE target AS
 * SELECT <list> FROM source}, read for {@link ColumnListCopy}.
 *
 * @param select where the SELECT stands
 * @param listEnd where the select list ends (its FROM, or the INTO of a SELECT .. INTO)
 */
record CopyShape(SchemaNames.Read target, int select, int listEnd, SchemaNames.Read source) {

    /** Words that, after the source table, mean that not every row is copied (or that another table joins). */
    private static final Set<String> AFTER_SOURCE = Set.of("WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET",
            "FETCH", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "STRAIGHT_JOIN", "UNION", "EXCEPT",
            "INTERSECT", "MINUS", "WINDOW", "ON", "USING", "TABLESAMPLE", "QUALIFY", "RETURNING");

    /**
     * The parts of {@code INSERT INTO target [(..)] SELECT <list> FROM source}, {@code SELECT <list> INTO target
     * FROM source} or {@code CREATE TABLE target AS SELECT <list> FROM source} when it copies every row of one
     * table, with no condition, grouping, DISTINCT, join or limit, by a list without {@code *}.
     */
    static Optional<CopyShape> of(List<Token> tokens, int main, boolean selectIntoMakesTable) {
        if (main + 2 >= tokens.size()) {
            return Optional.empty();
        }
        SchemaNames.Read target;
        int select;
        int listEnd;
        int from;
        if (tokens.get(main).isWord("INSERT")) {
            int into = tokens.get(main + 1).isWord("INTO") ? main + 2 : main + 1;
            target = SchemaNames.name(tokens, into);
            if (target == null) {
                return Optional.empty();
            }
            select = queryStart(tokens, target.next());
            if (select >= tokens.size() || !tokens.get(select).isWord("SELECT")) {
                return Optional.empty();
            }
            from = TopLevel.wordIndex(tokens, select + 1, "FROM");
            listEnd = from;
        } else if (tokens.get(main).isWord("CREATE")) {
            // CREATE [TEMP] TABLE t_old AS SELECT id, name FROM t (MySQL leaves out AS)
            Optional<CreateAsQuery> create = CreateAsQuery.of(tokens, main);
            if (create.isEmpty() || !tokens.get(create.get().query()).isWord("SELECT")) {
                return Optional.empty();
            }
            target = create.get().target();
            select = create.get().query();
            from = TopLevel.wordIndex(tokens, select + 1, "FROM");
            listEnd = from;
        } else if (selectIntoMakesTable && tokens.get(main).isWord("SELECT")) {
            // T-SQL: SELECT id, name INTO new_t FROM t, the table rebuild written in SQL Server
            select = main;
            int into = TopLevel.wordIndex(tokens, select + 1, "INTO");
            target = into < 0 ? null : SchemaNames.name(tokens, into + 1);
            if (target == null || target.next() >= tokens.size() || !tokens.get(target.next()).isWord("FROM")
                    || TopLevel.wordIndex(tokens, select + 1, "FROM") < into) {
                return Optional.empty();
            }
            listEnd = into;
            from = target.next();
        } else {
            return Optional.empty();
        }
        if (from < 0 || select + 1 < tokens.size() && tokens.get(select + 1).isAnyWord("DISTINCT", "TOP")) {
            return Optional.empty();
        }
        String targetKey = SchemaNames.key(target.text());
        if (ObjectNames.isVariable(targetKey)) {
            return Optional.empty(); // T-SQL @table: gone when the batch ends
        }
        SchemaNames.Read source = SchemaNames.name(tokens, from + 1);
        if (source == null || !onlyAnAliasFollows(tokens, source.next())
                || SchemaNames.key(source.text()).equals(targetKey)) {
            return Optional.empty();
        }
        if (selectsStar(tokens, select, listEnd)) {
            return Optional.empty(); // SELECT *, t.*: a full copy is DestroyedTables.fullCopy's to read
        }
        return Optional.of(new CopyShape(target, select, listEnd, source));
    }

    /**
     * Where the query of an INSERT starts after its target's column list, inside the parentheses PostgreSQL and
     * MySQL allow around it ({@code INSERT INTO t (id, name) (SELECT id, name FROM t_old)}).
     */
    private static int queryStart(List<Token> tokens, int afterTarget) {
        int at = afterTarget;
        if (at + 1 >= tokens.size() || !tokens.get(at).isSymbol("(") || !tokens.get(at + 1).isWord("SELECT")) {
            at = ObjectNames.skipParentheses(tokens, at);
        }
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol("(")) {
            at++;
        }
        return at;
    }

    /** True when the select list after {@code select} holds {@code *} or {@code t.*} as an item of its own. */
    private static boolean selectsStar(List<Token> tokens, int select, int from) {
        int depth = 0;
        for (int i = select + 1; i < from; i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            Token previous = tokens.get(i - 1);
            if (depth == 0 && token.isSymbol("*")
                    && (i == select + 1 || previous.isSymbol(",") || previous.isSymbol("."))) {
                return true;
            }
        }
        return false;
    }

    /** True when nothing but {@code [AS] alias} and an {@code ORDER BY} follows the source table. */
    private static boolean onlyAnAliasFollows(List<Token> tokens, int at) {
        int i = at;
        if (i < tokens.size() && tokens.get(i).isWord("AS")) {
            i++;
        }
        if (i < tokens.size() && ColumnListCopy.isName(tokens.get(i)) && !tokens.get(i).isWord("WITH")
                && !tokens.get(i).isAnyWord(AFTER_SOURCE.toArray(String[]::new))) {
            i++;
        }
        for (i = RowOrder.end(tokens, ObjectNames.tableHintsEnd(tokens, i)); i < tokens.size(); i++) {
            if (!tokens.get(i).isSymbol(")") && !tokens.get(i).isSymbol(";")) {
                return false;
            }
        }
        return true;
    }
}
