package io.github.sqlguard;

import io.github.sqlguard.schema.MigrationHistories;
import io.github.sqlguard.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Replays the schema through the prepared files in the order the migration tool applies them and checks each
 * file against the schema before it, one batch of files at a time, so that a large project's statements are
 * never all in memory together: only the files that fitted the {@link Retention retention budget} when they were
 * first read stay prepared; the others are read and split again when their batch comes, and every batch's
 * statements are dropped once it is checked.
 */
final class BatchedCheck {

    /** Files of one batch: enough to keep every worker busy, few enough to stay small in memory. */
    private static final int BATCH_FILES = 64;

    /** Runs work over a list of items on the workers and returns the results in the items' order. */
    interface Workers {
        <T, R> List<R> map(List<T> items, Function<T, R> work);
    }

    /**
     * Decides which prepared files stay in memory until their check: those that fit a budget of source
     * characters, about 4 MB of SQL, which holds a whole ordinary project. A larger project is read twice
     * rather than held whole. Thread-safe.
     */
    static final class Retention {
        static final long DEFAULT_BUDGET_CHARS = 4_000_000;
        private final long budgetChars;
        private final AtomicLong retained = new AtomicLong();

        Retention(long budgetChars) {
            this.budgetChars = budgetChars;
        }

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

    private final LintSession session;
    private final AnalysisCache cache;
    private final Workers workers;

    BatchedCheck(LintSession session, AnalysisCache cache, Workers workers) {
        this.session = session;
        this.cache = cache;
        this.workers = workers;
    }

    /**
     * The outcomes of {@code toCheck}, in its order.
     *
     * @param histories the files registered for the replay (none when the schema is not replayed)
     */
    List<FileOutcome> run(List<PreparedFile> toCheck, MigrationHistories histories) {
        Map<String, PreparedFile> byPath = new HashMap<>();
        toCheck.forEach(file -> byPath.put(file.path(), file));
        // Replayed files first, in the order they are applied; the others (not migrations the tool applies
        // on the way up) after them.
        Set<String> order = new LinkedHashSet<>(histories.appliedOrder());
        order.retainAll(byPath.keySet());
        toCheck.forEach(file -> order.add(file.path()));
        List<String> paths = new ArrayList<>(order);

        Map<String, FileOutcome> outcomes = new HashMap<>();
        for (int from = 0; from < paths.size(); from += BATCH_FILES) {
            List<PreparedFile> batch = workers.map(paths.subList(from, Math.min(paths.size(), from + BATCH_FILES)),
                    path -> prepared(byPath.get(path)));
            for (PreparedFile file : batch) {
                histories.replay(file.path(), statementsOf(file));
            }
            List<FileOutcome> checked = workers.map(batch, file -> cache == null ? session.check(file, histories)
                    : cache.outcome(file.source(), Linter.mayBeStructuredChangelog(file.source()),
                            histories.historyBefore(file.path()), source -> session.check(file, histories)));
            for (int i = 0; i < batch.size(); i++) {
                outcomes.put(batch.get(i).path(), checked.get(i));
                histories.forget(statementsOf(batch.get(i)));
            }
        }
        return toCheck.stream().map(file -> outcomes.get(file.path())).toList();
    }

    private PreparedFile prepared(PreparedFile file) {
        return file.isReleased() ? session.prepare(file.source()) : file;
    }

    private static List<Statement> statementsOf(PreparedFile file) {
        List<Statement> statements = new ArrayList<>();
        file.scripts().forEach(script -> statements.addAll(script.script().statements()));
        return statements;
    }
}
