package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables (and their aliases) of a join that has a join condition. A DELETE or UPDATE target among them
 * is limited by the join: MySQL {@code DELETE t1 FROM t1 JOIN t2 ON ..}, T-SQL
 * {@code UPDATE a SET .. FROM orders a JOIN b ON ..}. A target outside the join, as in PostgreSQL
 * {@code DELETE FROM t USING a JOIN b ON ..}, is not; nor is a table an outer join keeps whole
 * ({@code DELETE t1 FROM t1 LEFT JOIN t2 ON ..} removes every row of t1).
 */
final class JoinedTables {

    private final JoinedNames tables = new JoinedNames();
    private final Set<String> preserved = new HashSet<>();
    /** Names of the tables an inner join with a condition has limited; a later outer join keeps only those rows. */
    private final Set<String> limited = new HashSet<>();
    private int lastTableStart;
    private boolean hasCondition;
    private boolean hasAlwaysTrueCondition;
    private boolean hasFilteringCondition;
    /** The equalities of two columns that the join conditions are made of (joined by AND). */
    private final JoinEqualities equalities = new JoinEqualities();
    /** The normalized qualifiers of the columns the join conditions name. */
    private final Set<String> conditionQualifiers = new HashSet<>();
    /** True once a condition may name any table's columns: an unqualified column, a subquery, a USING list. */
    private boolean conditionMayNameAnyTable;
    /** Where the table (or parenthesised join) added last starts among {@link #tables}. */
    private int lastEntryStart;
    private final NaturalJoinsSeen naturalJoins = new NaturalJoinsSeen();

    /** Adds a joined table and its alias (null when it has none), as written. */
    void add(String table, String alias) {
        lastTableStart = tables.lookup().size();
        lastEntryStart = tables.size();
        tables.add(table, alias);
    }

    /**
     * Adds the tables of a parenthesised join, {@code (t JOIN u ON u.t_id = t.id)}, with what its own joins say:
     * which of its tables they limit or keep whole, and their conditions. As a whole it is the table added last,
     * which a RIGHT join keeps whole and an inner join with a condition limits.
     */
    void addGroup(JoinedTables group) {
        lastTableStart = tables.lookup().size();
        lastEntryStart = tables.size();
        tables.addAll(group.tables);
        preserved.addAll(group.preserved);
        limited.addAll(group.limited);
        hasCondition |= group.hasCondition;
        hasAlwaysTrueCondition |= group.hasAlwaysTrueCondition;
        hasFilteringCondition |= group.hasFilteringCondition;
        equalities.addAll(group.equalities);
        conditionQualifiers.addAll(group.conditionQualifiers);
        conditionMayNameAnyTable |= group.conditionMayNameAnyTable;
        naturalJoins.addAll(group.naturalJoins);
    }

    /**
     * Notes that the table added last came in by a NATURAL join: a condition on the columns it shares with the
     * tables before it, which only the schema knows ({@link NaturalJoin}). Until the schema says otherwise it
     * limits the tables as an inner join on a condition does, unless it is an outer one.
     */
    void naturalJoinOfLast(boolean outer) {
        List<String> written = tables.written();
        naturalJoins.add(new NaturalJoin(written.subList(0, lastEntryStart),
                written.subList(lastEntryStart, written.size()), false));
        hasCondition = true;
        conditionMayNameAnyTable = true;
        if (!outer) {
            limitTablesSoFar();
        }
    }

    /** The NATURAL joins, in order, when they decide whether {@link #restrict} limits {@code targets}. */
    List<NaturalJoin> naturalJoinsDeciding(List<String> targets) {
        return naturalJoins.deciding(targets, tables.entries(), tables.size() == 2 && !hasFilteringCondition);
    }

    /**
     * Notes a {@code USING (a, b)} condition of the join of the table added last: the equality of each column of
     * it and the same column of the one table before it ({@code JOIN customers c USING (customer_id)} is {@code ON
     * c.customer_id = o.customer_id}). With more tables before it, which one holds the column only the schema
     * knows: it may then name any of them.
     */
    void usingColumns(List<String> columns) {
        conditionFound();
        if (lastEntryStart != 1 || tables.size() != 2 || columns.isEmpty()) {
            hasFilteringCondition = true; // no key link to judge it by
            return;
        }
        String leftName = tables.knownName(0);
        String rightName = tables.knownName(1);
        for (String column : columns) {
            equalities.add(leftName + "." + column, rightName + "." + column);
        }
    }

    /**
     * {@code targets} with each alias replaced by its table as written, so messages name the table: MySQL's
     * {@code DELETE o FROM orders o ..} removes rows of orders, not of o.
     */
    List<String> tablesOf(List<String> targets) {
        List<String> tablesOfTargets = new ArrayList<>();
        for (String target : targets) {
            tablesOfTargets.add(tables.tableOf(target));
        }
        return tablesOfTargets;
    }

    /** The name the table added last is known by here: its alias, else its name; null when none was added. */
    String knownNameOfLast() {
        if (tables.size() == 0) {
            return null;
        }
        String[] last = tables.entries().get(tables.size() - 1);
        return last[1] != null ? last[1] : last[0];
    }

