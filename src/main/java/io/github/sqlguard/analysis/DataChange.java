package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.List;

/**
 * One DELETE or UPDATE found in a statement (at top level or inside a CTE), with what limits the rows it
 * touches. The rules about missing and always-true WHERE clauses judge these, whether they were read from
 * JSqlParser's AST or from the tokens.
 *
 * @param verb {@code DELETE} or {@code UPDATE}
 * @param tables the target tables as written, for messages
 * @param restrictedByJoin true when an inner join with a condition limits the targets (MySQL
 *     {@code DELETE t1 FROM t1 JOIN t2 ON ..}, {@code UPDATE t1 JOIN t2 ON .. SET}, T-SQL
 *     {@code UPDATE a SET .. FROM t a JOIN u ON ..})
 * @param crossJoin why a join with a condition limits none of the targets' rows ({@code JOIN c ON 1 = 1}, a
 *     condition that names no column of them), or {@link JoinReach#LIMITING}
 * @param where what the statement's own WHERE clause says
 * @param at the verb's token, or null when read from the AST
 * @param unresolvedConditions placeholders without a value that stand as a condition of their own in the WHERE
 *     ({@code WHERE ${cond}}): what they hold, and so which rows are touched, cannot be told
 * @param selection which rows the change chooses: a statement's own, or a MERGE action's
 * @param keyLinks how a DELETE's join of two tables, with no other condition, ties each target to the other
 *     table ({@code DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id}); also an UPDATE's whose SET
 *     reads nothing of the other table ({@code .. SET o.state = 'x'}), as one that copies its values
 *     ({@code SET o.name = c.name}) is what such joins are for; PostgreSQL's {@code DELETE .. USING u} and
 *     {@code UPDATE .. FROM u} whose WHERE is only that equality join the same way; empty otherwise
 * @param partitions the partitions MySQL's {@code DELETE FROM t PARTITION (p1, p2)} limits it to, as written
 * @param nullingLookups the columns an UPDATE's SET fills with a subquery of the row, which gives NULL where it finds
 *     no row ({@link RowLookups})
 * @param naturalJoins its NATURAL joins, which {@code restrictedByJoin} counts as limiting until the schema tells
 *     which columns they match on
 */
record DataChange(String verb, List<String> tables, boolean restrictedByJoin, JoinReach crossJoin, WhereFact where,
        Token at, List<String> unresolvedConditions, RowSelection selection, List<KeyLink> keyLinks,
        List<String> partitions, List<RowLookup> nullingLookups, List<NaturalJoin> naturalJoins) {

    DataChange {
        naturalJoins = List.copyOf(naturalJoins);
        tables = List.copyOf(tables);
        unresolvedConditions = List.copyOf(unresolvedConditions);
        keyLinks = List.copyOf(keyLinks);
        partitions = List.copyOf(partitions);
        nullingLookups = List.copyOf(nullingLookups);
    }

    DataChange(String verb, List<String> tables, boolean restrictedByJoin, JoinReach crossJoin, WhereFact where,
            Token at, List<String> unresolvedConditions, RowSelection selection, List<KeyLink> keyLinks,
            List<String> partitions, List<RowLookup> nullingLookups) {
        this(verb, tables, restrictedByJoin, crossJoin, where, at, unresolvedConditions, selection, keyLinks,
                partitions, nullingLookups, List.of());
    }

    DataChange(String verb, List<String> tables, boolean restrictedByJoin, JoinReach crossJoin, WhereFact where,
            Token at, List<String> unresolvedConditions, RowSelection selection, List<KeyLink> keyLinks,
            List<String> partitions) {
        this(verb, tables, restrictedByJoin, crossJoin, where, at, unresolvedConditions, selection, keyLinks,
                partitions, List.of());
    }

    DataChange(String verb, List<String> tables, boolean restrictedByJoin, JoinReach crossJoin, WhereFact where,
            Token at, List<String> unresolvedConditions, RowSelection selection, List<KeyLink> keyLinks) {
        this(verb, tables, restrictedByJoin, crossJoin, where, at, unresolvedConditions, selection, keyLinks,
                List.of());
    }

    DataChange(String verb, List<String> tables, boolean restrictedByJoin, JoinReach crossJoin, WhereFact where,
            Token at, List<String> unresolvedConditions, RowSelection selection) {
        this(verb, tables, restrictedByJoin, crossJoin, where, at, unresolvedConditions, selection, List.of(),
                List.of());
    }

    /** A DELETE or UPDATE statement's change. */
    DataChange(String verb, List<String> tables, boolean restrictedByJoin, WhereFact where, Token at) {
        this(verb, tables, restrictedByJoin, JoinReach.LIMITING, where, at, List.of(), RowSelection.STATEMENT);
    }

    /** A DELETE or UPDATE statement's change, knowing whether its join limits nothing. */
    DataChange(String verb, List<String> tables, boolean restrictedByJoin, JoinReach crossJoin, WhereFact where,
            Token at) {
        this(verb, tables, restrictedByJoin, crossJoin, where, at, List.of(), RowSelection.STATEMENT);
    }

    /** A DELETE or UPDATE statement's change, with the placeholders that stand as conditions in its WHERE. */
    DataChange(String verb, List<String> tables, boolean restrictedByJoin, JoinReach crossJoin, WhereFact where,
            Token at, List<String> unresolvedConditions) {
        this(verb, tables, restrictedByJoin, crossJoin, where, at, unresolvedConditions, RowSelection.STATEMENT);
    }

    /** A change chosen by {@code selection}, a MERGE action's. */
    DataChange(String verb, List<String> tables, boolean restrictedByJoin, WhereFact where, Token at,
            RowSelection selection) {
        this(verb, tables, restrictedByJoin, JoinReach.LIMITING, where, at, List.of(), selection);
    }

    /** The same change, with the NATURAL joins of its tables. */
    DataChange withNaturalJoins(List<NaturalJoin> joins) {
        return new DataChange(verb, tables, restrictedByJoin, crossJoin, where, at, unresolvedConditions, selection,
                keyLinks, partitions, nullingLookups, joins);
    }
}
