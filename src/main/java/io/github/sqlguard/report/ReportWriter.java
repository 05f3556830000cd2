package io.github.sqlguard.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one report file from a run's data. */
public interface ReportWriter {

    /** Writes the report to {@code file} in UTF-8, creating missing parent directories. */
    void write(ReportData data, Path file) throws IOException;

    /**
     * Writes {@code text} as UTF-8, creating parent directories. An {@link OutputStreamWriter} replaces what
     * UTF-8 cannot encode (a lone surrogate) instead of failing the whole report over one character.
     */
    static void writeUtf8(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            out.write(text);
        }
    }
}
