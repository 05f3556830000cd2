package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A reading of a statement's tokens that gives each thread the result it gave for the same token list lately: the
 * replay and the check ask one statement the same question many times over (every guard asks which tables it
 * destroys and what its UPDATE writes, and a rename's guard asks it of the statements around), and each answer is
 * worked out from the tokens alone. A token list is the same when it is the same object of the same size with the
 * same first and last token: the lists statements hold cannot change, and a list a caller builds and grows afterwards
 * is told apart by its size. Results must not be changed by their users.
 *
 * @param <T> what the reading gives
 */
final class RecentReadings<T> {

    /** Enough for the statements around the one being judged; few enough to hold little memory once a run ends. */
    private static final int KEPT = 64;

    private final Function<List<Token>, T> reading;
    private final ThreadLocal<Map<List<Token>, Entry<T>>> recent =
            ThreadLocal.withInitial(() -> new IdentityHashMap<>(2 * KEPT));

    private record Entry<T>(int size, Token first, Token last, T result) {

        static <T> Entry<T> of(List<Token> tokens, T result) {
            int size = tokens.size();
            return new Entry<>(size, size == 0 ? null : tokens.get(0), size == 0 ? null : tokens.get(size - 1),
                    result);
        }

        boolean isFor(List<Token> tokens) {
            return size == tokens.size() && (size == 0 || first == tokens.get(0) && last == tokens.get(size - 1));
        }
    }

    RecentReadings(Function<List<Token>, T> reading) {
        this.reading = reading;
    }

    /** What the reading gives for {@code tokens}. */
    T of(List<Token> tokens) {
        Map<List<Token>, Entry<T>> entries = recent.get();
        Entry<T> entry = entries.get(tokens);
        if (entry != null && entry.isFor(tokens)) {
            return entry.result();
        }
        T result = reading.apply(tokens);
        if (entries.size() >= KEPT) {
            entries.clear();
        }
        entries.put(tokens, Entry.of(tokens, result));
        return result;
    }
}
