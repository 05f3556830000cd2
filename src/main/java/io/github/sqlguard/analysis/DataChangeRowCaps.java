package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * T-SQL's row cap on a data change ({@code DELETE TOP (@batch) ..}, {@code UPDATE TOP (1000) ..}) blanked out of the
 * text the parser gets, which reads TOP only in a SELECT. The cap only says how many of the rows the statement
 * selects it changes at once, and batched backfills run it until none are left, so the statement without it
 * selects the rows the row rules judge; the cap itself is read from the tokens ({@link RowCountCap}). Blanks keep
 * every later character where it was, so the parser's positions still match the file.
 */
final class DataChangeRowCaps {

    private DataChangeRowCaps() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, without the TOP of its data changes. */
    static String blanked(Statement statement, String sql) {
        if (statement.dialect() != Dialect.SQLSERVER && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        BlankedParserText text = new BlankedParserText(statement, sql);
        for (int i = 1; i < tokens.size() - 1; i++) {
            if (!tokens.get(i).isWord("TOP") || !tokens.get(i - 1).isAnyWord("DELETE", "UPDATE", "INSERT", "MERGE")) {
                continue;
            }
            int end = capEnd(tokens, i + 1);
            if (end > i + 1) {
                text.blank(i, end);
                i = end - 1;
            }
        }
        return text.text();
    }

    /** The index after the cap's count that starts at {@code index}: a number or a parenthesised expression. */
    private static int capEnd(List<Token> tokens, int index) {
        int end;
        if (tokens.get(index).type() == TokenType.NUMBER) {
            end = index + 1;
        } else if (tokens.get(index).isSymbol("(")) {
            int depth = 0;
            end = index;
            do {
                depth += tokens.get(end).isSymbol("(") ? 1 : tokens.get(end).isSymbol(")") ? -1 : 0;
                end++;
            } while (depth > 0 && end < tokens.size());
            if (depth > 0) {
                return index;
            }
        } else {
            return index;
        }
        return end < tokens.size() && tokens.get(end).isWord("PERCENT") ? end + 1 : end;
    }
}
