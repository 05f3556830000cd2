package io.github.sqlguard.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Writes the chosen report formats into the report directory. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Writes every format in {@code formats} into {@code directory} (created if missing) under its fixed
     * file name, in the enum's order.
     *
     * @return the files written
     * @throws IOException naming the file that could not be written
     */
    public static List<Path> writeAll(ReportData data, Path directory, Set<ReportFormat> formats) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : new TreeSet<>(formats)) {
            Path file = directory.resolve(format.fileName());
            try {
                format.writer().write(data, file);
            } catch (IOException e) {
                throw new IOException("Cannot write the " + format.configName() + " report " + file + ": " + e, e);
            }
            written.add(file);
        }
        return written;
    }
}
