package io.github.sqlguard.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a script that is plainly ASCII or UTF-8 text but is read in a charset that does not read ASCII bytes as
 * ASCII, such as UTF-16 or EBCDIC: there every pair of ASCII bytes becomes one CJK-looking character (or each byte
 * some other letter), so {@code DELETE FROM customers;} decodes without an error into text with no SQL in it and
 * would pass unchecked. Such a file is named unreadable in that charset instead, saying what its bytes look like.
 */
final class TextInAnotherCharset {

    /** How much of the start of a file is looked at. */
    private static final int PROBE_BYTES = 8 * 1024;

    /** The share of bytes that must be printable ASCII, tabs or line ends for the bytes to be plainly text. */
    private static final double ASCII_BYTE_SHARE = 0.9;

    /** Below this share of ASCII letters, digits and white space, decoded text is no script in any language. */
    private static final double TEXT_CHARACTER_SHARE = 0.5;

    /** What every charset that reads ASCII as itself decodes to itself. */
    private static final byte[] ASCII_SAMPLE = "SELECT id FROM t;\n".getBytes(StandardCharsets.US_ASCII);

    private TextInAnotherCharset() {
    }

    /**
     * Why the bytes (without a byte order mark) are not text in {@code charset}, or empty when they may be.
     *
     * @param setting where {@code charset} was named, e.g. {@code the configured encoding}
     * @param fix what to change in that place, e.g. {@code set the encoding setting ..}
     */
    static Optional<String> reason(byte[] bytes, Charset charset, String setting, String fix) {
        if (readsAsciiAsItself(charset) || bytes.length == 0) {
            return Optional.empty();
        }
        int end = Math.min(bytes.length, PROBE_BYTES);
        int asciiText = 0;
        boolean allAscii = true;
        for (int i = 0; i < end; i++) {
            int b = bytes[i];
            if (b == 0) {
                return Optional.empty(); // NUL bytes: wide text, or binary, which is told apart elsewhere
            }
            allAscii &= b > 0;
            if (b >= 0x20 && b < 0x7F || b == '\t' || b == '\n' || b == '\r') {
                asciiText++;
            }
        }
        if (asciiText < end * ASCII_BYTE_SHARE) {
            return Optional.empty();
        }
        String decoded = replacingDecode(bytes, end, charset);
        int text = 0;
        int cjk = 0;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || Character.isWhitespace(c))) {
                text++;
            } else if (c >= 0x2E80 && c < 0xA000 || c >= 0xAC00 && c < 0xD7B0 || c >= 0xF900 && c < 0xFB00) {
                cjk++;
            }
        }
        if (decoded.isEmpty() || text >= decoded.length() * TEXT_CHARACTER_SHARE) {
            return Optional.empty();
        }
        int other = decoded.length() - text;
        return Optional.of(String.format(Locale.ROOT, "read in %s, %s, it is no text: %d of its first %d characters"
                + " are not ASCII letters, digits or spaces%s, but its bytes are %s; not read: %s, or save the file"
                + " in %s with a byte order mark", charset.name(), setting, other, decoded.length(),
                cjk == 0 ? "" : " (" + cjk + " of them CJK)", lookOf(bytes, end, allAscii), fix, charset.name()));
    }

    private static boolean readsAsciiAsItself(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)) {
            return true;
        }
        return new String(ASCII_SAMPLE, charset).equals(new String(ASCII_SAMPLE, StandardCharsets.US_ASCII));
    }

    /** What the bytes are: plain ASCII, UTF-8, or ASCII with a few bytes of some single-byte charset. */
    private static String lookOf(byte[] bytes, int end, boolean allAscii) {
        if (allAscii) {
            return "plain ASCII text";
        }
        // Not at the end of input: a probe that ends inside a UTF-8 sequence is no error.
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, end), CharBuffer.allocate(end), end == bytes.length);
        return result.isError() ? "ASCII text with some bytes of a single-byte charset such as ISO-8859-1"
                : "UTF-8 text";
    }

    private static String replacingDecode(byte[] bytes, int end, Charset charset) {
        try {
            CharBuffer decoded = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes, 0, end));
            return decoded.toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("a replacing decoder reported an error", impossible);
        }
    }
}
