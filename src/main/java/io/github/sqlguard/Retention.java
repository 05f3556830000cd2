package io.github.sqlguard;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which prepared files stay in memory from their first reading until they are checked: those that fit a
 * budget of source characters, a character per 128 bytes of heap (4 MB of SQL under 512 MB, a whole ordinary
 * project). The others are {@link PreparedFile#released() released} and read and split again when the schema
 * replay and the check reach them, so a project of tens of megabytes is read more than once rather than held
 * whole. Thread-safe.
 */
final class Retention {

    /** About the budget under a 512 MB heap: a prepared character costs about 37 bytes, so 4 MB of SQL takes 150 MB. */
    static final long DEFAULT_BUDGET_CHARS = 4_000_000;

    /** The budget for this JVM ({@link #budgetFor}). */
    static long budgetForThisHeap() {
        return budgetFor(Runtime.getRuntime().maxMemory());
    }

    /**
     * The budget for a heap of {@code heapBytes}: a character per 128 bytes, so held source costs under a third of
     * the heap. Reading a released file again costs more than holding it where the heap has room (on 22,230 files:
     * 16.5 s and 18.8 s with 48 M characters held under a 6 GB heap, against 18.4 s and 18.2 s with 4 M); under a
     * small heap the schema replay of a large project needs the rest: 22,230 files ran out of a 256 MB heap
     * holding 4 M characters on a busy machine, and under -Xmx256m the same project used the same processor time
     * holding 4 M characters or 250,000.
     */
    static long budgetFor(long heapBytes) {
        return heapBytes / 128;
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
