package io.github.sqlguard.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A small file that sqlguard keeps in the build folder between builds: a header naming its format and version, a
 * body, and the CRC-32 of both. A file that is missing, damaged, truncated or of another format or version reads
 * as absent, so it is never trusted, only rewritten.
 */
public final class ChecksummedFile {

    /** Writes a file's body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private ChecksummedFile() {
    }

    /** The body of {@code file}, positioned at its start, when the file is sound and of this format and version. */
    public static Optional<ByteBuffer> read(Path file, String format, int version) {
        try {
            byte[] bytes;
            // Not Files.readAllBytes: it goes through a direct buffer as large as the file, zeroed first.
            try (InputStream in = new FileInputStream(file.toFile())) {
                bytes = in.readAllBytes();
            }
            int body = bytes.length - Long.BYTES;
            if (body < 0) {
                return Optional.empty();
            }
            CRC32 checksum = new CRC32();
            checksum.update(bytes, 0, body);
            if (checksum.getValue() != ByteBuffer.wrap(bytes, body, Long.BYTES).getLong()) {
                return Optional.empty();
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, body);
            return readString(in).equals(format) && in.getInt() == version ? Optional.of(in) : Optional.empty();
        } catch (IOException | RuntimeException absentOrDamaged) {
            return Optional.empty();
        }
    }

    /** The time {@code file} was last written, in milliseconds; 0 when there is no such file. */
    public static long writtenMillis(Path file) {
        return new File(file.toString()).lastModified();
    }

    /**
     * Replaces {@code file} with the header of this format and version, what {@code body} writes and the checksum,
     * atomically where the file system allows.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, String format, int version, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writeString(out, format);
        out.writeInt(version);
        body.writeTo(out);
        out.flush();
        CRC32 checksum = new CRC32();
        checksum.update(bytes.toByteArray());
        out.writeLong(checksum.getValue());
        byte[] written = bytes.toByteArray();
        FileReplacement.replace(file, target -> target.write(written));
    }

    /**
     * Length-prefixed UTF-8, read straight from the bytes: {@link java.io.DataInputStream#readUTF} decodes a character
     * at a time, slow in the JVM a build starts, which reads these files first thing.
     */
    public static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** A string {@link #writeString} wrote; an IllegalStateException when it runs past the body's end. */
    public static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalStateException("damaged file: a string runs past its end");
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
