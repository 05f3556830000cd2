package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import java.util.Objects;

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

    // Written out: the replay looks a key up for every statement, and a record's generated equals and hashCode
    // run through method handles, slow in a JVM that has not warmed up.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof StatementKey that && line == that.line && column == that.column
                && container == that.container && length == that.length && Objects.equals(path, that.path);
    }

    @Override
    public int hashCode() {
        return ((Objects.hashCode(path) * 31 + line) * 31 + column) * 31 + length + (container ? 1 : 0);
    }

    static StatementKey of(Statement statement) {
        return new StatementKey(statement.start().path(), statement.start().line(), statement.start().column(),
                statement.container(), statement.sql().length());
    }
}
