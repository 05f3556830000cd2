package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * PL/pgSQL's {@code INTO} targets after a query's FROM ({@code WITH u AS (UPDATE ..) SELECT n FROM c INTO v})
 * blanked out of the text the parser gets. PL/pgSQL accepts them almost anywhere in the query, JSqlParser only
 * before FROM; they name variables that receive the result, not rows the statement changes. Only statements
 * inside a block or routine body are touched: in a plain script {@code INSERT INTO} is the only INTO after FROM.
 */
final class SelectIntoVariables {

    private SelectIntoVariables() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, without the INTO targets after FROM. */
    static String blanked(Statement statement, String sql) {
        if (statement.context().kind() == StatementContext.Kind.SCRIPT
                || statement.dialect() != Dialect.POSTGRESQL && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        int depth = 0;
        boolean afterFrom = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("FROM")) {
                afterFrom = true;
            } else if (depth == 0 && afterFrom && token.isWord("INTO") && !tokens.get(i - 1).isAnyWord("INSERT")) {
                int end = targetsEnd(tokens, i + 1);
                if (end <= i + 1) {
                    return sql;
                }
                BlankedParserText text = new BlankedParserText(statement, sql);
                text.blank(i, end);
                return text.text();
            }
        }
        return sql;
    }

    /** The index after {@code [STRICT] target [, target ..]}, each target a dotted name. */
    private static int targetsEnd(List<Token> tokens, int index) {
        int end = index < tokens.size() && tokens.get(index).isWord("STRICT") ? index + 1 : index;
        while (end < tokens.size() && ObjectNames.isNamePart(tokens.get(end))) {
            end++;
            if (end + 1 < tokens.size() && (tokens.get(end).isSymbol(".") || tokens.get(end).isSymbol(","))
                    && ObjectNames.isNamePart(tokens.get(end + 1))) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }
}
