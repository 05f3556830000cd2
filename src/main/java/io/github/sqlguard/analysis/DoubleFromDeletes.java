package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * T-SQL's {@code DELETE FROM dbo.orders FROM dbo.orders o JOIN ..}, with the first FROM blanked out of the text the
 * parser gets: the parser reads {@code DELETE dbo.orders FROM ..}, which T-SQL means by the same statement, but not
 * two FROMs. Blanks keep every later character where it was, so the parser's positions still match the file.
 */
final class DoubleFromDeletes {

    private DoubleFromDeletes() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, without the first FROM of such a DELETE. */
    static String blanked(Statement statement, String sql) {
        if (statement.dialect() != Dialect.SQLSERVER && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        BlankedParserText text = new BlankedParserText(statement, sql);
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (tokens.get(i).isWord("DELETE") && tokens.get(i + 1).isWord("FROM")) {
                ObjectNames.NameAt target = ObjectNames.readName(tokens, i + 2);
                if (target != null && target.next() < tokens.size() && tokens.get(target.next()).isWord("FROM")) {
                    text.blank(i + 1, i + 2);
                }
            }
        }
        return text.text();
    }
}
