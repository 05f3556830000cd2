package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.Script;

/**
 * The statements a changelog run takes from one file: a changelog itself or an {@code sqlFile} it names.
 *
 * @param relativePath the file's path as used in findings (forward slashes)
 * @param script its statements, with positions in that file, and the comments that may acknowledge them
 * @param text the file's text as read, so reports can show the lines findings point at without reading the
 *     file again; empty when unknown
 */
public record ChangelogScript(String relativePath, Script script, String text) {

    public ChangelogScript {
        text = text == null ? "" : text;
    }

    /** A script whose file text is not kept. */
    public ChangelogScript(String relativePath, Script script) {
        this(relativePath, script, "");
    }
}
