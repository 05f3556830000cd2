package io.github.sqlguard.liquibase;

import io.github.sqlguard.sql.Script;

/**
 * The statements a changelog run takes from one file: a changelog itself or an {@code sqlFile} it names.
 *
 * @param relativePath the file's path as used in findings (forward slashes)
 * @param script its statements, with positions in that file, and the comments that may acknowledge them
 */
public record ChangelogScript(String relativePath, Script script) {
}
