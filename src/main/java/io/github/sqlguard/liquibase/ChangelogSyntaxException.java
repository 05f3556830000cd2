package io.github.sqlguard.liquibase;

/** A changelog that cannot be parsed, with the 1-based position of the problem. */
final class ChangelogSyntaxException extends Exception {

    private final int line;
    private final int column;

    ChangelogSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
