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
}
