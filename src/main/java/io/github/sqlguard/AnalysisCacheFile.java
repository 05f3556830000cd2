package io.github.sqlguard;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The analysis cache on disk: a header (format name, format version, the {@link AnalysisFingerprint}, the
 * listing of the files the run scanned), the entries, and the CRC-32 of everything before it (a check against
 * damage, computed natively: a cache of tens of megabytes is read on every build). A file that is truncated, corrupt, of another format
 * version or made with other settings or code reads as empty: it is never trusted, only overwritten.
 */
final class AnalysisCacheFile {

    private static final byte[] MAGIC = "sqlguard analysis cache\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 6;
    private static final int CHECKSUM_BYTES = Long.BYTES;

    /**
     * A file's size and modification time when its content hash was taken: while both are unchanged, the hash
     * need not be taken again (see {@link AnalysisCache}).
     */
    record FileStamp(long size, long modifiedNanos) {

        // Written out: a run with nothing changed compares a stamp per file, and a record's generated equals
        // first makes the JVM build it out of method handles.
        @Override
        public boolean equals(Object other) {
            return other instanceof FileStamp that && size == that.size && modifiedNanos == that.modifiedNanos;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 + Long.hashCode(modifiedNanos);
        }
    }

    /**
     * One file's cached analysis.
     *
     * @param contentHash the {@link io.github.sqlguard.model.ContentHash} of the file's bytes
     * @param stamp the file's size and modification time when the hash was taken
     * @param dependencies what else the result was computed from (a changelog's included files, the folders
     *     it listed), each with its fingerprint at the time
     */
    record Entry(String path, String contentHash, FileStamp stamp, Map<String, String> dependencies,
            FileOutcome outcome) {
    }

    /**
     * What a sound cache file holds.
     *
     * @param scanListing identifies the list of files the run that wrote it scanned
     * @param entries by relative path, in the order they were written
     */
    record Contents(String scanListing, Map<String, Entry> entries) {
    }

    private AnalysisCacheFile() {
    }

