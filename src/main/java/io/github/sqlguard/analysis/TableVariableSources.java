package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * T-SQL table variables that a statement reads rows from ({@code FROM @ids i JOIN users u ..}, {@code JOIN @ids},
 * a MERGE's {@code USING @ids}) written as {@code #temp} names in the text the parser gets. JSqlParser reads
 * {@code @ids} only as a value and stops there, so every batched UPDATE or DELETE of a stored procedure that joins
 * the ids it was handed would go unparsed; a {@code #temp} table is the same kind of scratch table to every later
 * step, and the name keeps its length, so the parser's positions still match the file.
 */
final class TableVariableSources {

    private TableVariableSources() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, with its table variable sources renamed. */
    static String renamed(Statement statement, String sql) {
        if (statement.dialect() != Dialect.SQLSERVER && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        BlankedParserText text = new BlankedParserText(statement, sql);
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.type() == TokenType.WORD && token.text().startsWith("@") && !token.text().startsWith("@@")
                    && tokens.get(i - 1).isAnyWord("FROM", "JOIN", "USING") && !deletesFrom(tokens, i - 1)
                    && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("."))) {
                text.replaceFirstCharacter(i, '#');
            }
        }
        return text.text();
    }

    /** True when the FROM at {@code from} names the table a DELETE removes rows of ({@code DELETE FROM @ids}). */
    private static boolean deletesFrom(List<Token> tokens, int from) {
        return tokens.get(from).isWord("FROM") && from > 0 && tokens.get(from - 1).isWord("DELETE");
    }
}
