package io.github.sqlguard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** The worker threads a run analyses its files on. */
final class Workers {

    private static final long WORKER_STACK_BYTES = 64L * 1024 * 1024;

    private Workers() {
    }

    /**
     * {@code work} applied to each of {@code items} on up to {@code threads} workers, the results in the items'
     * order; the first failure ends the run with its own exception (an out-of-memory error as itself).
     */
    static <T, R> List<R> inParallel(List<T> items, Function<T, R> work, int threads) {
        // Workers get a large stack: SQL nests, and the parser and the token rules recurse with it.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), runnable -> {
            Thread thread = new Thread(null, runnable, "sqlguard-worker", WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing migrations", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError outOfMemory) {
                throw outOfMemory;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
