package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/** The tokens of Java code: words, string literals, symbols; comments, char literals and numbers skipped. */
final class JavaTokens {

    enum Kind { WORD, STRING, SYMBOL, OTHER }

    /** A token of the Java code, at {@code start}..{@code end} of the code's text. */
    record JavaToken(Kind kind, String text, int start, int end) {

        boolean is(String symbol) {
            return kind != Kind.STRING && text.equals(symbol);
        }
    }

    private JavaTokens() {
    }

    /** The tokens of {@code code}; a text block is one token of kind OTHER, never a string read as SQL. */
    static List<JavaToken> of(String code) {
        List<JavaToken> tokens = new ArrayList<>();
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                // A text block: its indentation is stripped at compile time; read as a value, not as SQL.
                int end = code.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end + 3;
                tokens.add(new JavaToken(Kind.OTHER, code.substring(i, stop), i, stop));
                i = stop;
            } else if (c == '"' || c == '\'') {
                int end = quoteEnd(code, i, c);
                tokens.add(new JavaToken(c == '"' ? Kind.STRING : Kind.OTHER, code.substring(i, end), i, end));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                tokens.add(new JavaToken(Kind.WORD, code.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(code.charAt(end)) || code.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new JavaToken(Kind.OTHER, code.substring(i, end), i, end));
                i = end;
            } else {
                tokens.add(new JavaToken(Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** The end of the string or char literal opening at {@code start}: past its closing quote. */
    private static int quoteEnd(String code, int start, char quote) {
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return code.length();
    }
}
