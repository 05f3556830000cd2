package io.github.sqlguard;

import io.github.sqlguard.model.LineIndex;

/** Text handling the corpus property tests share: damaging bytes, measuring lines, showing where a try failed. */
final class PropertyTestText {

    private PropertyTestText() {
    }

    /** {@code bytes} with {@code inserted} put in at {@code at}. */
    static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    /** The length of a 1-based line without its line break (a leading byte-order mark takes no column). */
    static int lengthOf(String text, LineIndex lines, int line) {
        int start = lines.lineStart(line);
        int end = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end - start - (start == 0 && text.startsWith("\uFEFF") ? 1 : 0);
    }

    /** The lines around 1-based {@code line}, numbered, for a failure message. */
    static String excerpt(String text, int line) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, line - 6); i < Math.min(lines.length, line + 3); i++) {
            out.append(i + 1).append(": ").append(lines[i]).append('\n');
        }
        return out.toString();
    }
}
