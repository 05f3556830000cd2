package io.github.sqlguard.sql;

import java.util.List;

/**
 * The text of a Java string literal as the compiled code holds it: {@code \"}, {@code \\}, {@code \n}, {@code \t},
 * {@code \r}, {@code \b}, {@code \f}, {@code \s}, octal escapes and {@code \}{@code uXXXX} decoded, each character
 * beside the file offset of what wrote it.
 */
final class JavaEscapes {

    private JavaEscapes() {
    }

    /**
     * Appends the inside of {@code literal} (with its quotes), which starts at {@code contentStart} - 1 of the code
     * whose characters stand at {@code offsets} of the file.
     */
    static void decode(String literal, int contentStart, int[] offsets, StringBuilder text, List<Integer> fileOffsets) {
        int last = literal.endsWith("\"") && literal.length() > 1 ? literal.length() - 1 : literal.length();
        int i = 1;
        while (i < last) {
            char c = literal.charAt(i);
            fileOffsets.add(offsets[contentStart + i - 1]);
            if (c != '\\' || i + 1 >= last) {
                text.append(c);
                i++;
                continue;
            }
            char escaped = literal.charAt(i + 1);
            if (escaped == 'u') {
                int digits = i + 1;
                while (digits < last && literal.charAt(digits) == 'u') {
                    digits++;
                }
                if (digits + 4 <= last && isHex(literal, digits, digits + 4)) {
                    text.append((char) Integer.parseInt(literal.substring(digits, digits + 4), 16));
                    i = digits + 4;
                    continue;
                }
            }
            if (escaped >= '0' && escaped <= '7') {
                int end = i + 2;
                int max = escaped <= '3' ? i + 4 : i + 3;
                while (end < Math.min(max, last) && literal.charAt(end) >= '0' && literal.charAt(end) <= '7') {
                    end++;
                }
                text.append((char) Integer.parseInt(literal.substring(i + 1, end), 8));
                i = end;
                continue;
            }
            text.append(switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 's' -> ' ';
                default -> escaped;
            });
            i += 2;
        }
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
