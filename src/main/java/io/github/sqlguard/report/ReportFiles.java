package io.github.sqlguard.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the chosen report formats into the report directory. Each report is written in one pass, streamed to
 * its file; the reports are written side by side, one per core, since each only reads the run's data.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * Writes every format in {@code formats} into {@code directory} (created if missing) under its fixed
     * file name.
     *
     * @return the files written, in the enum's order
     * @throws IOException naming the file that could not be written
     */
    public static List<Path> writeAll(ReportData data, Path directory, Set<ReportFormat> formats) throws IOException {
        List<ReportFormat> ordered = new ArrayList<>(new TreeSet<>(formats));
        int threads = Math.max(1, Math.min(ordered.size(), Runtime.getRuntime().availableProcessors()));
        if (threads == 1) {
            List<Path> written = new ArrayList<>();
            for (ReportFormat format : ordered) {
                written.add(write(data, directory, format));
            }
            return written;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sqlguard-report");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (ReportFormat format : ordered) {
                futures.add(pool.submit(() -> write(data, directory, format)));
            }
            List<Path> written = new ArrayList<>();
            for (Future<Path> future : futures) {
                written.add(future.get());
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the reports", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path write(ReportData data, Path directory, ReportFormat format) throws IOException {
        Path file = directory.resolve(format.fileName());
        try {
            format.writer().write(data, file);
        } catch (IOException e) {
            throw new IOException("Cannot write the " + format.configName() + " report " + file + ": " + e, e);
        }
        return file;
    }
}
