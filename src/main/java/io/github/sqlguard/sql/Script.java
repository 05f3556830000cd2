package io.github.sqlguard.sql;

import java.util.List;
import java.util.Optional;

/**
 * A file's SQL split into statements, in source order, with every comment of the file (acknowledgements
 * live in comments) and the place where lexing stopped when a quote or comment was left open.
 */
public record Script(List<Statement> statements, List<Token> comments, Optional<LexError> lexError) {

    public Script {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
    }
}