    /** The contents of {@code file} when it is a sound cache made with {@code fingerprint}; else empty. */
    static Optional<Contents> read(Path file, String fingerprint) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        int body = bytes.length - CHECKSUM_BYTES;
        if (body < MAGIC.length || !Arrays.equals(Arrays.copyOfRange(bytes, 0, MAGIC.length), MAGIC)) {
            return Optional.empty();
        }
        CRC32 checksum = new CRC32();
        checksum.update(bytes, 0, body);
        if (checksum.getValue() != ByteBuffer.wrap(bytes, body, CHECKSUM_BYTES).getLong()) {
            return Optional.empty();
        }
        try {
            Input in = new Input(ByteBuffer.wrap(bytes, MAGIC.length, body - MAGIC.length));
            if (in.readInt() != FORMAT_VERSION || !in.readString().equals(fingerprint)) {
                return Optional.empty();
            }
            String scanListing = in.readString();
            int count = in.readInt();
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Entry entry = readEntry(in);
                entries.put(entry.path(), entry);
            }
            return in.available() == 0 ? Optional.of(new Contents(scanListing, entries)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Replaces {@code file} atomically where the file system allows, so a crash never leaves half a cache. */
    static void write(Path file, String fingerprint, String scanListing, Collection<Entry> entries)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "cache", ".tmp");
        try {
            CRC32 checksum = new CRC32();
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, checksum));
                out.write(MAGIC);
                out.writeInt(FORMAT_VERSION);
                writeString(out, fingerprint);
                writeString(out, scanListing);
                out.writeInt(entries.size());
                for (Entry entry : entries) {
                    writeEntry(out, entry);
                }
                out.flush();
                raw.write(ByteBuffer.allocate(CHECKSUM_BYTES).putLong(checksum.getValue()).array());
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        writeString(out, entry.path());
        writeString(out, entry.contentHash());
        out.writeLong(entry.stamp().size());
        out.writeLong(entry.stamp().modifiedNanos());
        writeStrings(out, entry.dependencies());
        FileOutcome outcome = entry.outcome();
        writeString(out, outcome.path());
        out.writeInt(outcome.findings().size());
        for (Finding finding : outcome.findings()) {
            writeFinding(out, finding);
        }
        out.writeInt(outcome.statements());
        out.writeBoolean(outcome.scanned());
        out.writeBoolean(outcome.alreadyApplied());
        out.writeInt(outcome.statementSql().size());
        for (Map.Entry<Location, String> sql : outcome.statementSql().entrySet()) {
            writeLocation(out, sql.getKey());
            writeString(out, sql.getValue());
        }
        out.writeInt(outcome.reachedFiles().size());
        for (String reached : outcome.reachedFiles()) {
            writeString(out, reached);
        }
        out.writeInt(outcome.statementsByFile().size());
        for (Map.Entry<String, Integer> count : outcome.statementsByFile().entrySet()) {
            writeString(out, count.getKey());
            out.writeInt(count.getValue());
        }
        out.writeInt(outcome.sourceLines().size());
        for (Map.Entry<Location, String> line : outcome.sourceLines().entrySet()) {
            writeLocation(out, line.getKey());
            writeString(out, line.getValue());
        }
    }

    private static Entry readEntry(Input in) throws IOException {
        String path = in.readString();
        String contentHash = in.readString();
        FileStamp stamp = new FileStamp(in.readLong(), in.readLong());
        Map<String, String> dependencies = readStrings(in);
        String outcomePath = in.readString();
        int findingCount = in.readInt();
        List<Finding> findings = new ArrayList<>(findingCount);
        for (int i = 0; i < findingCount; i++) {
            findings.add(readFinding(in));
        }
        int statements = in.readInt();
        boolean scanned = in.readBoolean();
        boolean alreadyApplied = in.readBoolean();
        int sqlCount = in.readInt();
        Map<Location, String> statementSql = new HashMap<>();
        for (int i = 0; i < sqlCount; i++) {
            statementSql.put(readLocation(in), in.readString());
        }
        int reachedCount = in.readInt();
        Set<String> reached = new LinkedHashSet<>();
        for (int i = 0; i < reachedCount; i++) {
            reached.add(in.readString());
        }
        int countedFiles = in.readInt();
        Map<String, Integer> statementsByFile = new HashMap<>();
        for (int i = 0; i < countedFiles; i++) {
            statementsByFile.put(in.readString(), in.readInt());
        }
        int lineCount = in.readInt();
        Map<Location, String> sourceLines = new HashMap<>();
        for (int i = 0; i < lineCount; i++) {
            sourceLines.put(readLocation(in), in.readString());
        }
        return new Entry(path, contentHash, stamp, dependencies, new FileOutcome(outcomePath, findings, statements, scanned,
                alreadyApplied, statementSql, reached, statementsByFile, sourceLines, 0)); // nothing was parsed this run
    }

    private static void writeFinding(DataOutputStream out, Finding finding) throws IOException {
        writeString(out, finding.ruleId());
        writeString(out, finding.severity().name());
        writeLocation(out, finding.location());
        writeString(out, finding.message());
        writeString(out, finding.hint());
        writeString(out, finding.excerpt());
        Acknowledgement acknowledgement = finding.acknowledgement();
        out.writeBoolean(acknowledgement != null);
        if (acknowledgement != null) {
            writeString(out, acknowledgement.source().name());
            writeString(out, acknowledgement.reason());
            writeString(out, acknowledgement.where());
        }
        writeString(out, finding.fingerprint());
    }

    private static Finding readFinding(Input in) throws IOException {
        String ruleId = in.readString();
        Severity severity = Severity.valueOf(in.readString());
        Location location = readLocation(in);
        String message = in.readString();
        String hint = in.readString();
        String excerpt = in.readString();
        Acknowledgement acknowledgement = in.readBoolean() ? new Acknowledgement(
                Acknowledgement.Source.valueOf(in.readString()), in.readString(), in.readString()) : null;
        return new Finding(ruleId, severity, location, message, hint, excerpt, acknowledgement, in.readString());
    }

    private static void writeLocation(DataOutputStream out, Location location) throws IOException {
        writeString(out, location.path());
        out.writeInt(location.line());
        out.writeInt(location.column());
    }

    private static Location readLocation(Input in) throws IOException {
        return new Location(in.readString(), in.readInt(), in.readInt());
    }

    private static void writeStrings(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            writeString(out, entry.getKey());
            writeString(out, entry.getValue());
        }
    }

    private static Map<String, String> readStrings(Input in) throws IOException {
        int count = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(in.readString(), in.readString());
        }
        return map;
    }

    /** Length-prefixed UTF-8 with -1 for null; unlike writeUTF it has no 64 KB limit (a statement can be longer). */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(Input in) throws IOException {
        return in.readString();
    }

    /**
     * Reads what {@link DataOutputStream} wrote, straight from the bytes: a run with nothing changed reads the
     * whole cache in a JVM that has not warmed up, where a stream's byte-at-a-time calls cost most of the time.
     * Running past the end throws {@link java.nio.BufferUnderflowException}, which makes the cache unsound.
     */
    private static final class Input {

        private final ByteBuffer bytes;

        Input(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        int readInt() {
            return bytes.getInt();
        }

        long readLong() {
            return bytes.getLong();
        }

        boolean readBoolean() {
            return bytes.get() != 0;
        }

        int available() {
            return bytes.remaining();
        }

        /** Length-prefixed UTF-8, -1 for null, as {@link #writeString} writes it. */
        String readString() throws IOException {
            int length = bytes.getInt();
            if (length < 0) {
                if (length == -1) {
                    return null;
                }
                throw new IOException("negative string length");
            }
            if (length > bytes.remaining()) {
                throw new IOException("string runs past the end of the cache");
            }
            String text = new String(bytes.array(), bytes.arrayOffset() + bytes.position(), length,
                    StandardCharsets.UTF_8);
            bytes.position(bytes.position() + length);
            return text;
        }
    }
}
