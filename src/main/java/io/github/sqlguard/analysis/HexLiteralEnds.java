package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;

/**
 * Binary literals ({@code 0x01}, as SQL Server and MySQL scripts write a {@code binary(16)} key) given to the parser
 * with a tab instead of the space that follows them. JSqlParser 5.3 reads spaces and the letters A to F after
 * {@code 0x} as part of the literal, so {@code id = 0x01 AND code = 'x'} became {@code 0x01 A} followed by
 * {@code ND}, and the whole statement went unparsed; a tab ends the literal where the database ends it. The tab keeps
 * the text's length, so the parser's positions still match the file.
 */
final class HexLiteralEnds {

    private HexLiteralEnds() {
    }

    /** {@code sql}, the statement's text as the parser gets it so far, with each binary literal ended by a tab. */
    static String separated(Statement statement, String sql) {
        List<Token> tokens = statement.tokens();
        BlankedParserText text = null;
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (isBinaryLiteral(tokens.get(i))) {
                text = text == null ? new BlankedParserText(statement, sql) : text;
                text.replaceSpaceAfter(i, '\t');
            }
        }
        return text == null ? sql : text.text();
    }

    private static boolean isBinaryLiteral(Token token) {
        String written = token.text();
        return token.type() == TokenType.NUMBER && written.length() > 2 && written.charAt(0) == '0'
                && (written.charAt(1) == 'x' || written.charAt(1) == 'X');
    }
}
