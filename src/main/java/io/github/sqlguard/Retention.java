package io.github.sqlguard;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which prepared files stay in memory from their first reading until they are checked: those that fit a
 * budget of source characters, about 4 MB of SQL by default, which holds a whole ordinary project. The others
 * are {@link PreparedFile#released() released} and read and split again when the schema replay and the check
 * reach them, so a project of tens of megabytes is read more than once rather than held whole. Thread-safe.
 */
final class Retention {

    static final long DEFAULT_BUDGET_CHARS = 4_000_000;

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
