package io.github.sqlguard.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables (and their aliases) of a join that has a join condition. A DELETE or UPDATE target among them
 * is limited by the join: MySQL {@code DELETE t1 FROM t1 JOIN t2 ON ..}, T-SQL
 * {@code UPDATE a SET .. FROM orders a JOIN b ON ..}. A target outside the join, as in PostgreSQL
 * {@code DELETE FROM t USING a JOIN b ON ..}, is not.
 */
final class JoinedTables {

    private final List<String> names = new ArrayList<>();
    private boolean hasCondition;

    /** Adds a joined table and its alias (null when it has none), as written. */
    void add(String table, String alias) {
        names.add(ScriptState.normalize(table));
        names.add(lastPart(ScriptState.normalize(table)));
        if (alias != null) {
            names.add(ScriptState.normalize(alias));
        }
    }

    /** Notes that some join has an ON or USING condition. */
    void conditionFound() {
        hasCondition = true;
    }

    /** True when every one of {@code targets} is a table of a join with a condition. */
    boolean restrict(List<String> targets) {
        if (!hasCondition || targets.isEmpty()) {
            return false;
        }
        for (String target : targets) {
            String normalized = ScriptState.normalize(target);
            if (!names.contains(normalized) && !names.contains(lastPart(normalized))) {
                return false;
            }
        }
        return true;
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
