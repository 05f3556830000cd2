package io.github.sqlguard.source;

import static io.github.sqlguard.model.ChecksummedFile.readString;
import static io.github.sqlguard.model.ChecksummedFile.writeString;

import io.github.sqlguard.model.ChecksummedFile;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the last build learnt of each Java or Kotlin source while looking for Flyway Java migrations, kept in the
 * build folder so that a build in which no source changed reads none of them: a large code base costs one look at
 * each file's size and time instead of one read of each. A source counts as unchanged while its size and
 * modification time are those recorded, and only a time that lies well before the index was written is trusted
 * (as git's index does: a change within the same tick of the file system's clock would not show). An index that
 * is damaged or of another format is ignored and rewritten.
 */
final class JavaSourceIndex {

    private static final String FORMAT = "sqlguard java sources";
    private static final int FORMAT_VERSION = 1;
    private static final long SETTLED_MILLIS = 2_000;

    /** One source file as the folder listing shows it. */
    record Source(Path file, long size, long modifiedMillis) {
    }

    /** A class or interface header: its name, whether it is concrete, and the simple names it extends. */
    record Declaration(String name, boolean concrete, Set<String> supertypes) {
    }

    /**
     * What one source is known to hold: its declarations when it was read through ({@code parsed}), or else the
     * type names it was found not to mention (a file that mentions no migration type needs no declaration read).
     */
    record Summary(boolean parsed, List<Declaration> declarations, Set<String> absentNames) {

        static Summary parsed(List<Declaration> declarations) {
            return new Summary(true, List.copyOf(declarations), Set.of());
        }

        static Summary mentioningNone(Set<String> names) {
            return new Summary(false, List.of(), Set.copyOf(names));
        }
    }

    private record Entry(long size, long modifiedMillis, Summary summary) {
    }

    private final Map<Path, Entry> entries;

    private JavaSourceIndex(Map<Path, Entry> entries) {
        this.entries = entries;
    }

    /** The index kept in {@code file}; an empty one when there is none, it cannot be read or it is damaged. */
    static JavaSourceIndex read(Path file) {
        long written = file == null ? 0 : ChecksummedFile.writtenMillis(file);
        Optional<ByteBuffer> body =
                written == 0 ? Optional.empty() : ChecksummedFile.read(file, FORMAT, FORMAT_VERSION);
        Map<Path, Entry> entries = new HashMap<>();
        if (body.isEmpty()) {
            return new JavaSourceIndex(entries);
        }
        try {
            ByteBuffer in = body.get();
            for (int i = in.getInt(); i > 0; i--) {
                Path source = Path.of(readString(in));
                Entry entry = new Entry(in.getLong(), in.getLong(), readSummary(in));
                if (entry.modifiedMillis() < written - SETTLED_MILLIS) {
                    entries.put(source, entry);
                }
            }
            return new JavaSourceIndex(in.hasRemaining() ? new HashMap<>() : entries);
        } catch (RuntimeException damaged) {
            return new JavaSourceIndex(new HashMap<>());
        }
    }

    /** What is known of {@code source}, or null when it is new or changed since the index was written. */
    Summary summaryOf(Source source) {
        Entry entry = entries.get(source.file());
        return entry != null && entry.size() == source.size() && entry.modifiedMillis() == source.modifiedMillis()
                ? entry.summary() : null;
    }

    /**
     * Writes the summaries of {@code sources} to {@code file}, replacing it; does nothing when {@code file} is
     * null. Only speed is lost when the file cannot be written: the next build reads the sources again.
     */
    static void save(Path file, List<Source> sources, Map<Path, Summary> summaries) {
        if (file == null) {
            return;
        }
        List<Source> known = sources.stream().filter(source -> summaries.containsKey(source.file())).toList();
        try {
            ChecksummedFile.write(file, FORMAT, FORMAT_VERSION, out -> {
                out.writeInt(known.size());
                for (Source source : known) {
                    writeString(out, source.file().toString());
                    out.writeLong(source.size());
                    out.writeLong(source.modifiedMillis());
                    writeSummary(out, summaries.get(source.file()));
                }
            });
        } catch (IOException | RuntimeException unwritable) {
            // The analysis cache beside it reports an unwritable build folder; this index only saves time.
        }
    }

    private static Summary readSummary(ByteBuffer in) {
        if (in.get() == 0) {
            return Summary.mentioningNone(readStrings(in));
        }
        List<Declaration> declarations = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            declarations.add(new Declaration(readString(in), in.get() != 0, readStrings(in)));
        }
        return Summary.parsed(declarations);
    }

    private static void writeSummary(DataOutputStream out, Summary summary) throws IOException {
        out.writeByte(summary.parsed() ? 1 : 0);
        if (!summary.parsed()) {
            writeStrings(out, summary.absentNames());
            return;
        }
        out.writeInt(summary.declarations().size());
        for (Declaration declaration : summary.declarations()) {
            writeString(out, declaration.name());
            out.writeByte(declaration.concrete() ? 1 : 0);
            writeStrings(out, declaration.supertypes());
        }
    }

    private static Set<String> readStrings(ByteBuffer in) {
        Set<String> strings = new LinkedHashSet<>();
        for (int i = in.getInt(); i > 0; i--) {
            strings.add(readString(in));
        }
        return strings;
    }

    private static void writeStrings(DataOutputStream out, Set<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String text : strings) {
            writeString(out, text);
        }
    }
}