    /**
     * A LEFT or FULL join keeps every row of the tables before it, matched or not: they are not limited, unless an
     * inner join before it already limited them ({@code t1 JOIN t2 ON .. LEFT JOIN t3 ON ..} keeps only the rows of
     * t1 that t2 matches, as the outer join keeps the rows of {@code t1 JOIN t2}).
     */
    void preserveTablesSoFar() {
        tables.lookup().stream().filter(name -> !limited.contains(name)).forEach(preserved::add);
    }

    /**
     * An inner join with a condition keeps only the rows of the tables so far that it matches, even those an outer
     * join before it kept whole: {@code t1 LEFT JOIN t2 ON .. JOIN t3 ON t3.id = t2.x} drops the rows of t1 that
     * found no t2 and t3.
     */
    void limitTablesSoFar() {
        limited.addAll(tables.lookup());
        preserved.removeAll(tables.lookup());
    }

    /** A RIGHT or FULL join keeps every row of the table it joins. */
    void preserveLastTable() {
        preserved.addAll(tables.lookup().subList(lastTableStart, tables.lookup().size()));
    }

    /**
     * Notes that some join has an ON or USING condition, which may name the columns of any of the tables: a USING
     * list names a column of each side.
     */
    void conditionFound() {
        conditionNaming(null);
    }

    /**
     * Notes a join condition that names the columns of the tables {@code qualifiers} (normalized names or aliases),
     * or, when null, may name any table's. One that names no column at all ({@code ON 1 = 0}, {@code ON @on = 1})
     * counts as naming any: it may keep no row of the target.
     */
    void conditionNaming(Set<String> qualifiers) {
        hasCondition = true;
        naturalJoins.otherConditionNaming(qualifiers);
        if (qualifiers == null || qualifiers.isEmpty()) {
            conditionMayNameAnyTable = true;
        } else {
            conditionQualifiers.addAll(qualifiers);
        }
    }

    /**
     * Notes a join condition that may filter rows beyond tying them to each other: anything but equalities
     * between columns ({@code ON c.id = o.customer_id AND c.closed}), or a join to a derived table, whose own
     * query may filter.
     */
    void filteringConditionFound() {
        hasFilteringCondition = true;
    }

    /**
     * Notes the join condition {@code [from, to)} of {@code tokens} as equalities of two different qualified columns
     * joined by AND ({@code c.id = o.customer_id}, {@code a.email = b.email AND a.name = b.name}), which tie rows to
     * their related rows and filter nothing else, or as a condition that may filter. Both sides must be qualified,
     * so that a word such as TRUE is never a column.
     */
    void conditionAt(StatementTokens tokens, int from, int to) {
        // A condition that never holds keeps no row of the target, whatever it names.
        conditionNaming(TokenConditionTruth.of(tokens, from, to) == Truth.ALWAYS_FALSE ? null
                : OtherTablesCondition.qualifiersOfColumns(tokens, from, to));
        if (!equalities.addConjunction(tokens, from, to)) {
            hasFilteringCondition = true;
        }
    }

    /**
     * How a join of two tables, read without a filter, ties each of {@code targets} to the other table: one
     * {@link KeyLink} per target for {@code DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id}
     * (orders.customer_id to customers.id), one for each of {@code DELETE o, c ..}; a link of several columns for
     * equalities on a composite key ({@code m.queue_type = q.queue_type AND m.queue_name = q.queue_name}), or for a
     * second copy of the target paired on several columns alike. Empty when the join does not limit the targets, has
     * more than two tables or any condition but equalities of a column of each table joined by AND.
     */
    List<KeyLink> keyLinks(List<String> targets) {
        if (hasFilteringCondition || equalities.isEmpty() || tables.size() != 2 || !restrict(targets)) {
            return List.of();
        }
        List<KeyLink> links = new ArrayList<>();
        for (String target : targets) {
            int at = tables.entryOf(ObjectNames.normalize(target));
            if (at < 0) {
                continue;
            }
            KeyLink link = equalities.linkOf(at, tables::entryOf, tables.written());
            if (link == null) {
                return List.of();
            }
            links.add(link);
        }
        return links;
    }

    /**
     * {@code targets} as T-SQL binds them: a target named by its table ({@code DELETE FROM dbo.orders FROM dbo.orders o
     * JOIN ..}, {@code UPDATE dbo.orders SET .. FROM dbo.orders o ..}) is the one reference of that table in the
     * list, known here by its alias. A name the list knows as it is, or whose table it holds twice, stays.
     */
    List<String> boundByTableName(List<String> targets) {
        return tables.boundByTableName(targets);
    }

    /** True when {@code target} (a table name or alias, as written) denotes one of the tables added here. */
    boolean denotes(String target) {
        return tables.entryOf(ObjectNames.normalize(target)) >= 0;
    }

