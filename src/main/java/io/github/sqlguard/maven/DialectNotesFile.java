package io.github.sqlguard.maven;

import io.github.sqlguard.LintConfig;
import io.github.sqlguard.model.ContentHash;
import io.github.sqlguard.model.Dialect;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The dialect notes ({@link OtherDialectScripts}) of the last build, kept in the build folder. They follow from the
 * configured dialect, the project's database and the scanned paths alone, and working them out reads the words of
 * every path in a JVM that has not warmed up: 0.02 to 0.09 s of a build with nothing changed on 684 scripts, which
 * waited for them. A file written by another version of sqlguard, for other paths, or that cannot be read is
 * ignored and written again.
 */
final class DialectNotesFile {

    private static final String FORMAT = "sqlguard dialect notes 1";

    private DialectNotesFile() {
    }

    /**
     * The notes for {@code scannedFiles}, from {@code file} when it holds those of the same inputs, else worked out
     * and written there for the next build.
     *
     * @param codeIdentity what tells this build of sqlguard from another ({@code Linter.codeIdentity()})
     */
    static OtherDialectScripts.Lines of(LintConfig config, List<String> scannedFiles, Path file, String codeIdentity) {
        String key = key(config, scannedFiles, codeIdentity);
        Optional<OtherDialectScripts.Lines> kept = read(file, key);
        if (kept.isPresent()) {
            return kept.get();
        }
        OtherDialectScripts.Lines lines = OtherDialectScripts.of(config, scannedFiles);
        write(file, key, lines);
        return lines;
    }

    /** Everything the notes depend on, hashed: the code, both dialects, the folders and every scanned path. */
    static String key(LintConfig config, List<String> scannedFiles, String codeIdentity) {
        ContentHash hash = new ContentHash().add(codeIdentity).add("\n").add(config.dialect().name()).add("\n")
                .add(config.dialectFor(Dialect.AUTO).name()).add("\n").add(config.baseDir().toString()).add("\n");
        for (Path directory : config.directories()) {
            hash.add(directory.toString()).add("\n");
        }
        hash.add("\n");
        for (String scanned : scannedFiles) {
            hash.add(scanned).add("\n");
        }
        return hash.hex();
    }

    static Optional<OtherDialectScripts.Lines> read(Path file, String key) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (!FORMAT.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                return Optional.empty();
            }
            OtherDialectScripts.Lines lines = new OtherDialectScripts.Lines(line(in), line(in), line(in), line(in));
            return in.read() == -1 ? Optional.of(lines) : Optional.empty();
        } catch (IOException | RuntimeException missingOrDamaged) {
            return Optional.empty();
        }
    }

    /** Writes the notes; a build folder that cannot take them costs the next build the work, nothing more. */
    static void write(Path file, String key, OtherDialectScripts.Lines lines) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(FORMAT);
                out.writeUTF(key);
                for (Optional<String> line : List.of(lines.otherDialect(), lines.undescribed(),
                        lines.undescribedInAuto(), lines.unnamedInAuto())) {
                    byte[] text = line.orElse("").getBytes(StandardCharsets.UTF_8);
                    out.writeBoolean(line.isPresent());
                    out.writeInt(text.length);
                    out.write(text);
                }
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes.toByteArray());
        } catch (IOException | RuntimeException unwritable) {
            // The notes were worked out all the same; only the next build's shortcut is lost.
        }
    }

    private static Optional<String> line(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        return present ? Optional.of(new String(text, StandardCharsets.UTF_8)) : Optional.empty();
    }
}
