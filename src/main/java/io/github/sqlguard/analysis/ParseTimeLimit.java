package io.github.sqlguard.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The time limit of one parse, counted in the processor time of the thread that parses. On a busy machine a parse
 * waits for a processor while other work runs: a limit counted by the clock left a statement unparsed there that an
 * idle machine parsed, so the same scripts got a finding or none depending on the load. Where the JVM cannot measure
 * a thread's processor time, the clock counts.
 */
final class ParseTimeLimit implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean COUNTS_PROCESSOR_TIME = countsProcessorTime();

    private final long threadId = Thread.currentThread().getId();
    private final long started;
    private final long limitNanos;
    private final Runnable onExpiry;
    private volatile boolean expired;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> timer;

    private ParseTimeLimit(long limitNanos, Runnable onExpiry) {
        this.limitNanos = limitNanos;
        this.onExpiry = onExpiry;
        this.started = clock();
    }

    /**
     * Starts counting for the calling thread: once it has used {@code limitMillis} since, {@code onExpiry} runs on the
     * watchdog's thread, unless the limit is closed first.
     */
    static ParseTimeLimit start(long limitMillis, Runnable onExpiry) {
        ParseTimeLimit limit = new ParseTimeLimit(TimeUnit.MILLISECONDS.toNanos(limitMillis), onExpiry);
        limit.checkAfter(limit.limitNanos);
        return limit;
    }

    /** True when the parse used up its time. */
    boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> pending = timer;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void checkAfter(long nanos) {
        timer = Watchdog.EXECUTOR.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Runs when the clock says the limit may be reached: the thread has used at most that much processor time, and
     * less where it waited; then the check is made again when the rest may be used up.
     */
    private void check() {
        if (closed) {
            return;
        }
        long used = timeUsed();
        if (used < 0) {
            return; // the thread has ended, and its parse with it
        }
        if (used < limitNanos) {
            checkAfter(limitNanos - used);
            return;
        }
        expired = true;
        onExpiry.run();
    }

    /** The time the parsing thread used since the start; negative once it has ended. */
    private long timeUsed() {
        long now = clock();
        // A thread's processor time is never negative while it lives; the clock's origin is arbitrary
        return COUNTS_PROCESSOR_TIME && now < 0 ? -1 : now - started;
    }

    /** The parsing thread's processor time (negative once it ended), or the clock where that is not measured. */
    private long clock() {
        return COUNTS_PROCESSOR_TIME ? THREADS.getThreadCpuTime(threadId) : System.nanoTime();
    }

    private static boolean countsProcessorTime() {
        // isThreadCpuTimeEnabled throws only where measuring is not supported, which the first test rules out
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** The one thread, shared by every analyzer, that stops parses running past their limit. */
    private static final class Watchdog {
        static final ScheduledExecutorService EXECUTOR = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "sqlguard-parse-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            // Cancelled timers (the normal case: the parse finished in time) must not pile up in the queue.
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
