package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;

/**
 * Names a statement by where it is written, so that the replay can answer for a statement read again from its
 * file after the one it replayed was dropped: a large project's statements are not all kept in memory.
 *
 * @param path the file the statement is written in
 * @param line its first line
 * @param column its first column
 * @param container true for a block or routine that holds inner statements (they may start where it starts)
 * @param length the length of its text
 */
record StatementKey(String path, int line, int column, boolean container, int length) {

    static StatementKey of(Statement statement) {
        return new StatementKey(statement.start().path(), statement.start().line(), statement.start().column(),
                statement.container(), statement.sql().length());
    }
}
