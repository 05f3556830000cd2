package io.github.sqlguard;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work begun on a daemon thread of its own and collected later. A run with nothing changed is mostly a fresh
 * JVM loading classes and touching files; reading the analysis cache, setting up the rules and walking the
 * folders do not depend on each other, so they overlap.
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {

    private final FutureTask<T> task;

    private BackgroundTask(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a new daemon thread called {@code name}. */
    public static <T> BackgroundTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new BackgroundTask<>(task);
    }

    /** Work that needed no thread of its own: {@code value} is its result. */
    public static <T> BackgroundTask<T> done(T value) {
        FutureTask<T> task = new FutureTask<>(() -> value);
        task.run();
        return new BackgroundTask<>(task);
    }

    /**
     * What the work produced, once it is done. What it threw is thrown here as it was, so a caller sees the
     * same exceptions as if it had done the work itself.
     */
    public T result() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
