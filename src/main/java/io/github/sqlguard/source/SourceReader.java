package io.github.sqlguard.source;

import io.github.sqlguard.model.ContentHash;
import io.github.sqlguard.model.LineIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads a script as text, failing closed: a file that is binary, too large or unreadable becomes an
 * {@link ReadResult.Unreadable} with a reason, and bytes that are invalid in the configured charset are
 * read as ISO-8859-1 (every byte is a character there) with a {@link DecodeWarning}, so the SQL is still
 * analysed.
 *
 * <p>A byte order mark wins over the configured charset: UTF-8, UTF-16 and UTF-32 marks are removed and
 * decide the decoding. Invalid bytes after a UTF-16 or UTF-32 mark become U+FFFD (with the same warning)
 * instead of ISO-8859-1, which would read such a file as a string of NULs. Files with a NUL byte in their
 * first 8 KB and no mark are binary, unless the configured charset itself is a wide one like UTF-16; one whose
 * NULs are those of UTF-16 or UTF-32 text is named as such, so its reason says how to fix it. Plain ASCII or UTF-8
 * bytes configured as UTF-16 (or another charset that does not read ASCII as ASCII) are unreadable too: they would
 * decode without an error into characters with no SQL in them ({@link TextInAnotherCharset}).
 * Line ends are left as they are; counting lines is the lexer's job.
 */
public final class SourceReader {

    /** The default size limit: 50 MB. Larger files are reported, not read. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    /** How much of the start of a file is searched for NUL bytes to tell binary files apart. */
    static final int BINARY_PROBE_BYTES = 8 * 1024;

    static final String BINARY_REASON = "binary file (contains NUL bytes); not a SQL script";

    private static final String CONFIGURED_SETTING = "the configured encoding";
    private static final String CONFIGURED_FIX = "set the encoding that names it (sqlguard.encoding, Flyway's encoding"
            + " or a Liquibase encoding attribute) to the file's charset, such as UTF-8";
    private static final String DECLARED_SETTING = "the encoding its XML declaration names";
    private static final String DECLARED_FIX = "correct the declaration's encoding";

    // Arrays cannot be longer than this, whatever limit is configured.
    private static final long LARGEST_READABLE = Integer.MAX_VALUE - 16;

    private SourceReader() {
    }

