package io.github.sqlguard.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A report that is one JSON document: written to its file while it is produced, or returned as text for callers
 * that want it in memory. Each format only says what goes into the document.
 */
public interface JsonDocumentReport extends ReportWriter {

    /** Writes the whole document for {@code data} into {@code json} and returns {@code json}. */
    JsonWriter document(ReportData data, JsonWriter json);

    @Override
    default void write(ReportData data, Path file) throws IOException {
        ReportWriter.streamUtf8(file, out -> document(data, new JsonWriter(out)).finish());
    }

    /** The report as text. */
    default String toJson(ReportData data) {
        return document(data, new JsonWriter()).toJson();
    }
}
