package io.github.sqlguard.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * A report written as text straight to its file (XML, HTML), so that a large project's report is never held whole
 * in memory, or returned as one string for callers that want it in memory. Each format only says what it writes.
 */
public interface TextDocumentReport extends ReportWriter {

    /** Writes the whole report for {@code data} to {@code out}. */
    void document(ReportData data, Writer out) throws IOException;

    @Override
    default void write(ReportData data, Path file) throws IOException {
        ReportWriter.streamUtf8(file, out -> document(data, out));
    }

    /** The report as text. */
    default String text(ReportData data) {
        return ReportWriter.toText(out -> document(data, out));
    }
}
