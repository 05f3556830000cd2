package io.github.sqlguard.liquibase;

/**
 * SQL text held by a changelog element, ready for the splitter: {@code text[from, to)} starts at
 * {@code line:column} of the changelog file. When the element's text sits verbatim in the file,
 * {@code text} is the file text (or a copy where XML markup was blanked with spaces) so every token keeps
 * its exact position; otherwise it is the decoded value, and {@code positions} (when known) says where each
 * of its characters stands in the file.
 */
record TextRegion(String text, int from, int to, int line, int column, DecodedPositions positions) {

    TextRegion(String text, int from, int to, int line, int column) {
        this(text, from, to, line, column, null);
    }

    /** The SQL as Liquibase would see it, before property substitution. */
    String content() {
        return text.substring(from, to);
    }
}
