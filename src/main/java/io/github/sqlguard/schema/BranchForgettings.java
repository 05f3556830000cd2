package io.github.sqlguard.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the replay forgot tables and columns after a branch of a block changed them, so that a finding on one can say
 * the branch may not have run rather than call the empty version a drop or a rename. A fork reads what its parent
 * noted and keeps what it notes to itself.
 */
final class BranchForgettings {

    private final BranchForgettings parent;
    /** Per table key: the positions where a branch that changed the table ends. */
    private final Map<String, Set<Integer>> tables = new HashMap<>();
    /** Per table and column key: where the branch that changed the column ends. */
    private final Map<String, Integer> columns = new HashMap<>();

    BranchForgettings(BranchForgettings parent) {
        this.parent = parent;
    }

    /** Notes that the branch ending at {@code position} changed the table {@code key}. */
    void table(String key, int position) {
        tables.computeIfAbsent(key, k -> new HashSet<>()).add(position);
    }

    /** Notes that the branch ending at {@code position} changed {@code column} of the table {@code key}. */
    void column(String key, String column, int position) {
        columns.put(key + "." + column, position);
    }

    /** True when the table's version at {@code position} was forgotten after a branch that changed it. */
    boolean tableAt(String key, int position) {
        Set<Integer> ends = tables.get(key);
        return ends != null && ends.contains(position) || parent != null && parent.tableAt(key, position);
    }

    /** Where the branch that changed the column ({@code table.column} keys) ends, or null. */
    Integer columnEnd(String tableAndColumn) {
        Integer end = columns.get(tableAndColumn);
        return end != null || parent == null ? end : parent.columnEnd(tableAndColumn);
    }
}
