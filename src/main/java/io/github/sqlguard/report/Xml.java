package io.github.sqlguard.report;

/**
 * Escaping for the XML reports, which are built by hand. Characters that XML 1.0 forbids even as character
 * references (most C0 controls, lone surrogates, U+FFFE/U+FFFF) would make the whole file unreadable, so
 * they are written as the visible text {@code \\uXXXX} instead.
 */
final class Xml {

    private Xml() {
    }

    /** {@code value} as the content of a double-quoted attribute; line breaks and tabs survive parsing. */
    static String attribute(String value) {
        return escape(value, true);
    }

    /** {@code value} as element text. */
    static String text(String value) {
        return escape(value, false);
    }

    private static String escape(String value, boolean attribute) {
        if (value == null) {
            return "";
        }
        if (isPlain(value, attribute)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                // Attribute value normalisation would turn raw line breaks and tabs into spaces.
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (isAllowedInXml10(c)) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * True when {@code value} is written as it is: no markup, nothing outside XML 1.0, and no white space other
     * than a blank, or in element text also a line break or tab (a finding's text spans lines).
     */
    private static boolean isPlain(String value, boolean attribute) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' && attribute
                    || !isAllowedInXml10(c) && (attribute || c != '\n' && c != '\t')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllowedInXml10(char c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
    }
}
