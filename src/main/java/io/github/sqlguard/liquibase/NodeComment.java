package io.github.sqlguard.liquibase;

/**
 * A comment that annotates a changelog element (an XML {@code <!-- -->} or YAML {@code #} comment), with where
 * it starts, so diagnostics about an acknowledgement in it point at the comment itself.
 *
 * @param text the comment's text without its markers, flattened to one line
 * @param line 1-based line of the comment's start ({@code <!--} or {@code #})
 * @param column 1-based column of the comment's start
 */
record NodeComment(String text, int line, int column) {
}
