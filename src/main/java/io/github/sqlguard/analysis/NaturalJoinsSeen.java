package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The NATURAL joins among a statement's joined tables, and what the conditions of its other joins name: a NATURAL
 * join's condition is made of the columns its two sides share, which only the schema knows, so it decides whether a
 * target is limited only where no other join's condition names that target.
 */
final class NaturalJoinsSeen {

    private final List<NaturalJoin> joins = new ArrayList<>();
    /** The normalized qualifiers the conditions of the other joins name. */
    private final Set<String> otherConditionQualifiers = new HashSet<>();
    /** True once another join's condition may name any table's columns (an unqualified column, a USING list). */
    private boolean otherConditionMayNameAnyTable;

    void add(NaturalJoin join) {
        joins.add(join);
    }

    /** Notes a condition of another join than a NATURAL one, naming {@code qualifiers} (any table's when empty). */
    void otherConditionNaming(Set<String> qualifiers) {
        if (qualifiers == null || qualifiers.isEmpty()) {
            otherConditionMayNameAnyTable = true;
        } else {
            otherConditionQualifiers.addAll(qualifiers);
        }
    }

    /** Takes in those of a parenthesised join. */
    void addAll(NaturalJoinsSeen group) {
        joins.addAll(group.joins);
        otherConditionQualifiers.addAll(group.otherConditionQualifiers);
        otherConditionMayNameAnyTable |= group.otherConditionMayNameAnyTable;
    }

    /**
     * The NATURAL joins, in order, when they decide whether {@code targets} are limited: empty when there are none, or
     * when the other joins' conditions name every target ({@code t NATURAL JOIN u JOIN v ON v.u_id = u.id} limits u
     * whatever t and u share).
     *
     * @param entries every joined table as {normalized name, normalized alias or null}
     * @param alone whether the NATURAL join's two tables are all the statement joins, with no filtering condition
     */
    List<NaturalJoin> deciding(List<String> targets, List<String[]> entries, boolean alone) {
        if (joins.isEmpty() || otherConditionMayNameAnyTable) {
            return List.of();
        }
        for (String target : targets) {
            String key = ObjectNames.normalize(target);
            boolean named = entries.stream().anyMatch(entry -> JoinedNames.denotes(entry, key)
                    && JoinedNames.namedIn(entry, otherConditionQualifiers));
            if (!named && !otherConditionQualifiers.contains(key)) {
                return joins.stream().map(join -> join.alone(alone)).toList();
            }
        }
        return List.of();
    }
}
