package io.github.sqlguard.sql;

import java.util.List;
import java.util.Optional;

/** The tokens of one text and, when the text ends inside a string or comment, where that began. */
public record LexedText(List<Token> tokens, Optional<LexError> error) {

    public LexedText {
        tokens = List.copyOf(tokens);
    }
}
