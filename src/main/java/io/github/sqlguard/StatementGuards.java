package io.github.sqlguard;

import io.github.sqlguard.schema.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The guards of one statement, in the order they are asked, each looked for once and only when a finding needs it.
 * A statement can be guarded against one loss by one fact and against another by a second: a rebuild's {@code ALTER
 * TABLE t RENAME TO t_old} after {@code CREATE TABLE t_new AS SELECT * FROM t} has its rows copied, which does not
 * answer the rename, and its name taken by {@code t_new} later, which does. So a finding takes the first guard
 * that covers it, unless the first guard found says why the loss stands (an incomplete copy).
 */
final class StatementGuards {

    private final List<Supplier<Optional<Guard>>> sources;
    private final List<Optional<Guard>> asked = new ArrayList<>();

    StatementGuards(List<Supplier<Optional<Guard>>> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The first guard found, which speaks for the statement where no guard covers a finding. */
    Optional<Guard> first() {
        for (int i = 0; i < sources.size(); i++) {
            Optional<Guard> guard = at(i);
            if (guard.isPresent()) {
                return guard;
            }
        }
        return Optional.empty();
    }

    /** The guard that makes the loss {@code ruleId} reports about {@code subjects} impossible, if any. */
    Optional<Guard> covering(String ruleId, List<String> subjects) {
        Optional<Guard> first = first();
        if (first.isEmpty() || covers(first.get(), ruleId, subjects)) {
            return first;
        }
        if (!first.get().shortfall(ruleId, subjects).isEmpty()) {
            return Optional.empty();
        }
        for (int i = asked.size(); i < sources.size(); i++) {
            Optional<Guard> guard = at(i);
            if (guard.isPresent() && covers(guard.get(), ruleId, subjects)) {
                return guard;
            }
        }
        return Optional.empty();
    }

    private static boolean covers(Guard guard, String ruleId, List<String> subjects) {
        return guard.covers(ruleId) && guard.protects(subjects);
    }

    private Optional<Guard> at(int index) {
        while (asked.size() <= index) {
            asked.add(sources.get(asked.size()).get());
        }
        return asked.get(index);
    }
}
