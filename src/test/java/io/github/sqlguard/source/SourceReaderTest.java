package io.github.sqlguard.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceReaderTest {

    @TempDir
    Path dir;

    private Path write(byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = dir.resolve("script.sql");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static ReadResult.Text text(ReadResult result) {
        return assertInstanceOf(ReadResult.Text.class, result);
    }

    private static String unreadable(ReadResult result) {
        return assertInstanceOf(ReadResult.Unreadable.class, result).reason();
    }

    @Test
    void readsUtf8TextWithLineEndsUntouched() throws IOException {
        String sql = "-- caf\u00e9\r\nDELETE FROM t;\rUPDATE t SET a = 1;\n";
        ReadResult.Text result = text(SourceReader.read(write(sql.getBytes(UTF_8)), UTF_8));

        assertEquals(sql, result.text());
        assertEquals(UTF_8, result.charset());
        assertEquals(Optional.empty(), result.decodeWarning());
    }

    @Test
    void readsAnEmptyFileAsEmptyText() throws IOException {
        assertEquals("", text(SourceReader.read(write(), UTF_8)).text());
    }

    @Test
    void stripsAUtf8ByteOrderMarkAndLetsItWinOverTheConfiguredCharset() throws IOException {
        Path file = write(bytes(0xEF, 0xBB, 0xBF), "select 'caf\u00e9';\r\n".getBytes(UTF_8));

        ReadResult.Text result = text(SourceReader.read(file, ISO_8859_1));

        assertEquals("select 'caf\u00e9';\r\n", result.text());
        assertEquals(UTF_8, result.charset());
    }

    @Test
    void anXmlFileIsDecodedInTheCharsetItsDeclarationNames() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!-- caf\u00e9 -->\n<databaseChangeLog/>\n";
        Path file = dir.resolve("changelog.xml");
        Files.write(file, xml.getBytes(ISO_8859_1));
        Path sameBytesAsSql = dir.resolve("changelog.sql");
        Files.write(sameBytesAsSql, xml.getBytes(ISO_8859_1));

        ReadResult.Text result = text(SourceReader.read(file, UTF_8));

        assertEquals(xml, result.text());
        assertEquals(ISO_8859_1, result.charset());
        assertEquals(Optional.empty(), result.decodeWarning());
        assertTrue(text(SourceReader.read(sameBytesAsSql, UTF_8)).decodeWarning().isPresent(),
                "only XML files declare their encoding");
    }

    @Test
    void decodesUtf16LittleEndianFromItsByteOrderMark() throws IOException {
        Path file = write(bytes(0xFF, 0xFE), "DROP TABLE t;\r\n".getBytes(UTF_16LE));

        ReadResult.Text result = text(SourceReader.read(file, UTF_8));

        assertEquals("DROP TABLE t;\r\n", result.text());
        assertEquals(UTF_16LE, result.charset());
    }

    @Test
    void decodesUtf16BigEndianFromItsByteOrderMark() throws IOException {
        Path file = write(bytes(0xFE, 0xFF), "DROP TABLE t;".getBytes(UTF_16BE));

        ReadResult.Text result = text(SourceReader.read(file, UTF_8));

        assertEquals("DROP TABLE t;", result.text());
        assertEquals(UTF_16BE, result.charset());
    }

    @Test
    void invalidUtf8FallsBackToIso88591AndNamesTheLineAndByte() throws IOException {
        byte[] before = "-- header\r\nselect 1;\nselect 'caf".getBytes(UTF_8);
        Path file = write(before, bytes(0xE9), "';\n".getBytes(UTF_8));

        ReadResult.Text result = text(SourceReader.read(file, UTF_8));

        assertEquals("-- header\r\nselect 1;\nselect 'caf\u00e9';\n", result.text());
        assertEquals(ISO_8859_1, result.charset());
        DecodeWarning warning = result.decodeWarning().orElseThrow();
        assertEquals(3, warning.line());
        assertEquals(12, warning.column());
        assertEquals(before.length, warning.byteOffset());
        assertEquals("not valid UTF-8 at line 3 (byte " + before.length + "); read as ISO-8859-1", warning.message());
    }

    @Test
    void invalidUtf8AfterAUtf8ByteOrderMarkFallsBackWithoutTheMark() throws IOException {
        Path file = write(bytes(0xEF, 0xBB, 0xBF), "select 'caf".getBytes(UTF_8), bytes(0xE9), "';".getBytes(UTF_8));

        ReadResult.Text result = text(SourceReader.read(file, UTF_8));

        assertEquals("select 'caf\u00e9';", result.text());
        assertEquals(ISO_8859_1, result.charset());
        assertEquals("not valid UTF-8 at line 1 (byte 14); read as ISO-8859-1",
                result.decodeWarning().orElseThrow().message());
        assertEquals(12, result.decodeWarning().orElseThrow().column());
    }

    @Test
    void countsALoneCarriageReturnAsALineBreakWhenLocatingInvalidBytes() throws IOException {
        Path file = write("a\rb\r\nc\nx".getBytes(UTF_8), bytes(0xC3, 0x28));

        DecodeWarning warning = text(SourceReader.read(file, UTF_8)).decodeWarning().orElseThrow();

        assertEquals(4, warning.line());
        assertEquals(2, warning.column());
        assertEquals(8, warning.byteOffset());
    }

    @Test
    void usesTheConfiguredCharsetWhenTheBytesAreValidInIt() throws IOException {
        Path file = write("select 'caf".getBytes(UTF_8), bytes(0xE9), "';".getBytes(UTF_8));

        ReadResult.Text result = text(SourceReader.read(file, Charset.forName("windows-1252")));

        assertEquals("select 'caf\u00e9';", result.text());
        assertEquals(Charset.forName("windows-1252"), result.charset());
        assertTrue(result.decodeWarning().isEmpty());
    }

    @Test
    void invalidUtf16AfterAByteOrderMarkIsReplacedNotReadAsLatin1() throws IOException {
        // 0xD800 is a lone high surrogate: malformed UTF-16.
        Path file = write(bytes(0xFF, 0xFE), "a\n".getBytes(UTF_16LE), bytes(0x00, 0xD8, 0x41, 0x00));

        ReadResult.Text result = text(SourceReader.read(file, UTF_8));

        assertEquals(UTF_16LE, result.charset());
        assertTrue(result.text().startsWith("a\n\uFFFD"), result.text());
        DecodeWarning warning = result.decodeWarning().orElseThrow();
        assertEquals(2, warning.line());
        assertEquals(6, warning.byteOffset());
        assertEquals("not valid UTF-16LE at line 2 (byte 6); invalid bytes read as U+FFFD", warning.message());
    }

    @Test
    void aNulByteInTheFirst8KbMeansBinary() throws IOException {
        Path file = write("PK".getBytes(UTF_8), bytes(0x03, 0x04, 0x00, 0x00), "select".getBytes(UTF_8));

        assertEquals("binary file (contains NUL bytes); not a SQL script", unreadable(SourceReader.read(file, UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void wideTextWithoutAByteOrderMarkIsNamedNotCalledBinary(String encoding) throws IOException {
        // A script saved as "Unicode" without its mark: every ASCII character comes with NUL bytes.
        Path file = write("IF OBJECT_ID('dbo.t') IS NOT NULL\r\n  DROP TABLE dbo.t;\r\nGO\r\n-- caf\u00e9\r\n"
                .getBytes(Charset.forName(encoding)));

        String reason = unreadable(SourceReader.read(file, UTF_8));

        assertEquals(encoding + " text without a byte order mark (its ASCII characters come with NUL bytes); not read:"
                + " save it with a byte order mark, as SQL Server Management Studio's Unicode encodings do, or as"
                + " UTF-8", reason);
    }

    /** UTF-8 bytes read as UTF-16 decode without an error into CJK-looking characters, with no SQL in them. */
    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM customers;\n\n", "DELETE FROM customers;\n"})
    void asciiConfiguredAsUtf16IsUnreadableNotCjkText(String sql) throws IOException {
        Path file = write(sql.getBytes(UTF_8));

        // an odd byte left over becomes U+FFFD; "M " is U+204D and the two line ends U+0A0A, neither of them CJK
        assertEquals("read in UTF-16LE, the configured encoding, it is no text: 12 of its first 12 characters are not"
                + " ASCII letters, digits or spaces (10 of them CJK), but its bytes are plain ASCII text;"
                + " not read: set the encoding that names it (sqlguard.encoding, Flyway's encoding or a Liquibase"
                + " encoding attribute) to the file's charset, such as UTF-8, or save the file in UTF-16LE with a byte"
                + " order mark",
                unreadable(SourceReader.read(file, UTF_16LE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-32LE", "UTF-32BE", "IBM037"})
    void utf8ConfiguredAsACharsetThatDoesNotReadAsciiAsAsciiIsUnreadable(String charsetName) throws IOException {
        Assumptions.assumeTrue(Charset.isSupported(charsetName), charsetName);
        Path file = write("-- caf\u00e9\nUPDATE accounts SET balance = 0;\n".getBytes(UTF_8));

        String reason = unreadable(SourceReader.read(file, Charset.forName(charsetName)));

        assertTrue(reason.startsWith("read in " + Charset.forName(charsetName).name() + ", the configured encoding, it"
                + " is no text: "), reason);
        assertTrue(reason.contains("but its bytes are UTF-8 text; not read: set the encoding that names it"), reason);
    }

    @Test
    void textWrittenInTheConfiguredNonAsciiCharsetIsStillRead() throws IOException {
        Charset ebcdic = Charset.forName("IBM037");
        Path file = write("DELETE FROM customers;\n".getBytes(ebcdic));

        assertEquals("DELETE FROM customers;\n", text(SourceReader.read(file, ebcdic)).text());
        assertEquals("DELETE FROM customers;\n", text(SourceReader.decode(
                "DELETE FROM customers;\n".getBytes(UTF_16LE), UTF_16LE)).text());
    }

    @Test
    void anXmlDeclarationNamingUtf16OverAsciiBytesIsNamedAsTheSetting() throws IOException {
        Path file = dir.resolve("changelog.xml");
        Files.write(file, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<databaseChangeLog/>\n".getBytes(UTF_8));

        String reason = unreadable(SourceReader.read(file, UTF_8));

        assertTrue(reason.startsWith("read in UTF-16, the encoding its XML declaration names, it is no text: "), reason);
        assertTrue(reason.endsWith("but its bytes are plain ASCII text; not read: correct the declaration's encoding,"
                + " or save the file in UTF-16 with a byte order mark"), reason);
    }

    @Test
    void binaryBytesThatOnlyStartLikeWideTextStayBinary() throws IOException {
        Path file = write("a".getBytes(UTF_16LE), bytes(0x03, 0x04, 0x00, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A));

        assertEquals("binary file (contains NUL bytes); not a SQL script", unreadable(SourceReader.read(file, UTF_8)));
    }

    @Test
    void aNulByteBeyondTheProbeIsTextAsTheFileClaims() throws IOException {
        byte[] text = new byte[SourceReader.BINARY_PROBE_BYTES];
        Arrays.fill(text, (byte) 'a');
        Path file = write(text, bytes(0x00));

        assertEquals(SourceReader.BINARY_PROBE_BYTES + 1, text(SourceReader.read(file, UTF_8)).text().length());
    }

    @Test
    void aFileOverTheSizeLimitIsUnreadableWithSizeAndLimit() throws IOException {
        Path file = write(new byte[100]);

        String reason = unreadable(SourceReader.read(file, UTF_8, 50));

        assertEquals("file is 100 bytes, larger than the limit of 50 bytes that maxFileSizeMb sets; not read", reason);
    }

    @Test
    void namesLargeSizesInMegabytes() throws IOException {
        Path file = write(new byte[3 * 1024 * 1024 + 1]);

        String reason = unreadable(SourceReader.read(file, UTF_8, 2 * 1024 * 1024));

        assertEquals("file is 3145729 bytes (3.0 MB), larger than the limit of 2097152 bytes (2.0 MB) that maxFileSizeMb sets; not read", reason);
    }

    @Test
    void rejectsANegativeLimit() throws IOException {
        Path file = write(new byte[1]);

        Assertions.assertThrows(IllegalArgumentException.class, () -> SourceReader.read(file, UTF_8, -1));
    }

    @Test
    void aFileExactlyAtTheLimitIsRead() throws IOException {
        Path file = write("select 1;".getBytes(UTF_8));

        assertEquals("select 1;", text(SourceReader.read(file, UTF_8, 9)).text());
    }

    @Test
    void theDefaultLimitIsFiftyMegabytes() {
        assertEquals(52_428_800L, SourceReader.DEFAULT_MAX_BYTES);
    }

    @Test
    void aDirectoryReadAsAFileIsUnreadableWithTheSystemsMessage() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("V1__not_a_file.sql"));

        String reason = unreadable(SourceReader.read(directory, UTF_8));

        assertTrue(reason.startsWith("cannot read file: "), reason);
        assertTrue(reason.length() > "cannot read file: ".length(), reason);
    }

    @Test
    void aMissingFileIsUnreadableAndNamed() {
        Path missing = dir.resolve("gone.sql");

        assertEquals("cannot read file: file not found: " + missing, unreadable(SourceReader.read(missing, UTF_8)));
    }

    @Test
    void aNamedPipeIsRefusedInsteadOfBlockingTheBuild() throws Exception {
        Path pipe = dir.resolve("pipe.sql");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException noMkfifo) {
            Assumptions.abort("mkfifo not available: " + noMkfifo.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");

        ReadResult result = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> SourceReader.read(pipe, UTF_8));

        assertEquals("not a regular file (device, pipe or socket); not a SQL script", unreadable(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-32"})
    void aConfiguredWideCharsetIsNotMistakenForBinary(String charsetName) {
        Charset charset = Charset.forName(charsetName);
        byte[] content = "select 1;".getBytes(charset);

        assertEquals("select 1;", text(SourceReader.decode(content, charset)).text());
    }

    @Test
    void stampsTheTextWithTheSizeTimeAndHashOfTheBytesRead() throws Exception {
        byte[] content = "-- caf\u00e9\nDELETE FROM t WHERE id = 1;\n".getBytes(UTF_8);
        Path file = write(content);

        ReadStamp stamp = text(SourceReader.read(file, UTF_8)).stamp();

        assertEquals(content.length, stamp.size());
        assertEquals(Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS),
                stamp.modifiedNanos());
        assertEquals(io.github.sqlguard.model.ContentHash.of(content), stamp.contentHash());
    }

    @Test
    void theHashCoversTheByteOrderMarkAndTellsDifferentContentApart() throws IOException {
        String withMark = text(SourceReader.read(write(bytes(0xEF, 0xBB, 0xBF), "select 1;".getBytes(UTF_8)), UTF_8))
                .stamp().contentHash();
        String withoutMark = text(SourceReader.read(write("select 1;".getBytes(UTF_8)), UTF_8)).stamp().contentHash();

        Assertions.assertNotEquals(withMark, withoutMark);
    }

    @Test
    void bytesDecodedInMemoryCarryNoFileStamp() {
        assertEquals(null, text(SourceReader.decode("select 1;".getBytes(UTF_8), UTF_8)).stamp());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-8859-1", "US-ASCII", "windows-1252"})
    void plainAsciiReadsTheSameInEveryAsciiCompatibleCharset(String charsetName) throws IOException {
        String sql = "DELETE FROM t\r\n WHERE a = 'x\\y';\n";
        ReadResult.Text result = text(SourceReader.read(write(sql.getBytes(ISO_8859_1)), Charset.forName(charsetName)));

        assertEquals(sql, result.text());
        assertEquals(Charset.forName(charsetName), result.charset());
    }

    @Test
    void asciiUpToTheFirstMultibyteCharacterStillDecodesAsUtf8() throws IOException {
        String sql = "x".repeat(5000) + "\u00fc\u4e2d;";
        assertEquals(sql, text(SourceReader.read(write(sql.getBytes(UTF_8)), UTF_8)).text());
    }
}
