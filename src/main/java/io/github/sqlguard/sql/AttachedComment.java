package io.github.sqlguard.sql;

import io.github.sqlguard.model.Location;
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
 * @param elements where the elements it acknowledges stand that no statement stands for (a {@code customChange},
 *     an {@code executeCommand}): a finding at one of these places is acknowledged as a statement's would be
 */
public record AttachedComment(String path, Token comment, String target, List<Statement> statements,
        List<Location> elements) {

    public AttachedComment {
        statements = List.copyOf(statements);
        elements = List.copyOf(elements);
    }

    /** A comment attached to statements only. */
    public AttachedComment(String path, Token comment, String target, List<Statement> statements) {
        this(path, comment, target, statements, List.of());
    }
}
