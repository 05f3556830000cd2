package io.github.sqlguard.source;

/**
 * The first byte of a file that was not valid in the expected charset, so the file was read another way.
 *
 * @param message the warning shown to users, e.g.
 *     {@code not valid UTF-8 at line 3 (byte 57); read as ISO-8859-1}
 * @param line the line (from 1) holding the first invalid byte
 * @param column the column (from 1) of that byte in its line, counting the characters read before it
 * @param byteOffset the offset of that byte from the start of the file, counting from 0 (as hex editors do),
 *     byte order mark included
 */
public record DecodeWarning(String message, int line, int column, long byteOffset) {
}
