package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * Oracle's error logging clause at the end of a DML statement: {@code LOG ERRORS [INTO errors] [(tag)] [REJECT LIMIT n
 * | UNLIMITED]}. It names where the rows that fail go and how many may fail, not which rows the statement takes, so
 * neither its words nor its REJECT LIMIT belong to the WHERE or cap the rows. JSqlParser does not know it, so the
 * parser gets the statement without it (blanked, so positions still match the file).
 */
public final class ErrorLoggingClause {

    private ErrorLoggingClause() {
    }

    /** {@code tokens}, a statement's, up to its error logging clause. */
    public static List<Token> cut(List<Token> tokens) {
        int log = start(tokens, 1, tokens.size());
        return log < 0 ? tokens : tokens.subList(0, log);
    }

    /** The index of the clause's LOG among {@code tokens} in {@code [from, to)} outside parentheses, or -1. */
    static int start(List<Token> tokens, int from, int to) {
        int depth = 0;
        for (int i = from; i < to - 1; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("LOG") && tokens.get(i + 1).isWord("ERRORS")) {
                return i;
            }
        }
        return -1;
    }

    /** {@code sql}, the statement's text as the parser gets it so far, without its error logging clause. */
    static String blanked(Statement statement, String sql) {
        if (statement.dialect() != Dialect.ORACLE && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        int log = start(tokens, 1, tokens.size());
        if (log < 0) {
            return sql;
        }
        BlankedParserText text = new BlankedParserText(statement, sql);
        text.blank(log, tokens.size());
        return text.text();
    }
}