    /** Reads a file with the {@link #DEFAULT_MAX_BYTES default size limit}. */
    public static ReadResult read(Path file, Charset configured) {
        return read(file, configured, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a file.
     *
     * @param file the file to read
     * @param configured the charset the project declares (the {@code encoding} parameter)
     * @param maxBytes files larger than this are {@link ReadResult.Unreadable}
     * @throws IllegalArgumentException when {@code maxBytes} is negative
     */
    public static ReadResult read(Path file, Charset configured, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the maximum file size must not be negative: " + maxBytes);
        }
        long limit = Math.min(maxBytes, LARGEST_READABLE);
        byte[] bytes;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isOther()) {
                // Reading a pipe or device could block the build forever.
                return new ReadResult.Unreadable("not a regular file (device, pipe or socket); not a SQL script");
            }
            if (attributes.isRegularFile() && attributes.size() > limit) {
                return tooLarge(attributes.size(), maxBytes);
            }
            bytes = readAtMostOneMore(file, attributes.isRegularFile() ? attributes.size() : 0, limit);
        } catch (IOException | SecurityException failure) {
            return new ReadResult.Unreadable("cannot read file: " + describe(failure));
        }
        if (bytes.length > limit) {
            return tooLarge(bytes.length, maxBytes);
        }
        // An XML file's own declaration names the charset its parser reads it in; a byte order mark still wins.
        Optional<Charset> declared = ByteOrderMark.of(bytes) == null && file.getFileName() != null
                ? XmlDeclaration.charsetOf(file.getFileName().toString(), bytes) : Optional.empty();
        ReadResult result = declared.isPresent() ? decode(bytes, declared.get(), DECLARED_SETTING, DECLARED_FIX)
                : decode(bytes, configured);
        return result instanceof ReadResult.Text text ? text.stamped(new ReadStamp(attributes.size(),
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), ContentHash.of(bytes))) : result;
    }

    /**
     * The file's bytes, but no more than one byte over {@code limit}: that byte tells a file that grew past the
     * limit since it was measured. The array is sized from {@code expectedSize}, so the usual file is read into
     * one array of its own size instead of growing buffers.
     */
    private static byte[] readAtMostOneMore(Path file, long expectedSize, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (expectedSize <= 0 || expectedSize > limit) {
                return in.readNBytes((int) limit + 1);
            }
            byte[] bytes = new byte[(int) expectedSize];
            int read = in.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                return Arrays.copyOf(bytes, read);
            }
            int next = in.read();
            if (next < 0) {
                return bytes;
            }
            byte[] rest = in.readNBytes((int) (limit - expectedSize));
            byte[] grown = Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
            grown[bytes.length] = (byte) next;
            System.arraycopy(rest, 0, grown, bytes.length + 1, rest.length);
            return grown;
        }
    }

    /**
     * Decodes bytes already in memory (for example a file included by a changelog) with the same rules
     * as {@link #read}: byte order marks, binary detection and the ISO-8859-1 fallback.
     */
    public static ReadResult decode(byte[] bytes, Charset configured) {
        return decode(bytes, configured, CONFIGURED_SETTING, CONFIGURED_FIX);
    }

    /** {@link #decode(byte[], Charset)}, naming {@code setting} as where the charset comes from, and its fix. */
    private static ReadResult decode(byte[] bytes, Charset configured, String setting, String fix) {
        ByteOrderMark mark = ByteOrderMark.of(bytes);
        if (mark == null && !encodesAsciiWithNuls(configured) && containsNul(bytes)) {
            return new ReadResult.Unreadable(WideTextWithoutMark.encodingOf(bytes, BINARY_PROBE_BYTES)
                    .map(encoding -> encoding + " text without a byte order mark (its ASCII characters come with NUL"
                            + " bytes); not read: save it with a byte order mark, as SQL Server Management Studio's"
                            + " Unicode encodings do, or as UTF-8")
                    .orElse(BINARY_REASON));
        }
        Charset charset = mark == null ? configured : mark.charset;
        if (mark == null) {
            Optional<String> misread = TextInAnotherCharset.reason(bytes, charset, setting, fix);
            if (misread.isPresent()) {
                return new ReadResult.Unreadable(misread.get());
            }
        }
        int start = mark == null ? 0 : mark.length;
        if (readsAsciiAsLatin1(charset) && isAscii(bytes, start)) {
            // Most scripts are plain ASCII: one copy into a compact string, no decoder and no char buffer.
            return new ReadResult.Text(new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1),
                    charset, Optional.empty(), null);
        }
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer decoded = CharBuffer.allocate(bytes.length - start + 16);
        CoderResult result = decoder.decode(input, decoded, true);
        while (result.isOverflow()) {
            decoded = grow(decoded);
            result = decoder.decode(input, decoded, true);
        }
        if (!result.isError()) {
            result = decoder.flush(decoded);
            while (result.isOverflow()) {
                decoded = grow(decoded);
                result = decoder.flush(decoded);
            }
        }
        decoded.flip();
        if (result.isError()) {
            // input.position() indexes the whole array, so the offset counts the byte order mark too.
            return decodeFallback(bytes, charset, mark, input.position(), decoded);
        }
        return new ReadResult.Text(decoded.toString(), charset, Optional.empty(), null);
    }

    private static CharBuffer grow(CharBuffer full) {
        CharBuffer larger = CharBuffer.allocate(full.capacity() * 2 + 16);
        full.flip();
        larger.put(full);
        return larger;
    }

    /** True for the charsets whose characters below 128 are the ASCII bytes, each one byte. */
    private static boolean readsAsciiAsLatin1(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII);
    }

    private static boolean isAscii(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** True for charsets such as UTF-16 where plain text is full of NUL bytes. */
    private static boolean encodesAsciiWithNuls(Charset charset) {
        return charset.canEncode() && "a".getBytes(charset).length > 1;
    }

    private static ReadResult decodeFallback(byte[] bytes, Charset expected, ByteOrderMark mark, int errorOffset,
            CharBuffer decodedBeforeError) {
        int line = 1 + LineIndex.lineBreaks(decodedBeforeError, 0, decodedBeforeError.length());
        int column = decodedBeforeError.length() - lineStart(decodedBeforeError) + 1;
        if (mark != null && mark != ByteOrderMark.UTF_8) {
            // The mark says what the file is; ISO-8859-1 would turn UTF-16 into garbage with NULs.
            String text = replacingDecode(bytes, mark);
            String message = String.format(Locale.ROOT, "not valid %s at line %d (byte %d); invalid bytes read as U+FFFD",
                    expected.name(), line, errorOffset);
            return new ReadResult.Text(text, expected, Optional.of(new DecodeWarning(message, line, column, errorOffset)), null);
        }
        String message = String.format(Locale.ROOT, "not valid %s at line %d (byte %d); read as ISO-8859-1",
                expected.name(), line, errorOffset);
        int start = mark == null ? 0 : mark.length;
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        return new ReadResult.Text(text, StandardCharsets.ISO_8859_1,
                Optional.of(new DecodeWarning(message, line, column, errorOffset)), null);
    }

    /** Where the last line of {@code text} starts: after its last CR or LF, or at 0. */
    private static int lineStart(CharSequence text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i + 1;
            }
        }
        return 0;
    }

    private static String replacingDecode(byte[] bytes, ByteOrderMark mark) {
        try {
            return mark.charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, mark.length, bytes.length - mark.length))
                    .toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("a replacing decoder reported an error", impossible);
        }
    }

    private static boolean containsNul(byte[] bytes) {
        int end = Math.min(bytes.length, BINARY_PROBE_BYTES);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static ReadResult tooLarge(long size, long maxBytes) {
        return new ReadResult.Unreadable("file is " + size(size) + ", larger than the limit of " + size(maxBytes)
                + " that maxFileSizeMb sets; not read");
    }

    /** A byte count, with megabytes or kilobytes added where they are easier to read. */
    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%d bytes (%.1f MB)", bytes, bytes / (1024.0 * 1024.0));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%d bytes (%.1f KB)", bytes, bytes / 1024.0);
        }
        return bytes + " bytes";
    }

    private static String describe(Exception failure) {
        if (failure instanceof NoSuchFileException) {
            return "file not found: " + failure.getMessage();
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied: " + failure.getMessage();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** The byte order marks that decide a file's charset, longest first so UTF-32LE wins over UTF-16LE. */
    private enum ByteOrderMark {
        UTF_32BE("UTF-32BE", 0x00, 0x00, 0xFE, 0xFF),
        UTF_32LE("UTF-32LE", 0xFF, 0xFE, 0x00, 0x00),
        UTF_8("UTF-8", 0xEF, 0xBB, 0xBF),
        UTF_16BE("UTF-16BE", 0xFE, 0xFF),
        UTF_16LE("UTF-16LE", 0xFF, 0xFE);

        private final Charset charset;
        private final byte[] bytes;
        private final int length;

        ByteOrderMark(String charset, int... bytes) {
            this.charset = Charset.forName(charset);
            this.bytes = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                this.bytes[i] = (byte) bytes[i];
            }
            this.length = bytes.length;
        }

        static ByteOrderMark of(byte[] content) {
            for (ByteOrderMark mark : values()) {
                if (content.length >= mark.length
                        && Arrays.equals(content, 0, mark.length, mark.bytes, 0, mark.length)) {
                    return mark;
                }
            }
            return null;
        }
    }
}
