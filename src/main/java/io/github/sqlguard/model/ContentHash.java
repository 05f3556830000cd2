package io.github.sqlguard.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A 128-bit hash that tells whether something sqlguard keeps between runs changed: a file's bytes, the list of
 * scanned files, the settings, the data behind the report files. It only has to tell accidental changes apart,
 * which two independent 64-bit lanes and a final mix do as well as a cryptographic digest would; what matters
 * is that it costs nearly nothing in a JVM that has not warmed up. Every run of the plugin is such a run, and
 * there SHA-256 takes tens of milliseconds for its first hundred kilobytes, the time a run with nothing changed
 * has in all. Finding fingerprints, which users keep in baseline files, stay SHA-256.
 *
 * <p>Not thread-safe: one instance per hash.
 */
public final class ContentHash {

    private static final long FIRST_MULTIPLIER = 0x100000001B3L;
    private static final long SECOND_MULTIPLIER = 0xC2B2AE3D27D4EB4FL;
    private static final int BUFFER_BYTES = 64 * 1024;

    private long first = 0xCBF29CE484222325L;
    private long second = 0x9E3779B97F4A7C15L;
    private long length;

    /** Adds {@code count} bytes of {@code bytes} from {@code offset}. */
    public ContentHash add(byte[] bytes, int offset, int count) {
        long a = first;
        long b = second;
        for (int i = offset; i < offset + count; i++) {
            int value = bytes[i] & 0xFF;
            a = (a ^ value) * FIRST_MULTIPLIER;
            b = Long.rotateLeft(b ^ value, 23) * SECOND_MULTIPLIER;
        }
        first = a;
        second = b;
        length += count;
        return this;
    }

    /** Adds the characters of {@code text}. */
    public ContentHash add(CharSequence text) {
        long a = first;
        long b = second;
        int count = text.length();
        for (int i = 0; i < count; i++) {
            char value = text.charAt(i);
            a = (a ^ value) * FIRST_MULTIPLIER;
            b = Long.rotateLeft(b ^ value, 23) * SECOND_MULTIPLIER;
        }
        first = a;
        second = b;
        length += count;
        return this;
    }

    /** The hash of everything added, as 32 lower-case hex digits. */
    public String hex() {
        long a = mix(first ^ length);
        long b = mix(second + a);
        return hex(a + b) + hex(b);
    }

    /** The hash of {@code bytes}. */
    public static String of(byte[] bytes) {
        return new ContentHash().add(bytes, 0, bytes.length).hex();
    }

    /** The hash of {@code text}. */
    public static String of(CharSequence text) {
        return new ContentHash().add(text).hex();
    }

    /** The hash of a file's bytes, read in blocks so a large file is never held whole. */
    public static String of(Path file) throws IOException {
        ContentHash hash = new ContentHash();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                hash.add(buffer, 0, read);
            }
        }
        return hash.hex();
    }

    /** Spreads every input bit over the whole word, so lanes that differ in one bit differ everywhere. */
    private static long mix(long value) {
        long mixed = value;
        mixed ^= mixed >>> 33;
        mixed *= 0xFF51AFD7ED558CCDL;
        mixed ^= mixed >>> 33;
        mixed *= 0xC4CEB9FE1A85EC53L;
        mixed ^= mixed >>> 33;
        return mixed;
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
