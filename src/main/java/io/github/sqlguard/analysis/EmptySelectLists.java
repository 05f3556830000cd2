package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * PostgreSQL's query without a select list ({@code NOT EXISTS (SELECT FROM t WHERE ..)}, allowed since 9.4 and the
 * usual way to write an existence test there), given to the parser as {@code SELECT*FROM}: JSqlParser requires a
 * list, and the rows such a query finds, all the row rules read of it, are the same with every column selected.
 * The {@code *} takes the place of the blank after SELECT, so every later character keeps its place.
 */
final class EmptySelectLists {

    private EmptySelectLists() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, with each empty select list filled. */
    static String filled(Statement statement, String sql) {
        if (statement.dialect() != Dialect.POSTGRESQL && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        BlankedParserText text = null;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token select = tokens.get(i);
            Token next = tokens.get(i + 1);
            int gap = next.offset() - select.endOffset();
            // Only blanks between the two words are written over: a comment there stays as it is
            if (select.isWord("SELECT") && next.isAnyWord("FROM", "WHERE") && gap > 0
                    && blankRun(sql, select.endOffset() - tokens.get(0).offset()) >= gap) {
                text = text == null ? new BlankedParserText(statement, sql) : text;
                text.replaceBlankAfter(i, '*');
            }
        }
        return text == null ? sql : text.text();
    }

    /** How many blanks follow position {@code from} of {@code sql}. */
    private static int blankRun(String sql, int from) {
        int at = Math.max(from, 0);
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        return at - Math.max(from, 0);
    }
}
