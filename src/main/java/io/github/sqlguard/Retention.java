package io.github.sqlguard;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which prepared files stay in memory from their first reading until they are checked: those that fit a
 * budget of source characters, at least 4 MB of SQL, which holds a whole ordinary project. The others are
 * {@link PreparedFile#released() released} and read and split again when the schema replay and the check reach
 * them, so a project of tens of megabytes is read more than once rather than held whole. Thread-safe.
 */
final class Retention {

    /** The budget under a small heap: a prepared character costs about 37 bytes, so 4 MB of SQL fits 256 MB. */
    static final long DEFAULT_BUDGET_CHARS = 4_000_000;

    /**
     * The budget for this JVM: a character per 128 bytes of the largest heap, at least the default. Reading a
     * released file again costs more than holding it where the heap has room (on 22,230 files: 16.5 s and 18.8 s
     * with 48 M characters held under a 6 GB heap, against 18.4 s and 18.2 s with 4 M), and holding a file
     * costs under a third of the heap at this rate.
     */
    static long budgetForThisHeap() {
        return budgetFor(Runtime.getRuntime().maxMemory());
    }

    /**
     * The budget for a heap of {@code heapBytes}: a character per 128 bytes, and at least the default, but no more
     * than a character per 64 bytes. Below 256 MB the default would take most of the heap, which the schema replay
     * of a large project needs as well: 22,230 files ran out of a 160 MB heap holding 4 M characters, and under
     * -Xmx256m the same project used the same processor time holding 4 M characters or 250,000.
     */
    static long budgetFor(long heapBytes) {
        return Math.max(Math.min(DEFAULT_BUDGET_CHARS, heapBytes / 64), heapBytes / 128);
    }

    private final long budgetChars;
    private final AtomicLong retained = new AtomicLong();

    Retention(long budgetChars) {
        this.budgetChars = budgetChars;
    }

    /** The characters this retention may hold. */
    long budgetChars() {
        return budgetChars;
    }

    /** True, and counted against the budget, when a file of {@code chars} characters still fits it. */
    boolean admits(long chars) {
        if (retained.addAndGet(chars) <= budgetChars) {
            return true;
        }
        retained.addAndGet(-chars);
        return false;
    }
}
