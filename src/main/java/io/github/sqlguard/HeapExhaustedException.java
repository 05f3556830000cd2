package io.github.sqlguard;

import io.github.sqlguard.source.SourcePath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * The analysis ran out of Java heap. It says how much heap the build has, which scanned file is the largest
 * (a data load of tens of megabytes is the usual cause) and how to go on, because a bare
 * {@link OutOfMemoryError} tells a user none of that.
 */
public final class HeapExhaustedException extends RuntimeException {

    /** Roughly how many bytes of heap the analysis holds per byte of a file's text, for the advice. */
    static final int HEAP_PER_SOURCE_BYTE = 30;

    HeapExhaustedException(String message, OutOfMemoryError cause) {
        super(message, cause);
    }

    /** The exception for a run over {@code files} that exhausted a heap of {@code maxHeapBytes}. */
    static HeapExhaustedException of(List<SourcePath> files, long maxHeapBytes, OutOfMemoryError cause) {
        SourcePath largest = null;
        long largestBytes = -1;
        for (SourcePath file : files) {
            long bytes = sizeOf(file);
            if (bytes > largestBytes) {
                largest = file;
                largestBytes = bytes;
            }
        }
        String heap = megabytes(maxHeapBytes);
        String needed = largestBytes <= 0 ? "" : "; analysing it takes about "
                + megabytes(largestBytes * HEAP_PER_SOURCE_BYTE) + " of heap";
        String where = largest == null ? "" : " The largest of the " + files.size() + " scanned file(s) is "
                + largest.relativePath() + " (" + megabytes(largestBytes) + ")" + needed + ".";
        return new HeapExhaustedException("sqlguard ran out of memory: the Java heap of this build (at most " + heap
                + ") cannot hold the analysis of these migrations." + where + " Give Maven more heap (for example"
                + " MAVEN_OPTS=-Xmx2g, or -Xmx2g in .mvn/jvm.config), or lower maxFileSizeMb so that files above it"
                + " are reported as unreadable instead of read.", cause);
    }

    private static long sizeOf(SourcePath file) {
        try {
            return Files.size(file.file());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
