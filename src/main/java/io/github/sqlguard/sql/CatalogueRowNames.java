package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Names a loop reads row by row from the catalogue. Upgrade scripts drop each foreign key of a table by the name its
 * catalogue lists: PL/SQL's {@code FOR r IN (SELECT owner, constraint_name FROM all_constraints WHERE ..) LOOP
 * EXECUTE IMMEDIATE 'ALTER TABLE ' || r.owner || '.t DROP CONSTRAINT ' || r.constraint_name}, MySQL's and
 * PL/pgSQL's {@code FETCH cur INTO c} over a cursor declared on {@code information_schema}, PL/pgSQL's
 * {@code FOR c IN SELECT constraint_name FROM ..}. Each such value is one object's name, as {@link CatalogueNames}
 * says of one that {@code SELECT .. INTO} looks up: it joins the text as one name, so the statement is what its
 * literals show (a {@code 'DROP TABLE ' || r.table_name} is still a drop-table).
 */
final class CatalogueRowNames {

    /** How far before a cursor's name its FETCH may stand: {@code FETCH NEXT FROM c}. */
    private static final int MAX_FETCH_WORDS = 3;

    private CatalogueRowNames() {
    }

    /**
     * True when {@code item}, a select list item of {@code query} ({@code constraint_name}, {@code c.owner}), is a
     * column that holds one object's name and every table of the query's FROM list is a catalogue view.
     */
    static boolean isNameItem(List<Token> query, List<Token> item) {
        return CatalogueNames.isNameColumn(withoutAlias(item)) && readsOnlyCatalogue(query);
    }

    /**
     * True when the variable at {@code at} of {@code scope} is a target of {@code FETCH [NEXT FROM] cur INTO a, v}
     * or of PL/pgSQL's {@code FOR a, v IN SELECT ..}, and the query that fills it, from catalogue views only, selects
     * a name column at its place.
     */
    static boolean fillsName(List<Token> scope, int at) {
        int place = 0;
        int i = at - 1;
        while (i >= 1 && scope.get(i).isSymbol(",") && scope.get(i - 1).type() == TokenType.WORD) {
            place++;
            i -= 2;
        }
        if (i < 1) {
            return false;
        }
        List<Token> query = scope.get(i).isWord("INTO") ? fetchedQuery(scope, i)
                : scope.get(i).isWord("FOR") ? loopQuery(scope, at) : null;
        if (query == null) {
            return false;
        }
        List<List<Token>> items = selectItems(query);
        return place < items.size() && isNameItem(query, items.get(place));
    }

    /** The query of the cursor that {@code FETCH .. cur INTO} at {@code into} reads, or null. */
    private static List<Token> fetchedQuery(List<Token> scope, int into) {
        Token cursor = scope.get(into - 1);
        if (cursor.type() != TokenType.WORD) {
            return null;
        }
        for (int i = into - 2; i >= Math.max(0, into - 2 - MAX_FETCH_WORDS); i--) {
            if (scope.get(i).isWord("FETCH")) {
                return CursorDeclarations.query(scope.subList(0, i), cursor.text());
            }
            if (!scope.get(i).isAnyWord("NEXT", "FROM", "IN")) {
                return null;
            }
        }
        return null;
    }

    /** The query of PL/pgSQL's {@code FOR a, v IN [(]SELECT ..[)] LOOP} whose variable stands at {@code at}, or null. */
    private static List<Token> loopQuery(List<Token> scope, int at) {
        int i = at + 1;
        while (i + 1 < scope.size() && scope.get(i).isSymbol(",") && scope.get(i + 1).type() == TokenType.WORD) {
            i += 2;
        }
        if (i + 1 >= scope.size() || !scope.get(i).isWord("IN")) {
            return null;
        }
        int select = scope.get(i + 1).isSymbol("(") ? i + 2 : i + 1;
        int loop = TopLevel.wordIndex(scope, i + 1, "LOOP");
        return select < scope.size() && scope.get(select).isWord("SELECT") && loop > select
                ? scope.subList(select, loop) : null;
    }

    /** The top-level items of the query's select list, up to its FROM; empty for {@code *} or no SELECT. */
    private static List<List<Token>> selectItems(List<Token> query) {
        List<List<Token>> items = new ArrayList<>();
        if (query.isEmpty() || !query.get(0).isWord("SELECT")) {
            return items;
        }
        int start = query.size() > 1 && query.get(1).isAnyWord("DISTINCT", "UNIQUE", "ALL") ? 2 : 1;
        int depth = 0;
        for (int i = start; i < query.size(); i++) {
            Token token = query.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.isSymbol(",") || token.isAnyWord("FROM", "INTO"))) {
                items.add(query.subList(start, i));
                start = i + 1;
                if (!token.isSymbol(",")) {
                    return items;
                }
            }
        }
        return List.of(); // no FROM: nothing the catalogue gives
    }

    /** True when the query's FROM list names catalogue views only. */
    private static boolean readsOnlyCatalogue(List<Token> query) {
        int from = TopLevel.wordIndex(query, 0, "FROM");
        return from > 0 && CatalogueNames.readsOnlyCatalogue(query, from, query.size());
    }

    /** The item without its alias: {@code c.constraint_name AS cn} is the column {@code c.constraint_name}. */
    private static List<Token> withoutAlias(List<Token> item) {
        int size = item.size();
        if (size >= 3 && item.get(size - 2).isWord("AS")) {
            return item.subList(0, size - 2);
        }
        boolean aliased = size == 2 || size == 4 && item.get(1).isSymbol(".");
        return aliased && item.get(size - 1).type() == TokenType.WORD ? item.subList(0, size - 1) : item;
    }
}
