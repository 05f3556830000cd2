package io.github.sqlguard;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which prepared files stay in memory from their first reading until they are checked: those that fit a
 * budget of source characters. The others are {@link PreparedFile#released() released} and read and split again
 * when the schema replay and the check reach them, so a project larger than the heap allows is read more than once
 * rather than held whole. Thread-safe.
 */
final class Retention {

    /**
     * A prepared statement takes some tens of bytes per character of its source (tokens, their text, the
     * statement's own text), so a hundredth of the heap in characters keeps retained files well under half of
     * it: about 2.7 million characters under {@code -Xmx256m}, a whole ordinary project; all of a 51 MB project
     * with the default heap of a machine with 24 GB.
     */
    static final long DEFAULT_BUDGET_CHARS = Math.max(1_000_000, Runtime.getRuntime().maxMemory() / 100);

    private final long budgetChars;
    private final AtomicLong retained = new AtomicLong();

    Retention(long budgetChars) {
        this.budgetChars = budgetChars;
    }

    /** {@code file} itself while it fits the budget, else the file without its statements and text. */
    PreparedFile keepOrRelease(PreparedFile file) {
        if (file.scripts().isEmpty() || file.text() == null) {
            return file; // nothing worth dropping
        }
        long size = file.text().length();
        if (retained.addAndGet(size) <= budgetChars) {
            return file;
        }
        retained.addAndGet(-size);
        return file.released();
    }
}
