package io.github.sqlguard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/** Work for the workers a schema replay leaves idle: reading ahead the statement models the check takes first. */
final class ModelsReadAhead {

    private ModelsReadAhead() {
    }

    /**
     * The replay tasks, then work for the workers they leave idle: a project's migrations usually make one history,
     * replayed by one worker, while the check waits. Until the last replay ends, the others read the statement
     * models of the files the check takes first, up to a quarter of what {@code retention} holds: models take
     * memory until their file is checked.
     */
    static List<Runnable> besideReplays(List<Runnable> replays, LintSession session,
            AtomicReferenceArray<PreparedFile> waiting, Retention retention, Predicate<PreparedFile> toCheck,
            int threads) {
        AtomicInteger replaying = new AtomicInteger(replays.size());
        AtomicInteger next = new AtomicInteger();
        AtomicLong readChars = new AtomicLong();
        long budgetChars = retention.budgetChars() / 4;
        List<Runnable> tasks = new ArrayList<>();
        for (Runnable replay : replays) {
            tasks.add(() -> {
                try {
                    replay.run();
                } finally {
                    replaying.decrementAndGet();
                }
            });
        }
        for (int reader = 1; reader < threads; reader++) {
            tasks.add(() -> {
                int index;
                while (replaying.get() > 0 && readChars.get() < budgetChars
                        && (index = next.getAndIncrement()) < waiting.length()) {
                    PreparedFile file = waiting.get(index);
                    if (file != null && !file.isReleased() && file.decided() == null && toCheck.test(file)) {
                        // a changelog's own text is not what its models are read from: its scripts' texts are
                        readChars.addAndGet(file.scripts().stream().mapToLong(script -> script.text().length()).sum());
                        session.readModelsAhead(file);
                    }
                }
            });
        }
        return tasks;
    }
}
