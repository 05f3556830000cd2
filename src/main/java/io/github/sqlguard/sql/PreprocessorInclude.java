package io.github.sqlguard.sql;

/**
 * The C preprocessor's {@code #include "file"} and {@code #include <file>} lines. PostgreSQL extensions keep their
 * install and upgrade scripts as templates that cpp expands at build time, pasting each named file in place of its
 * line; the line ends there, without a semicolon, so read as SQL it swallowed the statement on the next line. In
 * PostgreSQL {@code #} is the XOR operator, but no expression goes on with the word {@code include} followed by a
 * quoted or bracketed name, so the shape is decidable from the line alone.
 */
final class PreprocessorInclude {

    private PreprocessorInclude() {
    }

    /** True when the line from {@code pos}, its first token, is an include directive naming a file on that line. */
    static boolean startsAt(String text, int pos, int end) {
        if (pos >= end || text.charAt(pos) != '#') {
            return false;
        }
        int word = LexicalShapes.skipBlanks(text, pos + 1, end);
        // cpp compares directive names case-sensitively: #INCLUDE is no directive.
        if (!text.startsWith("include", word) || word + "include".length() >= end) {
            return false;
        }
        int name = LexicalShapes.skipBlanks(text, word + "include".length(), end);
        if (name >= end || name == word + "include".length() && text.charAt(name) != '"'
                && text.charAt(name) != '<') {
            return false;
        }
        char open = text.charAt(name);
        char close = open == '"' ? '"' : open == '<' ? '>' : '\0';
        for (int i = name + 1; close != '\0' && i < end && !LexicalShapes.isLineBreak(text.charAt(i)); i++) {
            if (text.charAt(i) == close) {
                return i > name + 1;
            }
        }
        return false;
    }
}
