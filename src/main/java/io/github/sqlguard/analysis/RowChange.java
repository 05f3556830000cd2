package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DELETE or UPDATE in a statement (the statement itself, a CTE, a T-SQL IF branch, a derived table, the
 * action of a MERGE clause),
 * with what limits the rows it touches.
 *
 * @param verb {@code DELETE} or {@code UPDATE}
 * @param tables the target tables as written, aliases resolved to their tables
 * @param at where its verb is written
 * @param restrictedByJoin true when an inner join with a condition limits the targets
 * @param crossJoin why a join with a condition limits none of the targets' rows ({@code JOIN c ON 1 = 1}, a
 *     condition that names no column of them), or {@link JoinReach#LIMITING}
 * @param where what its own WHERE clause says
 * @param scratch true when every target holds only rows this script put there
 * @param unresolvedConditions placeholders without a value that stand as a condition of their own in its WHERE,
 *     as written ({@code ${cond}}): the WHERE may limit nothing, and nobody can tell
 * @param selection which rows it chooses: a statement's own, or a MERGE action's
 * @param keyLinks how a DELETE's join of two tables (an UPDATE's when its SET reads nothing of the other table),
 *     with no other condition, ties each target to the other table (also PostgreSQL's USING or FROM list joined by
 *     a WHERE that is only that equality): where every row has its related row, the join limits nothing; empty
 *     otherwise
 * @param partitions the partitions MySQL's {@code DELETE FROM t PARTITION (p1, p2)} limits it to, as written;
 *     empty when it reaches the whole table
 * @param nullingLookups the columns its SET fills with a subquery of the row
 * @param naturalJoins its NATURAL joins, which {@code restrictedByJoin} counts as limiting: whether they do, and
 *     on which columns, only the schema tells
 */
public record RowChange(String verb, List<String> tables, Location at, boolean restrictedByJoin, JoinReach crossJoin,
        WhereFact where, boolean scratch, List<String> unresolvedConditions, RowSelection selection,
        List<KeyLink> keyLinks, List<String> partitions, List<RowLookup> nullingLookups,
        List<NaturalJoin> naturalJoins) {

    public RowChange {
        naturalJoins = List.copyOf(naturalJoins);
        tables = List.copyOf(tables);
        unresolvedConditions = List.copyOf(unresolvedConditions);
        keyLinks = List.copyOf(keyLinks);
        partitions = List.copyOf(partitions);
        nullingLookups = List.copyOf(nullingLookups);
    }

    /** A change without NATURAL joins. */
    public RowChange(String verb, List<String> tables, Location at, boolean restrictedByJoin, JoinReach crossJoin,
            WhereFact where, boolean scratch, List<String> unresolvedConditions, RowSelection selection,
            List<KeyLink> keyLinks, List<String> partitions, List<RowLookup> nullingLookups) {
        this(verb, tables, at, restrictedByJoin, crossJoin, where, scratch, unresolvedConditions, selection, keyLinks,
                partitions, nullingLookups, List.of());
    }

    /** A change whose SET fills no column with a lookup of the row. */
    public RowChange(String verb, List<String> tables, Location at, boolean restrictedByJoin, JoinReach crossJoin,
            WhereFact where, boolean scratch, List<String> unresolvedConditions, RowSelection selection,
            List<KeyLink> keyLinks, List<String> partitions) {
        this(verb, tables, at, restrictedByJoin, crossJoin, where, scratch, unresolvedConditions, selection, keyLinks,
                partitions, List.of());
    }

    /** A change of whole tables, with the key links of its join. */
    public RowChange(String verb, List<String> tables, Location at, boolean restrictedByJoin, JoinReach crossJoin,
            WhereFact where, boolean scratch, List<String> unresolvedConditions, RowSelection selection,
            List<KeyLink> keyLinks) {
        this(verb, tables, at, restrictedByJoin, crossJoin, where, scratch, unresolvedConditions, selection, keyLinks,
                List.of());
    }

    /** A change whose join, if any, is not known to tie it to another table by one equality only. */
    public RowChange(String verb, List<String> tables, Location at, boolean restrictedByJoin, JoinReach crossJoin,
            WhereFact where, boolean scratch, List<String> unresolvedConditions, RowSelection selection) {
        this(verb, tables, at, restrictedByJoin, crossJoin, where, scratch, unresolvedConditions, selection,
                List.of(), List.of());
    }

    /** The change of a DELETE or UPDATE statement. */
    public RowChange(String verb, List<String> tables, Location at, boolean restrictedByJoin, WhereFact where,
            boolean scratch) {
        this(verb, tables, at, restrictedByJoin, JoinReach.LIMITING, where, scratch, List.of(),
                RowSelection.STATEMENT);
    }

    /** The change of a DELETE or UPDATE statement, knowing whether its join limits nothing. */
    public RowChange(String verb, List<String> tables, Location at, boolean restrictedByJoin, JoinReach crossJoin,
            WhereFact where, boolean scratch) {
        this(verb, tables, at, restrictedByJoin, crossJoin, where, scratch, List.of(), RowSelection.STATEMENT);
    }

    /** True when nothing in the statement itself limits which rows are touched. */
    public boolean touchesEveryRow() {
        return (where.absent() || where.decidesOnlyWhetherItRuns() || where == WhereFact.ROW_COUNT_ONLY)
                && !restrictedByJoin;
    }

    /**
     * The columns of a join that only pairs each row with itself in a second copy of its table ({@code DELETE c1 FROM
     * contacts c1 JOIN contacts c2 ON c1.email = c2.email}, a dedupe that lost its {@code AND c1.id > c2.id}; also
     * on several columns, {@code a.email = b.email AND a.name = b.name}): every row whose values are not NULL meets
     * it, so it limits nothing. Empty for any other join.
     */
    public List<String> selfMatchedColumns() {
        if (keyLinks.isEmpty() || !keyLinks.stream().allMatch(KeyLink::pairsEachRowWithItself)) {
            return List.of();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        keyLinks.forEach(link -> link.columns().forEach(
                column -> columns.putIfAbsent(ObjectNames.normalize(column), column)));
        return List.copyOf(columns.values());
    }

    /** The target tables for a message: {@code customers} or {@code t1, t2}. */
    public String tableList() {
        return tables.isEmpty() ? "the target table" : String.join(", ", tables);
    }

    /** What happens to the rows, for messages: "removes" or "changes". */
    public String effect() {
        return verb.equals("DELETE") ? "removes" : "changes";
    }

    /** The same change with another fact about its WHERE. */
    public RowChange withWhere(WhereFact newWhere) {
        return new RowChange(verb, tables, at, restrictedByJoin, crossJoin, newWhere, scratch, unresolvedConditions,
                selection, keyLinks, partitions, nullingLookups, naturalJoins);
    }

    /** The same change, marked as touching only scratch tables or not. */
    public RowChange withScratch(boolean isScratch) {
        return new RowChange(verb, tables, at, restrictedByJoin, crossJoin, where, isScratch, unresolvedConditions,
                selection, keyLinks, partitions, nullingLookups, naturalJoins);
    }
}
