package io.github.sqlguard;

import io.github.sqlguard.model.Acknowledgement;
import io.github.sqlguard.model.FileReplacement;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.Severity;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * damage, computed natively: a cache of tens of megabytes is read on every build). A file that is truncated,
 * corrupt, of another format version or made with other settings or code reads as empty: it is never trusted,
 * only overwritten.
 *
 * <p>Each distinct string is written once and later named by its number: paths, rule ids and hints repeat in
 * every finding, and a run with nothing changed decodes the whole file in a JVM that has not warmed up.
 */
final class AnalysisCacheFile {

    private static final byte[] MAGIC = "sqlguard analysis cache\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 7;
    private static final int CHECKSUM_BYTES = Long.BYTES;
    private static final int NULL_STRING = -1;
    /** Written strings are named by {@code -(number + 2)}: -1 is null. */
    private static final int FIRST_STRING_NUMBER = 2;

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
     * @param fingerprint the {@link AnalysisFingerprint} of the run that wrote it
     * @param scanListing identifies the list of files the run that wrote it scanned
     * @param entries by relative path, in the order they were written
     */
    record Contents(String fingerprint, String scanListing, Map<String, Entry> entries) {
    }

    private AnalysisCacheFile() {
    }

    /** The contents of {@code file} when it is a sound cache of this format, whatever it was made with; else empty. */
    static Optional<Contents> read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            // Not Files.readAllBytes: it goes through a direct buffer as large as the file, zeroed first.
            try (InputStream in = new FileInputStream(file.toFile())) {
                bytes = in.readAllBytes();
            }
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
            if (in.readInt() != FORMAT_VERSION) {
                return Optional.empty();
            }
            String fingerprint = in.readString();
            String scanListing = in.readString();
            int count = in.readInt();
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Entry entry = readEntry(in);
                entries.put(entry.path(), entry);
            }
            return in.available() == 0 ? Optional.of(new Contents(fingerprint, scanListing, entries)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Replaces {@code file} atomically where the file system allows, so a crash never leaves half a cache. */
    static void write(Path file, String fingerprint, String scanListing, Collection<Entry> entries)
            throws IOException {
        FileReplacement.replace(file, target -> {
            CRC32 checksum = new CRC32();
            OutputStream raw = new BufferedOutputStream(target, 1 << 16);
            Output out = new Output(new CheckedOutputStream(raw, checksum));
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeString(fingerprint);
            out.writeString(scanListing);
            out.writeInt(entries.size());
            for (Entry entry : entries) {
                writeEntry(out, entry);
            }
            out.flush();
            raw.write(ByteBuffer.allocate(CHECKSUM_BYTES).putLong(checksum.getValue()).array());
            raw.flush();
        });
    }

    private static void writeEntry(Output out, Entry entry) throws IOException {
        out.writeString(entry.path());
        out.writeString(entry.contentHash());
        out.writeLong(entry.stamp().size());
        out.writeLong(entry.stamp().modifiedNanos());
        writeStrings(out, entry.dependencies());
        FileOutcome outcome = entry.outcome();
        out.writeString(outcome.path());
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
            out.writeString(sql.getValue());
        }
        out.writeInt(outcome.reachedFiles().size());
        for (String reached : outcome.reachedFiles()) {
            out.writeString(reached);
        }
        out.writeInt(outcome.statementsByFile().size());
        for (Map.Entry<String, Integer> count : outcome.statementsByFile().entrySet()) {
            out.writeString(count.getKey());
            out.writeInt(count.getValue());
        }
        out.writeInt(outcome.sourceLines().size());
        for (Map.Entry<Location, String> line : outcome.sourceLines().entrySet()) {
            writeLocation(out, line.getKey());
            out.writeString(line.getValue());
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

    private static void writeFinding(Output out, Finding finding) throws IOException {
        out.writeString(finding.ruleId());
        out.writeString(finding.severity().name());
        writeLocation(out, finding.location());
        out.writeString(finding.message());
        out.writeString(finding.hint());
        out.writeString(finding.excerpt());
        Acknowledgement acknowledgement = finding.acknowledgement();
        out.writeBoolean(acknowledgement != null);
        if (acknowledgement != null) {
            out.writeString(acknowledgement.source().name());
            out.writeString(acknowledgement.reason());
            out.writeString(acknowledgement.where());
        }
        out.writeString(finding.fingerprint());
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

    private static void writeLocation(Output out, Location location) throws IOException {
        out.writeString(location.path());
        out.writeInt(location.line());
        out.writeInt(location.column());
    }

    private static Location readLocation(Input in) throws IOException {
        return new Location(in.readString(), in.readInt(), in.readInt());
    }

    private static void writeStrings(Output out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeString(entry.getKey());
            out.writeString(entry.getValue());
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

    /**
     * Reads what {@link DataOutputStream} wrote, straight from the bytes: a run with nothing changed reads the
     * whole cache in a JVM that has not warmed up, where a stream's byte-at-a-time calls cost most of the time.
     * Running past the end throws {@link java.nio.BufferUnderflowException}, which makes the cache unsound.
     */
    private static final class Input {

        private final ByteBuffer bytes;
        private final List<String> strings = new ArrayList<>();

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

        /** A string as {@link Output#writeString} writes it. */
        String readString() throws IOException {
            int length = bytes.getInt();
            if (length < 0) {
                if (length == NULL_STRING) {
                    return null;
                }
                int number = -length - FIRST_STRING_NUMBER;
                if (number < 0 || number >= strings.size()) {
                    throw new IOException("string number out of range");
                }
                return strings.get(number);
            }
            if (length > bytes.remaining()) {
                throw new IOException("string runs past the end of the cache");
            }
            String text = new String(bytes.array(), bytes.arrayOffset() + bytes.position(), length,
                    StandardCharsets.UTF_8);
            bytes.position(bytes.position() + length);
            strings.add(text);
            return text;
        }
    }

    /**
     * Writes what {@link Input} reads: big-endian numbers as {@link DataOutputStream} writes them, and each
     * string as its length and UTF-8 bytes the first time, then as the negative of its number: {@code -1} is
     * null, {@code -2} the first string written, {@code -3} the second. Unlike writeUTF there is no 64 KB limit
     * (a statement can be longer).
     */
    private static final class Output extends DataOutputStream {

        private final Map<String, Integer> numbers = new HashMap<>();

        Output(OutputStream out) {
            super(out);
        }

        void writeString(String value) throws IOException {
            if (value == null) {
                writeInt(NULL_STRING);
                return;
            }
            Integer number = numbers.get(value);
            if (number != null) {
                writeInt(-(number + FIRST_STRING_NUMBER));
                return;
            }
            numbers.put(value, numbers.size());
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            write(utf8);
        }
    }
}
