package io.github.sqlguard.report;

/**
 * A finding's line of SQL as a report shows it, with a caret line under the finding's column. A line far longer than
 * a terminal (a dumped INSERT of thousands of characters, then the DELETE the finding is about, on one line) is cut
 * to a window around the column, each cut marked with {@code ...}, so the log shows the clause rather than pages of
 * values. The caret counts the cells a terminal draws: two for a CJK character, a fullwidth comma or an emoji, none
 * for a combining mark; a tab stays a tab, so the caret lines up however wide the terminal draws it.
 *
 * @param text  the line, or the window of it, to print
 * @param caret spaces (and tabs) up to the column, then {@code ^}
 */
record ClippedSourceLine(String text, String caret) {

    /** Characters of a line shown whole; a longer one is cut to this many around the column. */
    static final int MAX_SHOWN = 160;

    /** Characters kept before the column in a cut line: enough to see the statement the clause belongs to. */
    static final int BEFORE_COLUMN = 60;

    static final String CUT = "...";

    /** {@code line} with its caret under {@code column} (1-based, in UTF-16 units as every finding counts it). */
    static ClippedSourceLine of(String line, int column) {
        int at = Math.max(0, column - 1);
        if (line.length() <= MAX_SHOWN) {
            return new ClippedSourceLine(line, caret(line, 0, at, ""));
        }
        int start = Math.max(0, Math.min(at, line.length()) - BEFORE_COLUMN);
        int end = Math.min(line.length(), start + MAX_SHOWN);
        // Never split a surrogate pair: half an emoji prints as garbage.
        if (start > 0 && Character.isLowSurrogate(line.charAt(start))) {
            start--;
        }
        if (end < line.length() && Character.isLowSurrogate(line.charAt(end))) {
            end++;
        }
        String before = start > 0 ? CUT : "";
        String text = before + line.substring(start, end) + (end < line.length() ? CUT : "");
        return new ClippedSourceLine(text, caret(line, start, at, " ".repeat(before.length())));
    }

    /** Padding for what {@code line} draws from {@code start} to {@code at}, past its end in single cells. */
    private static String caret(String line, int start, int at, String prefix) {
        StringBuilder padding = new StringBuilder(prefix);
        int end = Math.min(at, line.length());
        for (int i = start; i < end; ) {
            int codePoint = line.codePointAt(i);
            padding.append(codePoint == '\t' ? "\t" : " ".repeat(cells(codePoint)));
            i += Character.charCount(codePoint);
        }
        padding.append(" ".repeat(Math.max(0, at - line.length())));
        return padding.append('^').toString();
    }

    /** The cells a terminal draws {@code codePoint} in (East Asian wide and fullwidth characters take two). */
    static int cells(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(codePoint) ? 2 : 1;
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && c <= 0x115F // Hangul Jamo initials
                || c >= 0x2E80 && c <= 0x303E // CJK radicals, ideographic punctuation and space
                || c >= 0x3041 && c <= 0x33FF // kana, bopomofo, CJK compatibility
                || c >= 0x3400 && c <= 0x4DBF // CJK extension A
                || c >= 0x4E00 && c <= 0x9FFF // CJK unified ideographs
                || c >= 0xA000 && c <= 0xA4CF // Yi
                || c >= 0xAC00 && c <= 0xD7A3 // Hangul syllables
                || c >= 0xF900 && c <= 0xFAFF // CJK compatibility ideographs
                || c >= 0xFE30 && c <= 0xFE4F // CJK compatibility forms
                || c >= 0xFF00 && c <= 0xFF60 // fullwidth forms (the comma and parentheses of Chinese text)
                || c >= 0xFFE0 && c <= 0xFFE6
                || c >= 0x1F300 && c <= 0x1F64F // emoji and pictographs
                || c >= 0x1F900 && c <= 0x1FAFF
                || c >= 0x20000 && c <= 0x3FFFD; // CJK extensions B and later
    }
}
