package io.github.sqlguard.sql;

import java.util.List;

/**
 * A comment written outside SQL that acknowledges the statements it is attached to rather than the ones after
 * it: a Liquibase changeset's {@code <comment>}, an XML or YAML comment before a change or changeset, a
 * formatted SQL {@code --comment:} line. Its statements may lie in other files (an {@code sqlFile}); it is
 * used when it acknowledges a finding of any of them, and reported at its own position when it cannot.
 *
 * @param path the file the comment is written in
 * @param comment the comment's text as a {@code --} comment, located where the comment (or its directive) stands
 * @param target what it is attached to, for messages: {@code changeset alice:2}, {@code the delete at line 7}
 * @param statements the statements it acknowledges; ignored by {@code sqlguard:allow-file}, which covers
 *     every statement of {@code path}
 */
public record AttachedComment(String path, Token comment, String target, List<Statement> statements) {

    public AttachedComment {
        statements = List.copyOf(statements);
    }
}