    /**
     * Notes a join whose ON condition holds for every pair of rows ({@code ON 1 = 1}, {@code ON c.id = c.id}):
     * a cross join, which limits no table's rows.
     */
    void alwaysTrueConditionFound() {
        hasAlwaysTrueCondition = true;
    }

    /** True when the joins have conditions and every one of them holds for every pair of rows. */
    boolean joinsOnAlwaysTrueConditionsOnly() {
        return hasAlwaysTrueCondition && !hasCondition;
    }

    /**
     * Why these joins limit none of the rows of {@code targets}: every condition holds for every pair of rows, or
     * none names a column of a target the joins hold; {@link JoinReach#LIMITING} otherwise.
     */
    JoinReach reach(List<String> targets) {
        if (joinsOnAlwaysTrueConditionsOnly()) {
            return JoinReach.EVERY_PAIR;
        }
        if (!hasCondition || conditionMayNameAnyTable || targets.isEmpty()) {
            return JoinReach.LIMITING;
        }
        for (String target : targets) {
            String normalized = ObjectNames.normalize(target);
            if (tables.answersTo(normalized) && !conditionNamesTarget(normalized)) {
                return JoinReach.OTHER_TABLES_ONLY;
            }
        }
        return JoinReach.LIMITING;
    }

    /** The first of {@code reaches} that limits nothing, else {@link JoinReach#LIMITING}. */
    static JoinReach either(JoinReach... reaches) {
        for (JoinReach reach : reaches) {
            if (reach != JoinReach.LIMITING) {
                return reach;
            }
        }
        return JoinReach.LIMITING;
    }

    /**
     * True when every one of {@code targets} is a table of a join with a condition that names it. Conditions that
     * name no column of a target ({@code UPDATE t JOIN u ON u.live = 1 SET ..}) pair each of its rows with the same
     * rows of the others: they keep all of its rows or none.
     */
    boolean restrict(List<String> targets) {
        if (!hasCondition || targets.isEmpty()) {
            return false;
        }
        for (String target : targets) {
            String normalized = ObjectNames.normalize(target);
            if (!tables.answersTo(normalized)
                    || preserved.contains(normalized) || preserved.contains(JoinedNames.lastPart(normalized))
                    || !conditionNamesTarget(normalized)) {
                return false;
            }
        }
        return true;
    }

    /** True when a join condition may name a column of the table or alias {@code target} (normalized). */
    private boolean conditionNamesTarget(String target) {
        if (conditionMayNameAnyTable) {
            return true;
        }
        for (String[] entry : tables.entries()) {
            if (JoinedNames.denotes(entry, target) && conditionNames(entry)) {
                return true;
            }
        }
        return false;
    }

    /** True when a join condition may name a column of the table of {@code entry}, by its name or its alias. */
    private boolean conditionNames(String[] entry) {
        return conditionMayNameAnyTable || JoinedNames.namedIn(entry, conditionQualifiers);
    }

    /** The name each table is known by here: see {@link JoinedNames#qualifiersOfEachTable}. */
    Set<String> qualifiersOfEachTable() {
        return tables.qualifiersOfEachTable();
    }

    /** The tables here whose names qualify a column in {@code text}: see {@link JoinedNames#qualifiersIn}. */
    Set<String> qualifiersIn(String text) {
        return tables.qualifiersIn(text);
    }

    /** The name each table is known by here, in order: its alias, else its name as written. */
    List<String> knownNames() {
        return tables.knownNames();
    }

    /** True when the only table here is the one named first (no join, no list). */
    boolean hasOneTable() {
        return tables.size() == 1;
    }

    /**
     * The names and aliases that certainly denote a table other than {@code targets}: neither a target nor an
     * alias of it, nor another instance of a target's table (a self-join leaves which instance is meant open).
     * None once a join condition names a target: that ties the joined columns to the target's rows, as
     * in {@code DELETE t1 FROM t1 LEFT JOIN t2 ON t1.id = t2.id WHERE t2.id IS NULL}. A join among the other
     * tables only (PostgreSQL {@code UPDATE t SET .. FROM a JOIN b ON b.id = a.id WHERE a.live}) ties them to each
     * other, not to the target, so their columns still say nothing about which of its rows change.
     */
    Set<String> qualifiersOtherThan(List<String> targets) {
        Set<String> targetKeys = new HashSet<>();
        for (String target : targets) {
            String normalized = ObjectNames.normalize(target);
            targetKeys.add(normalized);
            targetKeys.add(JoinedNames.lastPart(normalized));
            String table = ObjectNames.normalize(tables.tableOf(target));
            targetKeys.add(table);
            targetKeys.add(JoinedNames.lastPart(table));
        }
        Set<String> others = new HashSet<>();
        for (String[] entry : tables.entries()) {
            boolean target = JoinedNames.namedIn(entry, targetKeys);
            if (target && hasCondition && conditionNames(entry)) {
                return Set.of();
            }
            if (!target) {
                others.add(entry[0]);
                others.add(JoinedNames.lastPart(entry[0]));
                if (entry[1] != null) {
                    others.add(entry[1]);
                }
            }
        }
        others.removeAll(targetKeys);
        return others;
    }
}
