package io.github.sqlguard.sql;

import java.util.List;
import java.util.Optional;

/**
 * The tokens of one text and, when the text ends inside a string or comment, where that began.
 *
 * @param backslashEscapes true when a backslash escapes in its strings, as MySQL reads them (its dialect, or a
 *     text that needs them to end its strings): the SQL inside such a string is decoded the same way
 */
public record LexedText(List<Token> tokens, Optional<LexError> error, boolean backslashEscapes) {

    public LexedText {
        tokens = List.copyOf(tokens);
    }

    /**
     * True when a string closes right after a backslash that no other backslash escapes ({@code 'a \'}): standard
     * SQL's end of the string, or MySQL's escaped quote inside it.
     */
    boolean closesAStringAfterABackslash() {
        for (Token token : tokens) {
            String text = token.text();
            if (token.type() == TokenType.STRING && text.length() > 2 && text.endsWith("'")) {
                int backslashes = 0;
                for (int i = text.length() - 2; i > 0 && text.charAt(i) == '\\'; i--) {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    return true;
                }
            }
        }
        return false;
    }
}
