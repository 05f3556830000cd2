package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * MySQL's double-quoted strings that escape a double quote with a backslash ({@code SET v = "{\"k\":1}"}), given to
 * the parser as single-quoted strings. MySQL reads {@code "..."} as a string, and scripts that store JSON write it
 * so; JSqlParser reads it as a quoted name, which cannot hold {@code \"}, so the whole statement went unparsed and
 * its WHERE unread. Only those strings are rewritten: the parser reads the others already, as names, and the row
 * rules judge them as they did. The rewrite keeps the text's length, so the parser's positions still match the file.
 */
final class DoubleQuotedStrings {

    private DoubleQuotedStrings() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, with those strings single-quoted. */
    static String singleQuoted(Statement statement, String sql) {
        List<Token> tokens = statement.tokens();
        BlankedParserText text = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String written = token.text();
            if (token.type() == TokenType.STRING && written.length() >= 2 && written.charAt(0) == '"'
                    && written.endsWith("\"") && written.contains("\\\"")) {
                text = text == null ? new BlankedParserText(statement, sql) : text;
                text.replaceToken(i, singleQuoted(written));
            }
        }
        return text == null ? sql : text.text();
    }

    /**
     * {@code written} between single quotes; an apostrophe it holds unescaped, which would end the new string, is
     * written as a double quote, which keeps the length and means nothing to the rules.
     */
    private static String singleQuoted(String written) {
        StringBuilder quoted = new StringBuilder(written.length()).append('\'');
        for (int i = 1; i < written.length() - 1; i++) {
            char c = written.charAt(i);
            if (c == '\\' && i + 1 < written.length() - 1) {
                quoted.append(c).append(written.charAt(++i));
            } else {
                quoted.append(c == '\'' ? '"' : c);
            }
        }
        return quoted.append('\'').toString();
    }
}
