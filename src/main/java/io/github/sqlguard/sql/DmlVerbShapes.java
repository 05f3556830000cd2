package io.github.sqlguard.sql;

import java.util.List;
import java.util.Set;

/**
 * What the words after a DML verb say about it: whether they are those of a statement of its own
 * ({@code DELETE FROM}, {@code UPDATE t SET}), a row limit, or a query the verb deletes through.
 * {@link ImplicitBoundary} asks these where a statement without a terminator may end.
 */
final class DmlVerbShapes {

    /** Words that end the table part of {@code UPDATE t [alias] SET}: after them no SET makes it a statement. */
    private static final Set<String> NOT_IN_UPDATE_TARGET = Set.of("ON", "FOR", "EACH", "ROW", "OF", "OR", "TO",
            "DO", "CASCADE", "DELETE", "INSERT", "UPDATE", "REFERENCES", "RESTRICT", "NO");

    /**
     * Words that end a FROM item or a clause and can never name a table: after MERGE they show that the word is a
     * table's alias ({@code FROM names_merge merge WHERE ..}; MERGE is an unreserved word in PostgreSQL and
     * MySQL), not the verb of a statement, which names its target next.
     */
    private static final Set<String> NEVER_A_MERGE_TARGET = Set.of("WHERE", "ON", "USING", "SET", "AS", "JOIN",
            "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET",
            "FETCH", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "RETURNING", "WHEN", "THEN", "ELSE", "END", "AND",
            "OR", "FOR");

    /** How far {@link #setFollows} looks for an UPDATE's SET: farther than any real UPDATE's joins reach. */
    private static final int SET_SEARCH_LIMIT = 2_000;

    private DmlVerbShapes() {
    }

    /**
     * True for the row limit {@code FETCH FIRST | NEXT [n] ROW | ROWS ONLY} at {@code index} (Db2, H2, PostgreSQL:
     * {@code DELETE FROM t FETCH FIRST 10 ROWS ONLY}), which T-SQL's cursor statement is not: its {@code FETCH NEXT}
     * is followed by {@code FROM} or the cursor's name.
     */
    static boolean limitsRows(List<Token> tokens, int index, int to) {
        Token direction = BlockSyntax.at(tokens, index + 1, to);
        Token count = BlockSyntax.at(tokens, index + 2, to);
        return direction != null && direction.isAnyWord("FIRST", "NEXT") && count != null
                && (count.type() == TokenType.NUMBER || count.isSymbol("(") || count.isAnyWord("ROW", "ROWS"));
    }

    /** {@code DELETE (SELECT ..)} or {@code DELETE (WITH ..)}: Oracle deletes the rows of the query's table. */
    static boolean deletesFromInlineView(List<Token> tokens, int index, int to) {
        Token query = BlockSyntax.at(tokens, index + 2, to);
        return tokens.get(index).isWord("DELETE") && query != null && query.isAnyWord("SELECT", "WITH");
    }

    /** A verb followed by the words only a statement has: {@code DELETE FROM}, {@code INSERT INTO}, .. */
    static boolean isWrittenAsFullStatement(List<Token> tokens, int index, int to) {
        Token verb = tokens.get(index);
        Token next = BlockSyntax.at(tokens, index + 1, to);
        return next != null && switch (verb.upper()) {
            case "DELETE" -> next.isAnyWord("FROM", "TOP", "LOW_PRIORITY", "QUICK");
            case "INSERT" -> next.isAnyWord("INTO", "IGNORE", "LOW_PRIORITY", "HIGH_PRIORITY", "DELAYED");
            case "TRUNCATE" -> next.isWord("TABLE");
            case "MERGE" -> next.isWord("INTO");
            case "UPDATE" -> next.isAnyWord("ONLY", "TOP", "LOW_PRIORITY", "IGNORE")
                    || (next.type() == TokenType.WORD || next.type() == TokenType.QUOTED_NAME)
                            && !next.isWord("SET") && followedBySet(tokens, index + 2, to);
            default -> false;
        };
    }

    /**
     * True when the MERGE at {@code index} is followed by what a MERGE statement names next: INTO, T-SQL's TOP, or
     * the target table T-SQL lets it name without INTO ({@code MERGE dbo.t AS t USING ..}).
     */
    static boolean mergeTargetFollows(List<Token> tokens, int index, int to) {
        Token next = BlockSyntax.at(tokens, index + 1, to);
        return next != null && (next.type() == TokenType.QUOTED_NAME
                || next.type() == TokenType.WORD && !NEVER_A_MERGE_TARGET.contains(next.upper()));
    }

    /**
     * True when a SET outside parentheses follows {@code from} before the statement ends or another DML verb
     * begins: where an UPDATE statement's SET would be, however far a multi-table UPDATE's joins put it. Past
     * {@link #SET_SEARCH_LIMIT} tokens it answers true (the UPDATE then starts a statement, as before).
     */
    static boolean setFollows(List<Token> tokens, int from, int to) {
        int depth = 0;
        int end = Math.min(to, from + SET_SEARCH_LIMIT);
        for (int i = from; i < end; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (BlockSyntax.isSemicolon(token)) {
                return false;
            } else if (depth == 0 && token.type() == TokenType.WORD) {
                if (token.isWord("SET")) {
                    return true;
                }
                if (BlockSyntax.DML_VERBS.contains(token.upper())) {
                    return false;
                }
            }
        }
        return end < to;
    }

    private static boolean followedBySet(List<Token> tokens, int from, int to) {
        // UPDATE name [.name] [[AS] alias] SET
        for (int i = from; i < Math.min(to, from + 6); i++) {
            Token token = tokens.get(i);
            if (token.isWord("SET")) {
                return true;
            }
            if (token.type() == TokenType.WORD && NOT_IN_UPDATE_TARGET.contains(token.upper())) {
                return false;
            }
            if (!(token.isSymbol(".") || token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME)) {
                return false;
            }
        }
        return false;
    }
}
