package io.github.sqlguard.liquibase;

import io.github.sqlguard.model.LineIndex;
import java.util.Arrays;

/**
 * A copy of an XML file in which one element's content reads as the SQL Liquibase sees, character for
 * character at the same offsets: CDATA markers, comments and child elements become spaces (line breaks
 * kept). Splitting that region then gives every token its true line and column in the changelog. An entity
 * reference is one character of the SQL, not that character and spaces ({@code &lt;&gt;} is the operator
 * {@code <>}, {@code &lt;=} is {@code <=}): content that holds one is decoded, each character placed where it
 * stands in the file.
 */
final class XmlContentView {

    private XmlContentView() {
    }

    /** The region of the content {@code fileText[from, to)}, which starts at {@code lines}' line and column of from. */
    static TextRegion region(String fileText, int from, int to, LineIndex lines) {
        String view = sqlView(fileText, from, to);
        int[] offsets = new int[to - from + 1];
        StringBuilder decoded = new StringBuilder(to - from);
        boolean anyEntity = false;
        int i = from;
        while (i < to) {
            int skip = entityLength(fileText, view, i, to);
            offsets[decoded.length()] = i;
            decoded.append(view.charAt(i));
            anyEntity |= skip > 1;
            i += skip;
        }
        if (!anyEntity) {
            return new TextRegion(view, from, to, lines.lineOf(from), lines.columnOf(from));
        }
        offsets[decoded.length()] = to;
        return new TextRegion(decoded.toString(), 0, decoded.length(), lines.lineOf(from), lines.columnOf(from),
                new DecodedPositions(Arrays.copyOf(offsets, decoded.length() + 1), lines));
    }

    /**
     * How many file characters the view's character at {@code i} stands for: the whole reference of an entity the
     * view decoded (its name blanked), else one (a literal {@code &} in CDATA keeps its name).
     */
    private static int entityLength(String fileText, String view, int i, int to) {
        if (fileText.charAt(i) != '&' || i + 1 >= to || view.charAt(i + 1) != ' ' || fileText.charAt(i + 1) == ' ') {
            return 1;
        }
        int semicolon = fileText.indexOf(';', i);
        return semicolon < 0 || semicolon >= to ? 1 : semicolon + 1 - i;
    }

    private static String sqlView(String fileText, int from, int to) {
        if (fileText.indexOf('<', from) < 0 || fileText.indexOf('<', from) >= to) {
            if (fileText.indexOf('&', from) < 0 || fileText.indexOf('&', from) >= to) {
                return fileText; // plain text content: the file itself is the view
            }
        }
        char[] view = fileText.toCharArray();
        int i = from;
        while (i < to) {
            if (fileText.startsWith("<![CDATA[", i)) {
                blank(view, i, i + 9);
                int close = fileText.indexOf("]]>", i + 9);
                int end = close < 0 || close > to ? to : close;
                blank(view, end, Math.min(to, end + 3));
                i = Math.min(to, end + 3);
            } else if (fileText.startsWith("<!--", i)) {
                int close = fileText.indexOf("-->", i + 4);
                int end = close < 0 || close > to ? to : close + 3;
                blank(view, i, end);
                i = end;
            } else if (fileText.startsWith("<?", i)) {
                int close = fileText.indexOf("?>", i + 2);
                int end = close < 0 || close > to ? to : close + 2;
                blank(view, i, end);
                i = end;
            } else if (fileText.charAt(i) == '<') {
                int end = childElementEnd(fileText, i, to);
                blank(view, i, end);
                i = end;
            } else if (fileText.charAt(i) == '&') {
                i = decodeEntity(fileText, view, i, to);
            } else {
                i++;
            }
        }
        return new String(view);
    }

    /** The offset just past the child element that starts at {@code start}, nested elements included. */
    private static int childElementEnd(String text, int start, int to) {
        int depth = 0;
        int i = start;
        while (i < to) {
            if (text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i);
                i = close < 0 ? to : close + 3;
            } else if (text.startsWith("<![CDATA[", i)) {
                int close = text.indexOf("]]>", i);
                i = close < 0 ? to : close + 3;
            } else if (text.charAt(i) == '<') {
                boolean closing = i + 1 < to && text.charAt(i + 1) == '/';
                int end = tagEnd(text, i, to);
                boolean selfClosing = end >= 2 && text.charAt(end - 2) == '/';
                depth += closing ? -1 : selfClosing ? 0 : 1;
                i = end;
                if (depth <= 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return to;
    }

    private static int tagEnd(String text, int start, int to) {
        char quote = 0;
        for (int i = start + 1; i < to; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return to;
    }

    private static int decodeEntity(String text, char[] view, int start, int to) {
        int semicolon = text.indexOf(';', start);
        if (semicolon < 0 || semicolon >= to || semicolon - start > 10) {
            return start + 1;
        }
        String name = text.substring(start + 1, semicolon);
        int decoded = switch (name) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> numericReference(name);
        };
        if (decoded < 0) {
            return start + 1;
        }
        // A character reference to a line break would move later lines: a space keeps them in place.
        view[start] = decoded == '\n' || decoded == '\r' || decoded > 0xFFFF ? ' ' : (char) decoded;
        blank(view, start + 1, semicolon + 1);
        return semicolon + 1;
    }

    private static int numericReference(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Integer.parseInt(name.substring(2), 16);
            }
            if (name.startsWith("#")) {
                return Integer.parseInt(name.substring(1));
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static void blank(char[] view, int from, int to) {
        for (int i = from; i < to; i++) {
            if (view[i] != '\n' && view[i] != '\r') {
                view[i] = ' ';
            }
        }
    }
}
