package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TopLevel;
import java.util.List;

/**
 * T-SQL's {@code OPENJSON(@json) WITH (id UNIQUEIDENTIFIER '$.id', ..)} with its {@code WITH} schema blanked out of
 * the text the parser gets. JSqlParser reads {@code OPENJSON(@json)} as a table function but stops at the schema,
 * so every batched UPDATE or DELETE of a stored procedure that joins the rows it was handed as JSON would go
 * unparsed. The schema only names and types the columns the function returns: the statement without it has the
 * same WHERE, joins and targets. Blanks keep every later character where it was, so the parser's positions still
 * match the file.
 */
final class OpenJsonSchemas {

    private OpenJsonSchemas() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, without the schemas of its OPENJSON calls. */
    static String blanked(Statement statement, String sql) {
        if (statement.dialect() != Dialect.SQLSERVER && statement.dialect() != Dialect.AUTO) {
            return sql;
        }
        List<Token> tokens = statement.tokens();
        BlankedParserText text = null;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("OPENJSON") || !tokens.get(i + 1).isSymbol("(")) {
                continue;
            }
            int call = TopLevel.closingParenthesis(tokens, i + 1);
            int open = call + 2;
            if (call < 0 || open >= tokens.size() || !tokens.get(call + 1).isWord("WITH")
                    || !tokens.get(open).isSymbol("(")) {
                continue;
            }
            int schema = TopLevel.closingParenthesis(tokens, open);
            if (schema < 0) {
                continue;
            }
            text = text == null ? new BlankedParserText(statement, sql) : text;
            text.blank(call + 1, schema + 1);
            i = schema;
        }
        return text == null ? sql : text.text();
    }
}
