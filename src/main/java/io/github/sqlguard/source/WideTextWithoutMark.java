package io.github.sqlguard.source;

import java.util.Optional;

/**
 * Tells a script written in UTF-16 or UTF-32 without a byte order mark from a binary file: both hold NUL bytes,
 * but in such text nearly every code unit is an ASCII character whose other bytes are NUL, in the same place in
 * each unit. Windows tools write such files ("Unicode" without a mark), and calling them binary hides the fix.
 */
final class WideTextWithoutMark {

    /** The share of code units that must be one ASCII character (the rest may be other characters). */
    private static final double ASCII_SHARE = 0.9;

    /** Fewer code units than this say nothing either way. */
    private static final int FEWEST_UNITS = 4;

    private WideTextWithoutMark() {
    }

    /** The encoding the first {@code probe} bytes are written in, when they read as wide text; else empty. */
    static Optional<String> encodingOf(byte[] bytes, int probe) {
        int end = Math.min(bytes.length, probe);
        // UTF-32 first: its ASCII units would also pass for UTF-16 whose every other character is NUL.
        for (String encoding : new String[] {"UTF-32LE", "UTF-32BE", "UTF-16LE", "UTF-16BE"}) {
            int width = encoding.startsWith("UTF-32") ? 4 : 2;
            boolean little = encoding.endsWith("LE");
            if (mostlyAscii(bytes, end - end % width, width, little)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }

    private static boolean mostlyAscii(byte[] bytes, int end, int width, boolean little) {
        int units = end / width;
        if (units < FEWEST_UNITS) {
            return false;
        }
        int ascii = 0;
        for (int unit = 0; unit < end; unit += width) {
            if (isAsciiUnit(bytes, unit, width, little)) {
                ascii++;
            }
        }
        return ascii >= units * ASCII_SHARE;
    }

    /** True when the unit at {@code start} is a printable ASCII character, a tab or a line end. */
    private static boolean isAsciiUnit(byte[] bytes, int start, int width, boolean little) {
        int low = little ? start : start + width - 1;
        for (int i = start; i < start + width; i++) {
            if (i != low && bytes[i] != 0) {
                return false;
            }
        }
        int c = bytes[low];
        return c >= 0x20 && c < 0x7F || c == '\t' || c == '\n' || c == '\r';
    }
}
