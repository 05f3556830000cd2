package io.github.sqlguard.model;

/** JSON string literals for the report and baseline writers, which build their documents by hand. */
public final class Json {

    private Json() {
    }

    /** {@code value} as a quoted JSON string, or {@code null} for a null value. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        if (needsNoEscape(value)) {
            // Most report strings (paths, rule ids, messages) are plain: one copy, no character-by-character build.
            return '"' + value + '"';
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** True when {@code value} can stand between quotes as it is: no quote, backslash or control character. */
    public static boolean needsNoEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
