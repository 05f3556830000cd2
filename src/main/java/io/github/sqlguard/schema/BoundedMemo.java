package io.github.sqlguard.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a function of a text, kept by text up to a bound, beyond which a new text is worked out each
 * time: the replay asks the same few questions (a name's key, a type's reading) over and over, and a generated
 * schema must not make the kept answers grow without end. For functions without side effects; thread-safe.
 */
final class BoundedMemo<V> {

    private final Map<String, V> known = new ConcurrentHashMap<>();
    private final int most;
    private final Function<String, V> work;

    BoundedMemo(int most, Function<String, V> work) {
        this.most = most;
        this.work = work;
    }

    V get(String text) {
        V answer = known.get(text);
        if (answer != null) {
            return answer;
        }
        answer = work.apply(text);
        if (known.size() < most) {
            known.put(text, answer);
        }
        return answer;
    }
}
