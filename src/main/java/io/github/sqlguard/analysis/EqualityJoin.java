package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A query's first join when it is an inner join of the query's first table to one other table on nothing but one
 * equality of two names: {@code FROM t c [INNER] JOIN p [AS] a ON c.p_id = a.id}, as a rebuild writes the copy that
 * fills a new column from a parent table. Whether such a join keeps every row of the first table is for the replay
 * to judge, which knows the keys.
 *
 * @param first the query's first table
 * @param joined the table joined to it
 * @param left the name left of the {@code =}, as written
 * @param right the name right of the {@code =}, as written
 * @param start the index of the join's first word ({@code JOIN} or {@code INNER})
 * @param end the index after its condition
 */
public record EqualityJoin(TableReference first, TableReference joined, String left, String right, int start,
        int end) {

    /**
     * The join read from {@code from} on (just after the query's verb), up to its WHERE, when it is the first
     * thing after the query's first table; empty for any other join, a comma join and a query without joins.
     */
    public static Optional<EqualityJoin> firstAfter(List<Token> tokens, int from) {
        return TokenJoins.firstEqualityJoin(tokens, from);
    }

    /** {@code tokens} without the join and its condition: the query as if it read the first table alone. */
    public List<Token> removedFrom(List<Token> tokens) {
        List<Token> without = new ArrayList<>(tokens.subList(0, start));
        without.addAll(tokens.subList(end, tokens.size()));
        return without;
    }
}
