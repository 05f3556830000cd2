package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code NATURAL JOIN}, which matches rows on every column its two sides share: which columns those are only the
 * schema knows. {@code UPDATE t NATURAL JOIN u SET u.c = 1} limits u to the rows that match t where the two tables
 * share a column, and pairs every row of u with every row of t where they share none.
 *
 * @param left the tables before the join, as written
 * @param right the tables it joins, as written (one, or those of a parenthesised join)
 * @param alone true when its two tables are all the statement joins: no other join or list filters their rows
 */
public record NaturalJoin(List<String> left, List<String> right, boolean alone) {

    public NaturalJoin {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** The same join, alone or not among the tables of its statement. */
    NaturalJoin alone(boolean isAlone) {
        return new NaturalJoin(left, right, isAlone);
    }

    /** The tables on the other side of {@code table} (as written, compared by name), or empty when it is on neither. */
    public List<String> otherSideOf(String table) {
        String key = key(table);
        if (right.stream().anyMatch(name -> key(name).equals(key))) {
            return left;
        }
        if (left.stream().anyMatch(name -> key(name).equals(key))) {
            return right;
        }
        return List.of();
    }

    /** Both sides, for a message: {@code "t and u"}. */
    public String sides() {
        List<String> all = new ArrayList<>(left);
        all.addAll(right);
        return all.size() == 2 ? all.get(0) + " and " + all.get(1) : String.join(", ", all);
    }

    private static String key(String name) {
        String normalized = ObjectNames.normalize(name);
        return normalized.substring(normalized.lastIndexOf('.') + 1);
    }
}
