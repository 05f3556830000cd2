package io.github.sqlguard.sql;

/**
 * A construct the lexer could not close: everything after its start was swallowed by it.
 *
 * @param what what was left open, e.g. {@code "string literal"} or {@code "dollar-quoted string $body$"}
 * @param line the 1-based line where it starts
 * @param column the 1-based column where it starts
 */
public record LexError(String what, int line, int column) {
}
