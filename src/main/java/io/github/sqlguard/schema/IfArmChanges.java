package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables the earlier arms of one {@code IF .. ELSIF .. ELSE} changed, while its later arms are replayed. At most
 * one arm runs, so each arm starts from the tables as the IF found them ({@code ELSE ALTER TABLE t ALTER c TYPE ..}
 * is judged against c's type before the IF, not the one the THEN arm gave it); after the IF, whatever any arm may
 * have changed is no longer known (fail closed).
 */
final class IfArmChanges {

    /** Per table an earlier arm changed: the table as the IF found it. */
    private final Map<String, Table> before = new LinkedHashMap<>();
    /** Per table an earlier arm changed: the table as each such arm left it, empty where one dropped it. */
    private final Map<String, List<Optional<Table>>> leftByArms = new LinkedHashMap<>();

    /**
     * The arm that changed {@code changedByArm} (per table, the table as the arm found it) ends and another arm of the
     * same IF starts: the tables go back to how the IF found them. One the IF did not know stays unknown.
     */
    void armEnded(SchemaHistory history, Map<String, Optional<Table>> changedByArm) {
        changedByArm.forEach((name, found) -> {
            if (found.isEmpty()) {
                history.forgetBranchChange(name, found);
                return;
            }
            before.putIfAbsent(name, found.get());
            leftByArms.computeIfAbsent(name, key -> new ArrayList<>()).add(history.current(name));
            history.put(found.get());
        });
    }

    /**
     * The last arm, which changed {@code changedByArm}, ends and so does the IF: every table some arm changed is
     * forgotten as a branch change, with the columns any arm changed unknown.
     */
    void ifEnded(SchemaHistory history, Map<String, Optional<Table>> changedByArm) {
        Map<String, Optional<Table>> changed = new LinkedHashMap<>();
        before.forEach((name, table) -> changed.put(name, Optional.of(table)));
        changedByArm.forEach(changed::putIfAbsent);
        changed.forEach((name, found) -> history.forgetBranchChange(name, eitherArm(name, found)));
        before.clear();
        leftByArms.clear();
    }

    /**
     * The table as the IF found it, or as any earlier arm left it: a column the arms left differently has no known
     * type. Empty when an arm dropped the table, as a branch that drops a table leaves nothing known of it.
     */
    private Optional<Table> eitherArm(String name, Optional<Table> found) {
        Optional<Table> either = found;
        for (Optional<Table> left : leftByArms.getOrDefault(name, List.of())) {
            if (either.isEmpty() || left.isEmpty()) {
                return Optional.empty();
            }
            either = Optional.of(BranchOutcome.of(either.get(), left.get()).table());
        }
        return either;
    }
}
