package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * A CREATE that runs a query as it creates: {@code CREATE TABLE t AS SELECT ..} (also temporary, unlogged, with a
 * column list, and MySQL's {@code CREATE TABLE t SELECT ..} without AS) and {@code CREATE MATERIALIZED VIEW mv AS
 * SELECT ..} fill the new object from the query, so a routine the query calls runs then, as it would in a plain
 * SELECT. PostgreSQL's {@code WITH NO DATA} and Oracle's {@code BUILD DEFERRED} create it empty and run nothing.
 */
public final class QueryRunningCreate {

    /** How far into the CREATE the TABLE or MATERIALIZED VIEW word is looked for. */
    private static final int HEADER_WORDS = 6;

    private QueryRunningCreate() {
    }

    /** Where the query such a CREATE runs starts (its SELECT, WITH, TABLE, VALUES or parenthesis); -1 for none. */
    public static int queryStart(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE") || !createsFilledObject(tokens)) {
            return -1;
        }
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("BUILD") && i + 1 < tokens.size()
                    && tokens.get(i + 1).isWord("DEFERRED")) {
                return -1;
            } else if (depth == 0 && token.isWord("SELECT")) {
                return i; // MySQL: CREATE TABLE b [(..)] [IGNORE | REPLACE] SELECT ..
            } else if (depth == 0 && token.isWord("AS") && i + 1 < tokens.size() && startsQuery(tokens.get(i + 1))) {
                return createsEmpty(tokens) ? -1 : i + 1;
            }
        }
        return -1;
    }

    private static boolean createsFilledObject(List<Token> tokens) {
        for (int i = 1; i < Math.min(tokens.size() - 1, HEADER_WORDS); i++) {
            Token token = tokens.get(i);
            if (token.isWord("TABLE")) {
                return true;
            }
            if (token.isWord("MATERIALIZED")) {
                return tokens.get(i + 1).isWord("VIEW");
            }
            if (!token.isAnyWord("OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED")) {
                return false;
            }
        }
        return false;
    }

    private static boolean startsQuery(Token token) {
        return token.isAnyWord("SELECT", "WITH", "TABLE", "VALUES") || token.isSymbol("(");
    }

    /** PostgreSQL: {@code .. AS query WITH NO DATA} makes the table or view without running the query. */
    private static boolean createsEmpty(List<Token> tokens) {
        int last = tokens.size() - 1;
        return last >= 2 && tokens.get(last).isWord("DATA") && tokens.get(last - 1).isWord("NO")
                && tokens.get(last - 2).isWord("WITH");
    }
}
