package io.github.sqlguard.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one report file from a run's data. */
public interface ReportWriter {

    /** Writes the report to {@code file} in UTF-8, creating missing parent directories. */
    void write(ReportData data, Path file) throws IOException;

    /**
     * Writes a report as UTF-8 while it is produced, creating parent directories, so that a report of tens of
     * megabytes never exists as one string. An {@link OutputStreamWriter} replaces what UTF-8 cannot encode (a
     * lone surrogate) instead of failing the whole report over one character.
     */
    static void streamUtf8(Path file, Body body) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            body.writeTo(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The text {@code body} writes, as one string: for tests and callers that want the report in memory. */
    static String toText(Body body) {
        StringWriter text = new StringWriter();
        try {
            body.writeTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Produces a report's text into a writer. */
    @FunctionalInterface
    interface Body {
        void writeTo(Writer out) throws IOException;
    }
}
