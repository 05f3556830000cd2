package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.AttachedComment;
import io.github.sqlguard.sql.Script;
import java.util.List;

/**
 * The statements a changelog run takes from one file: a changelog itself or an {@code sqlFile} it names.
 *
 * @param relativePath the file's path as used in findings (forward slashes)
 * @param script its statements, with positions in that file, and the comments that may acknowledge them
 * @param text the file's text as read, so reports can show the lines findings point at without reading the
 *     file again; empty when unknown
 * @param attachedComments the acknowledgements written in this file outside SQL (changeset comments, XML and
 *     YAML comments before a change), with the statements they are attached to, which may lie in other files
 * @param replayedChanges how many changes of this file run no statement a rule reads but were read into the schema
 *     replay ({@code createTable}, {@code addForeignKeyConstraint}, {@code loadData}): they count as statements
 *     checked, so a changelog of such changes does not read as one where nothing was
 */
public record ChangelogScript(String relativePath, Script script, String text,
        List<AttachedComment> attachedComments, int replayedChanges) {

    public ChangelogScript {
        text = text == null ? "" : text;
        attachedComments = List.copyOf(attachedComments);
    }

    /** A script none of whose changes is read by the replay alone. */
    public ChangelogScript(String relativePath, Script script, String text, List<AttachedComment> attachedComments) {
        this(relativePath, script, text, attachedComments, 0);
    }

    /** A script with no acknowledgements outside its SQL. */
    public ChangelogScript(String relativePath, Script script, String text) {
        this(relativePath, script, text, List.of());
    }

    /** A script whose file text is not kept. */
    public ChangelogScript(String relativePath, Script script) {
        this(relativePath, script, "");
    }
}
