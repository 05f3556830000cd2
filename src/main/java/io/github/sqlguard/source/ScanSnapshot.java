package io.github.sqlguard.source;

import static io.github.sqlguard.model.ChecksummedFile.readString;
import static io.github.sqlguard.model.ChecksummedFile.writeString;

import io.github.sqlguard.model.ChecksummedFile;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last scan's result, kept beside the analysis cache and reused while every folder it listed still has the
 * modification time it had then: adding, removing or renaming an entry changes the time of the folder that
 * holds it, so unchanged times mean unchanged listings, and a build with nothing changed checks one time per
 * folder instead of listing every folder and looking at every entry. The files' own contents are not part of
 * this; the analysis cache checks them.
 *
 * <p>Like git's index, a folder whose time lies less than {@link #SETTLED_MILLIS} before the snapshot was
 * written is not trusted: a change in the same tick of the file system's clock would not show. A scan that met
 * a problem (a link loop, a folder it could not read) is not kept: it is repeated, and reported, every time.
 * A snapshot that is damaged, of another format, or made for other settings or code is ignored and rewritten.
 */
public final class ScanSnapshot {

    private static final String FORMAT = "sqlguard scan snapshot";
    private static final int FORMAT_VERSION = 6;
    private static final long SETTLED_MILLIS = 2_000;

    private ScanSnapshot() {
    }

    /**
     * The scan kept in {@code file} under {@code key} when none of its folders changed since; empty otherwise.
     *
     * @param key identifies everything besides the folders that decides what a scan finds: the scanning code,
     *     the directories, includes and excludes, Flyway's naming, and the project folder
     */
    public static Optional<ScanResult> reuse(Path file, String key) {
        long written = ChecksummedFile.writtenMillis(file);
        Optional<ByteBuffer> body =
                written == 0 ? Optional.empty() : ChecksummedFile.read(file, FORMAT, FORMAT_VERSION);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = body.get();
            if (!readString(in).equals(key)) {
                return Optional.empty();
            }
            List<ScanResult.ListedFolder> folders = new ArrayList<>();
            for (int i = in.getInt(); i > 0; i--) {
                ScanResult.ListedFolder folder = new ScanResult.ListedFolder(readString(in), in.getLong());
                if (folder.modifiedMillis() >= written - SETTLED_MILLIS
                        || new File(folder.path()).lastModified() != folder.modifiedMillis()) {
                    return Optional.empty();
                }
                folders.add(folder);
            }
            List<Path> missing = new ArrayList<>();
            for (int i = in.getInt(); i > 0; i--) {
                Path directory = Path.of(readString(in));
                if (new File(directory.toString()).exists()) {
                    return Optional.empty();
                }
                missing.add(directory);
            }
            List<Path> directories = new ArrayList<>();
            for (int i = in.getInt(); i > 0; i--) {
                directories.add(Path.of(readString(in)));
            }
            List<SourcePath> files = readPaths(in, directories);
            List<SourcePath> codeSteps = readPaths(in, directories);
            List<SourcePath> plsqlSources = readPaths(in, directories);
            List<SourcePath> javaSources = readPaths(in, directories);
            String listing = readString(in);
            return !in.hasRemaining() ? Optional.of(new ScanResult(files, missing, List.of(), folders, codeSteps,
                    plsqlSources, javaSources, listing)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<SourcePath> readPaths(ByteBuffer in, List<Path> directories) {
        List<SourcePath> paths = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            Path scanned = directories.get(in.getInt());
            paths.add(new SourcePath(Path.of(readString(in)), readString(in), scanned, readString(in)));
        }
        return paths;
    }

    /**
     * Keeps {@code result} in {@code file} under {@code key}; a result with problems is not kept, and any older
     * snapshot is removed then. Replaces the file atomically where the file system allows.
     *
     * @throws IOException when the file cannot be written
     */
    public static void save(Path file, String key, ScanResult result) throws IOException {
        if (!result.problems().isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        ChecksummedFile.write(file, FORMAT, FORMAT_VERSION, out -> {
            writeString(out, key);
            out.writeInt(result.listedFolders().size());
            for (ScanResult.ListedFolder folder : result.listedFolders()) {
                writeString(out, folder.path());
                out.writeLong(folder.modifiedMillis());
            }
            out.writeInt(result.missingDirectories().size());
            for (Path missing : result.missingDirectories()) {
                writeString(out, missing.toString());
            }
            List<Path> directories = new ArrayList<>();
            for (List<SourcePath> paths : List.of(result.files(), result.codeSteps(), result.plsqlSources(),
                    result.javaSources())) {
                for (SourcePath source : paths) {
                    if (!directories.contains(source.scannedDirectory())) {
                        directories.add(source.scannedDirectory());
                    }
                }
            }
            out.writeInt(directories.size());
            for (Path directory : directories) {
                writeString(out, directory.toString());
            }
            for (List<SourcePath> paths : List.of(result.files(), result.codeSteps(), result.plsqlSources(),
                    result.javaSources())) {
                out.writeInt(paths.size());
                for (SourcePath source : paths) {
                    out.writeInt(directories.indexOf(source.scannedDirectory()));
                    writeString(out, source.file().toString());
                    writeString(out, source.relativePath());
                    writeString(out, source.pathInDirectory());
                }
            }
            writeString(out, result.listing());
        });
    }

    /** The key of a scan: what besides the folders decides what it finds. */
    public static String keyOf(String codeIdentity, List<String> includes, List<String> excludes,
            FlywayNaming flyway, List<Path> directories, Path base) {
        // The naming spelt out: a record's generated toString links method handles, which in the fresh JVM of
        // every build costs more than the rest of a scan with nothing changed.
        String naming = String.join("\u0000", flyway.versionedPrefix(), flyway.undoPrefix(), flyway.repeatablePrefix(),
                flyway.separator(), String.join("\u0000", flyway.sqlSuffixes()));
        return String.join("\n", codeIdentity, String.valueOf(includes), String.valueOf(excludes), naming,
                String.valueOf(directories), base.toAbsolutePath().normalize().toString());
    }
}
