package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import io.github.sqlguard.sql.TopLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A query that lists its tables in its FROM ({@code SELECT o.a, d.b FROM dataset d, dvobject o WHERE o.id = d.id},
 * the join written before SQL-92), rewritten as the inner joins it means ({@code FROM dataset d JOIN dvobject o ON
 * o.id = d.id}), so that a copy reads the same whichever way it is written. A WHERE term tying a column of one listed
 * table to a column of another is the condition of the join of the later of the two; the other terms stay in the
 * WHERE and filter the joined rows, as they would after {@code JOIN .. ON}; a table tied by no term is a cross join.
 */
final class CommaJoins {

    /** Words that end a FROM list (and a WHERE) at the query's top level. */
    private static final String[] CLAUSE_ENDS = {"WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "FETCH",
        "UNION", "EXCEPT", "INTERSECT", "MINUS", "WINDOW", "RETURNING", "ON", "FOR", "QUALIFY", "INTO"};

    private CommaJoins() {
    }

    /** A table of the FROM list: where it is written, and the names its columns are qualified by (keys). */
    private record Listed(int start, int end, Set<String> names) {
    }

    /**
     * {@code tokens} with the FROM list of the query of the statement at {@code main} written as joins, or
     * {@code tokens} unchanged when it lists one table, or lists anything but tables with their aliases (a subquery,
     * a function, a join) that a rewrite could misread.
     */
    static List<Token> asJoins(List<Token> tokens, int main) {
        int from = TopLevel.wordIndex(tokens, main + 1, "FROM");
        if (from < 0) {
            return tokens;
        }
        int listEnd = clauseEnd(tokens, from + 1);
        List<Listed> listed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int start = from + 1;
        for (int i = from + 1; i <= listEnd; i++) {
            if (i < listEnd && !tokens.get(i).isSymbol(",")) {
                continue;
            }
            Listed table = listed(tokens, start, i);
            if (table == null || table.names().stream().anyMatch(names::contains)) {
                return tokens; // not a plain table, or two read under one name
            }
            names.addAll(table.names());
            listed.add(table);
            start = i + 1;
        }
        if (listed.size() < 2) {
            return tokens;
        }
        boolean hasWhere = listEnd < tokens.size() && tokens.get(listEnd).isWord("WHERE");
        int whereEnd = hasWhere ? clauseEnd(tokens, listEnd + 1) : listEnd;
        if (marksOuterJoin(tokens.subList(listEnd, whereEnd))) {
            return tokens; // Oracle's a.id = b.id(+) keeps every row of a: no inner join
        }
        List<List<Token>> terms = hasWhere ? terms(tokens.subList(listEnd + 1, whereEnd)) : List.of();
        List<List<List<Token>>> conditions = new ArrayList<>();
        listed.forEach(table -> conditions.add(new ArrayList<>()));
        List<List<Token>> filters = new ArrayList<>();
        for (List<Token> term : terms) {
            int joinedAt = tiedTable(WhereJudgement.unwrapped(term), listed);
            if (joinedAt > 0) {
                conditions.get(joinedAt).add(WhereJudgement.unwrapped(term));
            } else {
                filters.add(term);
            }
        }
        List<Token> rewritten = new ArrayList<>(tokens.subList(0, listed.get(0).end()));
        for (int k = 1; k < listed.size(); k++) {
            Token comma = tokens.get(listed.get(k).start() - 1);
            if (conditions.get(k).isEmpty()) {
                rewritten.add(word("CROSS", comma));
            }
            rewritten.add(word("JOIN", comma));
            rewritten.addAll(tokens.subList(listed.get(k).start(), listed.get(k).end()));
            if (!conditions.get(k).isEmpty()) {
                rewritten.add(word("ON", comma));
                appendJoined(rewritten, conditions.get(k), comma);
            }
        }
        if (!filters.isEmpty()) {
            rewritten.add(tokens.get(listEnd));
            appendJoined(rewritten, filters, tokens.get(listEnd));
        }
        rewritten.addAll(tokens.subList(whereEnd, tokens.size()));
        return rewritten;
    }

