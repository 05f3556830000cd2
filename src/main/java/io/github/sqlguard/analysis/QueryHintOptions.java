package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * T-SQL's query hints at the end of a statement ({@code DELETE d FROM #work AS d JOIN .. OPTION (RECOMPILE)},
 * {@code UPDATE .. OPTION (MAXDOP 1)}) blanked out of the text the parser gets, which stops at OPTION in a DELETE or
 * UPDATE. A hint only picks how the server runs the statement, never which rows it touches. Blanks keep every later
 * character where it was, so the parser's positions still match the file.
 */
final class QueryHintOptions {

    private QueryHintOptions() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, without its closing OPTION (..) clause. */
    static String blanked(Statement statement, String sql) {
        if (statement.dialect() != Dialect.SQLSERVER && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        int last = tokens.size() - 1;
        while (last >= 0 && tokens.get(last).isSymbol(";")) {
            last--;
        }
        if (last < 3 || !tokens.get(last).isSymbol(")")) {
            return sql;
        }
        int depth = 0;
        for (int i = last; i > 0; i--) {
            depth += tokens.get(i).isSymbol(")") ? 1 : tokens.get(i).isSymbol("(") ? -1 : 0;
            if (depth == 0) {
                if (!tokens.get(i - 1).isWord("OPTION")) {
                    return sql;
                }
                BlankedParserText text = new BlankedParserText(statement, sql);
                text.blank(i - 1, last + 1);
                return text.text();
            }
        }
        return sql;
    }
}
