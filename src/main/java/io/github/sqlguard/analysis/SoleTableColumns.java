package io.github.sqlguard.analysis;

import java.util.HashSet;
import java.util.Set;

/**
 * The one table a DELETE or UPDATE reads in its own WHERE, when it joins, lists or uses no other: there a bare column
 * name and the same name qualified by the table or its alias are one column of one row, so
 * {@code DELETE FROM emp e WHERE e.empno = empno} compares each row's empno with itself and removes every row, as
 * {@code empno = empno} does. With a second table in scope, or inside a subquery with a FROM of its own, the bare name
 * may be another table's column, and this scope is not used.
 *
 * @param qualifiers the normalized names that denote the table: its alias when it has one (the table's own name is
 *     then unknown there), else its name as written and its last part
 * @param otherMeanings the normalized bare names that mean something else than the column: a routine's parameter or
 *     variable where the routine's language takes it (MySQL) or refuses the clash (PL/pgSQL)
 */
record SoleTableColumns(Set<String> qualifiers, Set<String> otherMeanings) {

    /** No table known: a qualified name and a bare one are compared as written. */
    static final SoleTableColumns NONE = new SoleTableColumns(Set.of(), Set.of());

    /**
     * Words that, written bare, call a function or read a pseudo-column rather than a column of the same name: a
     * table may still have such a column, written quoted or after its qualifier ({@code a.current_user}).
     */
    private static final Set<String> NILADIC = Set.of("user", "current_user", "session_user", "system_user",
            "current_role", "current_schema", "current_catalog", "current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp", "sysdate", "systimestamp", "sysdatetime", "uid", "rownum", "level");

    SoleTableColumns {
        qualifiers = Set.copyOf(qualifiers);
        otherMeanings = Set.copyOf(otherMeanings);
    }

    /** The scope of {@code table} (as written), known as {@code alias} when that is not null. */
    static SoleTableColumns of(String table, String alias, Set<String> otherMeanings) {
        Set<String> qualifiers = new HashSet<>();
        if (alias != null) {
            qualifiers.add(ObjectNames.normalize(alias));
        } else {
            qualifiers.add(ObjectNames.normalize(table));
            qualifiers.add(ObjectNames.normalize(ObjectNames.lastPart(table)));
        }
        return new SoleTableColumns(qualifiers, otherMeanings);
    }

    /**
     * What {@code column}, as written, is compared by: its bare name when it is qualified by the table here or is
     * written bare and means the column; as written otherwise. A bare name with another meaning keeps a mark, so it
     * still equals itself ({@code empno = empno}) but no qualified column.
     */
    String key(String column) {
        String normalized = ObjectNames.normalize(column);
        if (qualifiers.isEmpty()) {
            return normalized;
        }
        String qualifier = ObjectNames.qualifier(column);
        if (qualifier.isEmpty()) {
            return otherMeanings.contains(normalized) || NILADIC.contains(normalized) ? "(bare) " + normalized
                    : normalized;
        }
        return qualifiers.contains(ObjectNames.normalize(qualifier))
                ? ObjectNames.normalize(ObjectNames.lastPart(column)) : normalized;
    }
}