    /** The table written in {@code [start, end)}, {@code [schema.]name [[AS] alias]}, or null for anything else. */
    private static Listed listed(List<Token> tokens, int start, int end) {
        SchemaNames.Read name = start < end ? SchemaNames.name(tokens, start) : null;
        if (name == null || name.next() > end || !SchemaNames.isNamePart(tokens.get(start))) {
            return null;
        }
        int alias = name.next() < end && tokens.get(name.next()).isWord("AS") ? name.next() + 1 : name.next();
        if (alias == end && alias == name.next()) {
            return new Listed(start, end, Set.of(SchemaNames.key(SchemaNames.lastPart(name.text()))));
        }
        // With an alias the table's own name no longer qualifies its columns
        return alias + 1 == end && isName(tokens.get(alias))
                ? new Listed(start, end, Set.of(SchemaNames.key(tokens.get(alias).text()))) : null;
    }

    /**
     * The WHERE's terms joined by AND at its top level; the whole WHERE as one term when an OR stands there, which
     * binds looser than the ANDs around it. The AND of a BETWEEN stays within its term.
     */
    private static List<List<Token>> terms(List<Token> where) {
        List<List<Token>> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean between = false;
        for (int i = 0; i < where.size(); i++) {
            Token token = where.get(i);
            depth += token.isSymbol("(") || token.isWord("CASE") ? 1 : token.isSymbol(")") || token.isWord("END")
                    ? -1 : 0;
            if (depth != 0) {
                continue;
            }
            if (token.isWord("OR")) {
                return List.of(where);
            }
            between |= token.isWord("BETWEEN");
            if (token.isWord("AND") && between) {
                between = false;
            } else if (token.isWord("AND")) {
                terms.add(where.subList(start, i));
                start = i + 1;
            }
        }
        terms.add(where.subList(start, where.size()));
        return terms.stream().anyMatch(List::isEmpty) ? List.of(where) : terms;
    }

    /**
     * The index of the later of the two listed tables {@code term} ties together, {@code a.x = b.y}, or -1 when it
     * is no such equality.
     */
    private static int tiedTable(List<Token> term, List<Listed> listed) {
        if (term.size() != 7 || !term.get(3).isSymbol("=") || !term.get(1).isSymbol(".")
                || !term.get(5).isSymbol(".") || !isName(term.get(2)) || !isName(term.get(6))) {
            return -1;
        }
        int left = indexOf(term.get(0), listed);
        int right = indexOf(term.get(4), listed);
        return left < 0 || right < 0 || left == right ? -1 : Math.max(left, right);
    }

    private static int indexOf(Token qualifier, List<Listed> listed) {
        for (int i = 0; isName(qualifier) && i < listed.size(); i++) {
            if (listed.get(i).names().contains(SchemaNames.key(qualifier.text()))) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code where} holds Oracle's outer join mark {@code (+)}. */
    private static boolean marksOuterJoin(List<Token> where) {
        for (int i = 0; i + 2 < where.size(); i++) {
            if (where.get(i).isSymbol("(") && where.get(i + 1).isSymbol("+") && where.get(i + 2).isSymbol(")")) {
                return true;
            }
        }
        return false;
    }

    /** Where the clause starting at {@code from} ends: at the next top-level clause word or {@code ;}. */
    private static int clauseEnd(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.isSymbol(";") || token.isAnyWord(CLAUSE_ENDS))) {
                return i;
            }
        }
        return tokens.size();
    }

    private static void appendJoined(List<Token> rewritten, List<List<Token>> terms, Token at) {
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                rewritten.add(word("AND", at));
            }
            rewritten.addAll(terms.get(i));
        }
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }

    /** A keyword the rewrite adds, placed where the comma or WHERE it stands for is written. */
    private static Token word(String text, Token at) {
        return new Token(TokenType.WORD, text, at.offset(), at.line(), at.column());
    }
}
