package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds DELETE and UPDATE statements from tokens alone, for statements JSqlParser could not parse (T-SQL
 * {@code DELETE TOP (10) FROM t}, PostgreSQL {@code DELETE FROM ONLY t}, placeholders it rejects, ...).
 * It looks at the main statement after an optional {@code WITH} clause and at each CTE body, and only at
 * the statement's own nesting level, so a WHERE inside a subquery does not count.
 */
final class TokenDataChanges {

    /** Words after which the WHERE condition ends. */
    private static final String[] AFTER_WHERE = {"ORDER", "LIMIT", "RETURNING", "RETURN", "OPTION"};
    private final StatementTokens tokens;
    private final List<DataChange> found = new ArrayList<>();
    private final ViewChanges views;

    private TokenDataChanges(StatementTokens tokens) {
        this.tokens = tokens;
        this.views = new ViewChanges(tokens, this);
    }

    static List<DataChange> in(StatementTokens tokens) {
        // A ";" inside one statement separates the statements of a MySQL compound body (after DELIMITER).
        List<DataChange> found = new ArrayList<>();
        List<Token> all = tokens.tokens();
        int pieceStart = 0;
        for (int i = 0; i <= all.size(); i++) {
            if (i == all.size() || all.get(i).isSymbol(";")) {
                if (i > pieceStart) {
                    StatementTokens piece = pieceStart == 0 && i == all.size()
                            ? tokens : tokens.part(pieceStart, i);
                    found.addAll(new TokenDataChanges(piece).changes());
                }
                pieceStart = i + 1;
            }
        }
        return found;
    }

    private List<DataChange> changes() {
        for (int[] body : tokens.cteBodies()) {
            examine(body[0], body[1]);
        }
        int body = tokens.bodyStart();
        if (tokens.isWord(body, "IF")) {
            examineConditional(body, tokens.size());
        } else {
            examine(body, tokens.size());
        }
        return found;
    }

    /**
     * T-SQL {@code IF <condition> <statement> [ELSE <statement>]}: the branches are the DELETE or UPDATE
     * words outside parentheses, each running up to a following ELSE.
     */
    private void examineConditional(int start, int end) {
        int i = start + 1;
        while (i < end) {
            int verb = tokens.indexOfTopLevelWord(i, end, "DELETE", "UPDATE", "ELSE");
            if (verb < 0) {
                return;
            }
            if (tokens.isWord(verb, "ELSE")) {
                i = verb + 1;
                continue;
            }
            int elseAt = tokens.indexOfTopLevelWord(verb + 1, end, "ELSE");
            int branchEnd = elseAt < 0 ? end : elseAt;
            examine(verb, branchEnd);
            i = branchEnd;
        }
    }

    private void examine(int start, int statementEnd) {
        int end = withoutErrorLogging(start, statementEnd);
        if (tokens.isWord(start, "DELETE")) {
            delete(start, end);
        } else if (tokens.isWord(start, "UPDATE")) {
            update(start, end);
        } else if (tokens.isWord(start, "MERGE")) {
            found.addAll(TokenMergeChanges.in(tokens, start, end));
        }
    }

    private void delete(int start, int end) {
        int beforeTop = tokens.skipWords(start + 1, "LOW_PRIORITY", "QUICK", "IGNORE");
        int i = tokens.skipTop(beforeTop);
        boolean capped = i != beforeTop || limits(start, end);
        if (tokens.isSymbol(i, "*") && tokens.isWord(i + 1, "FROM")) {
            i++; // Exasol: DELETE * FROM t
        }
        int view = tokens.isWord(i, "FROM") ? i + 1 : i;
        int inlineView = tokens.isSymbol(view, "(") && tokens.isWord(view + 1, "SELECT", "WITH") ? view
                : ViewTargets.viewOf(tokens, view, end);
        if (inlineView >= 0) {
            found.add(views.throughInlineView("DELETE", start, inlineView, end));
            return;
        }
        int joinedView = ViewTargets.joinedDerivedTable(tokens, view, end);
        if (joinedView >= 0) {
            found.add(views.throughJoinedView("DELETE", start, joinedView, end));
            return;
        }
        List<String> targets = new ArrayList<>();
        int joinsFrom;
        if (tokens.isWord(i, "FROM")) {
            ObjectNames.NameAt name = tokens.nameAt(tokens.skipWords(i + 1, "ONLY"));
            int afterTargets = name == null ? i + 1 : name.next();
            while (name != null) {
                targets.add(name.text());
                afterTargets = tokens.isSymbol(name.next(), ".") && tokens.isSymbol(name.next() + 1, "*")
                        ? name.next() + 2 : name.next();
                // MySQL: DELETE FROM t1, t2.* USING t1 JOIN t2 .. deletes from every table of the list.
                name = tokens.isSymbol(afterTargets, ",") ? tokens.nameAt(afterTargets + 1) : null;
            }
            // The target itself is not part of a later USING list: PostgreSQL DELETE FROM t USING a JOIN b ON ..
            joinsFrom = afterTargets;
        } else {
            // Oracle DELETE t, or the MySQL multi-table form DELETE t1, t2.* FROM t1 JOIN t2 ON ..
            ObjectNames.NameAt name = tokens.nameAt(i);
            while (name != null) {
                targets.add(name.text());
                int next = tokens.isSymbol(name.next(), ".") && tokens.isSymbol(name.next() + 1, "*")
                        ? name.next() + 2 : name.next();
                name = tokens.isSymbol(next, ",") ? tokens.nameAt(next + 1) : null;
            }
            int from = tokens.indexOfTopLevelWord(i, end, "FROM");
            joinsFrom = from < 0 ? end : from;
        }
        int where = tokens.indexOfTopLevelWord(start, end, "WHERE");
        JoinedTables joined = TokenJoins.tables(tokens, joinsFrom, where < 0 ? end : where, false);
        // PostgreSQL: DELETE FROM t USING t t2, u WHERE t2.x = u.y joins a second t to u, leaving every row of the
        // target to go; only a WHERE naming the target ties it to them.
        boolean selfJoinedCopy = tokens.fromItemsAreOtherInstances() && tokens.isWord(joinsFrom, "USING");
        Set<String> others = selfJoinedCopy ? joined.qualifiersOfEachTable() : joined.qualifiersOtherThan(targets);
        boolean portion = forPortionOfPeriod(i, where < 0 ? end : where);
        WhereFact whereFact = whereClause(where, end, others, capped, targets, portion,
                TokenSoleTable.of(tokens, start, where));
        // A WHERE of literals or variables alone (1 = 1) leaves the join to choose the rows, as no WHERE does.
        List<KeyLink> keyLinks = where >= 0 && !whereFact.leavesRowsToJoin()
                ? whereJoinLinks(view, joinsFrom, where, end, !tokens.isWord(i, "FROM"))
                : joined.keyLinks(tokens.fromItemsAreOtherInstances() ? targets : joined.boundByTableName(targets));
        found.add(new DataChange("DELETE", joined.tablesOf(targets), !selfJoinedCopy && joined.restrict(targets),
                joined.reach(targets), whereFact,
                tokens.tokens().get(start), unresolvedConditions(where, end), RowSelection.STATEMENT, keyLinks,
                partitionsAt(joinsFrom)).withNaturalJoins(joined.naturalJoinsDeciding(targets)));
    }

    private void update(int start, int end) {
        int set = tokens.indexOfTopLevelWord(start, end, "SET");
        if (set < 0) {
            return; // T-SQL UPDATE STATISTICS and the like change no rows
        }
        int afterModifiers = skipConflictClause(tokens.skipWords(start + 1, "LOW_PRIORITY", "IGNORE"));
        int afterTop = tokens.skipTop(afterModifiers);
        // UPDATE TABLE t SET .., written as ALTER TABLE and TRUNCATE TABLE are: TABLE is reserved in every dialect,
        // so it never names the table, and its reader means the t after it
        int i = tokens.skipWords(tokens.nameAt(afterTop + 1) != null ? tokens.skipWords(afterTop, "TABLE") : afterTop,
                "ONLY");
        int inlineView = tokens.isSymbol(i, "(") && tokens.isWord(i + 1, "SELECT", "WITH") ? i
                : ViewTargets.viewOf(tokens, i, end);
        if (inlineView >= 0) {
            found.add(views.throughInlineView("UPDATE", start, inlineView, end));
            return;
        }
        int joinedView = ViewTargets.joinedDerivedTable(tokens, i, end);
        if (joinedView >= 0) {
            found.add(views.throughJoinedView("UPDATE", start, joinedView, end));
            return;
        }
        List<String> targets = new ArrayList<>();
        ObjectNames.NameAt name = tokens.nameAt(i);
        if (name != null) {
            targets.add(name.text());
        }
        int where = tokens.indexOfTopLevelWord(start, end, "WHERE");
        int conditionEnd = where < 0 ? end : where;
        // MySQL UPDATE t1 JOIN t2 ON .. SET, then T-SQL UPDATE a SET .. FROM t a JOIN u ON ..
        JoinedTables joined = TokenJoins.tables(tokens, i, set, true);
        int from = tokens.indexOfTopLevelWord(set, conditionEnd, "FROM");
        int setEnd = from >= 0 ? from : conditionEnd;
        JoinedTables fromList = from >= 0 ? TokenJoins.tables(tokens, from, conditionEnd, false) : new JoinedTables();
        Set<String> others;
        boolean restrictedByFrom = fromList.restrict(targets);
        if (joined.hasOneTable() && tokens.fromItemsAreOtherInstances()) {
            // PostgreSQL: UPDATE keys SET .. FROM keys k, apis a WHERE k.api = a.id joins a second keys to apis
            // and leaves every row of the target to change; only a WHERE naming the target ties it to them.
            others = fromList.qualifiersOfEachTable();
            restrictedByFrom = false;
        } else if (joined.hasOneTable()) {
            others = fromList.qualifiersOtherThan(targets);
        } else {
            // MySQL UPDATE t1, t2 SET t2.a = .. or UPDATE t1 JOIN t2 .. SET t2.a: the SET, not the first table,
            // says what changes. When every assigned column is qualified, those are the targets; an unqualified
            // one may belong to any of the tables, so then no table is certain to be another's.
            List<String> assigned = SetValues.assignedTables(tokens, set + 1, setEnd);
            if (assigned.isEmpty()) {
                others = Set.of();
            } else {
                targets = assigned;
                others = joined.qualifiersOtherThan(targets);
            }
        }
        boolean restricted = joined.restrict(targets) || restrictedByFrom;
        JoinReach crossJoin = JoinedTables.either(joined.reach(targets), fromList.reach(targets));
        List<String> tables = fromList.tablesOf(joined.tablesOf(targets));
        List<String> partitions = name == null ? List.of() : partitionsAt(name.next());
        boolean capped = afterTop != afterModifiers || limits(start, end);
        WhereFact whereFact = whereClause(where, end, others, capped, targets, forPortionOfPeriod(i, set),
                TokenSoleTable.of(tokens, start, where));
        List<KeyLink> links = where < 0 || whereFact.leavesRowsToJoin()
                ? (joined.hasOneTable() ? fromList.keyLinks(fromList.boundByTableName(targets))
                : joined.keyLinks(targets))
                : from < 0 && !joined.hasOneTable() ? tableListWhereLinks(i, set, where, end, targets)
                : whereJoinLinks(i, from, where, end, false);
        // A join to a second copy of the target on the same column limits nothing, whatever the SET reads from
        // that copy (UPDATE t a JOIN t b ON a.id = b.id SET a.x = b.y changes every row); a join to another
        // table that the SET reads from is a copy of related values, not a filter to judge by its key.
        boolean selfPaired = !links.isEmpty() && links.stream().allMatch(KeyLink::pairsEachRowWithItself);
        List<KeyLink> keyLinks = selfPaired
                || SetValues.readNothingJoined(tokens, set + 1, setEnd, targets, joined.hasOneTable())
                ? links : unqualifiedSetLinks(joined, i, set, setEnd, where, end);
        found.add(new DataChange("UPDATE", tables, restricted, crossJoin, whereFact,
                tokens.tokens().get(start), unresolvedConditions(where, end), SetValues.writeBackOwnValuesOnly(tokens, set + 1, setEnd)
                        ? RowSelection.OWN_VALUES_WRITTEN_BACK : RowSelection.STATEMENT, keyLinks, partitions,
                from < 0 && joined.hasOneTable() ? RowLookups.nullingWhereNothingIsFound(tokens, set + 1, setEnd,
                        tables.get(0), joined.qualifiersOfEachTable()) : List.of())
                .withNaturalJoins(naturalJoins(joined, fromList, targets)));
    }

    private static List<NaturalJoin> naturalJoins(JoinedTables first, JoinedTables second, List<String> targets) {
        List<NaturalJoin> joins = new ArrayList<>(first.naturalJoinsDeciding(targets));
        joins.addAll(second.naturalJoinsDeciding(targets));
        return joins;
    }

    /**
     * MySQL's multi-table UPDATE whose SET names no table ({@code UPDATE invoices, accounts SET total = 0 WHERE
     * accounts.id = invoices.account_id}) changes whichever of the tables has the assigned columns: the links of each
     * table, each standing only where the schema shows it is that one. Empty unless the SET gives only literals,
     * variables and function calls, as a SET that reads a column may read the joined row.
     */
    private List<KeyLink> unqualifiedSetLinks(JoinedTables joined, int list, int set, int setEnd, int where,
            int end) {
        List<String> assigned = joined.hasOneTable() ? List.of()
                : SetValues.unqualifiedAssigned(tokens, set + 1, setEnd);
        if (assigned.isEmpty() || !SetValues.readNoColumn(tokens, set + 1, setEnd)) {
            return List.of();
        }
        List<String> tables = joined.knownNames();
        List<KeyLink> links = where < 0 ? joined.keyLinks(tables) : tableListWhereLinks(list, set, where, end, tables);
        return links.stream().map(link -> link.ifSetAssigns(assigned)).toList();
    }

    /** Where a DELETE or UPDATE in {@code [start, end)} ends before Oracle's {@link ErrorLoggingClause}. */
    private int withoutErrorLogging(int start, int end) {
        int log = ErrorLoggingClause.start(tokens.tokens(), start + 1, end);
        return log < 0 ? end : log;
    }

    /** Where the condition of the WHERE at {@code where} ends: at ORDER BY, LIMIT, RETURNING, .. or {@code end}. */
    static int conditionEnd(StatementTokens tokens, int where, int end) {
        int conditionEnd = tokens.indexOfTopLevelWord(where + 1, end, AFTER_WHERE);
        return conditionEnd < 0 ? end : conditionEnd;
    }

    /** Skips SQLite's {@code OR IGNORE}, {@code OR REPLACE} and the other conflict clauses of an UPDATE. */
    private int skipConflictClause(int i) {
        return tokens.isWord(i, "OR") && tokens.isWord(i + 1, "ROLLBACK", "ABORT", "REPLACE", "FAIL", "IGNORE")
                ? i + 2 : i;
    }

    /**
     * PostgreSQL writes the join of {@code DELETE FROM t USING u} and {@code UPDATE t SET .. FROM u} in the WHERE:
     * the key links of a WHERE that is nothing but one equality of a column of the target (named at {@code target})
     * and one of the list's only table ({@code WHERE c.id = o.customer_id}); empty for any other WHERE or list.
     */
    private List<KeyLink> whereJoinLinks(int target, int list, int where, int end, boolean listed) {
        JoinedTables pair = list < 0 ? new JoinedTables() : TokenJoins.tables(tokens, list, where, false);
        // MySQL: DELETE c1 FROM contacts c1, contacts c2 WHERE .. names its target among the list's tables, and so
        // does DELETE FROM orders USING orders, customers WHERE .., where PostgreSQL's USING orders would be a
        // second instance of the table.
        ObjectNames.NameAt named = tokens.nameAt(target);
        boolean inList = listed || !tokens.fromItemsAreOtherInstances() && named != null && pair.denotes(named.text());
        ObjectNames.NameAt listedName = inList ? named : null;
        if (listedName == null) {
            TokenJoins.addTableAt(tokens, pair, target);
        }
        String targetName = listedName != null ? listedName.text() : pair.knownNameOfLast();
        pair.conditionAt(tokens, where + 1, conditionEnd(tokens, where, end));
        return targetName == null ? List.of() : pair.keyLinks(List.of(targetName));
    }

    /**
     * MySQL's multi-table UPDATE writes its join in the WHERE ({@code UPDATE orders o, customers c SET .. WHERE
     * c.id = o.customer_id}): the key links of the table list from {@code list} to {@code set} and a WHERE that is
     * nothing but one equality of a column of a target and one of the other table; empty for any other WHERE.
     */
    private List<KeyLink> tableListWhereLinks(int list, int set, int where, int end, List<String> targets) {
        JoinedTables tables = TokenJoins.tables(tokens, list, set, true);
        tables.conditionAt(tokens, where + 1, conditionEnd(tokens, where, end));
        return tables.keyLinks(targets);
    }

    /** The names of MySQL's {@code PARTITION (p1, p2)} at {@code at}, right after a target, as written; or empty. */
    private List<String> partitionsAt(int at) {
        if (!tokens.isWord(at, "PARTITION") || !tokens.isSymbol(at + 1, "(")) {
            return List.of();
        }
        int close = tokens.closingParen(at + 1);
        List<String> names = new ArrayList<>();
        for (int i = at + 2; close > 0 && i < close; i++) {
            if (!tokens.isSymbol(i, ",")) {
                names.add(tokens.tokens().get(i).text());
            }
        }
        return names;
    }

    List<String> unresolvedConditions(int where, int end) {
        return where < 0 ? List.of()
                : PlaceholderConditions.in(tokens, where + 1, conditionEnd(tokens, where, end));
    }

    /**
     * True when a LIMIT (MySQL, SQLite) or a FETCH FIRST | NEXT n ROWS ONLY (H2, Db2) of the statement's own level
     * caps how many rows it takes.
     */
    boolean limits(int start, int end) {
        int fetch = tokens.indexOfTopLevelWord(start, end, "FETCH");
        return tokens.indexOfTopLevelWord(start, end, "LIMIT") >= 0
                || fetch >= 0 && tokens.isWord(fetch + 1, "FIRST", "NEXT");
    }

    /**
     * True when SQL:2011's {@code FOR PORTION OF period FROM a TO b} (MariaDB's application-time periods, Db2's
     * business time) follows the target between {@code from} and {@code to}: the statement then changes only the
     * rows whose period overlaps that range, and trims those reaching past it.
     */
    private boolean forPortionOfPeriod(int from, int to) {
        int portion = tokens.indexOfTopLevelWord(from, to, "PORTION");
        return portion > from && tokens.isWord(portion - 1, "FOR") && tokens.isWord(portion + 1, "OF");
    }

    /**
     * The WHERE at {@code where} as a fact; {@code others} names the tables that are not the target, {@code capped}
     * tells that a TOP or LIMIT caps how many rows the statement takes, {@code targets} are the tables it changes.
     * A {@code FOR PORTION OF} a period ({@code portion}) limits the rows as a condition on the period's columns
     * would, whatever the WHERE says. {@code scope} is the one table the WHERE reads, when it reads one alone.
     */
    WhereFact whereClause(int where, int end, Set<String> others, boolean capped, List<String> targets,
            boolean portion, SoleTableColumns scope) {
        if (portion) {
            return WhereFact.PRESENT;
        }
        if (where < 0) {
            return capped ? WhereFact.ABSENT_BUT_CAPPED : WhereFact.ABSENT;
        }
        int conditionEnd = conditionEnd(tokens, where, end);
        if (RowCountCap.onlyCapsRows(tokens, where + 1, conditionEnd)
                || CappedSelfSubquery.onlyCapsRows(tokens, where + 1, conditionEnd, targets)) {
            return WhereFact.ROW_COUNT_ONLY;
        }
        Truth truth = TokenConditionTruth.of(tokens, where + 1, conditionEnd, scope);
        if (truth == Truth.ALWAYS_TRUE) {
            return WhereFact.ALWAYS_TRUE;
        }
        if (truth == Truth.ALWAYS_FALSE) {
            return WhereFact.PRESENT;
        }
        Set<String> qualifiers = OtherTablesCondition.qualifiersOfColumns(tokens, where + 1, conditionEnd);
        if (OtherTablesCondition.namesOnlyOtherTables(tokens, where + 1, conditionEnd, others, qualifiers)) {
            return onlyNotExists(where + 1, conditionEnd) ? WhereFact.NO_OTHER_ROW_ONLY : WhereFact.OTHER_TABLES_ONLY;
        }
        if (qualifiers != null && qualifiers.isEmpty()) { // no column at all: the same for every row
            if (OtherTablesCondition.namesVariable(tokens, where + 1, conditionEnd)) {
                return WhereFact.VARIABLES_ONLY;
            }
            if (OtherTablesCondition.switchesOnClockOrCalls(tokens, where + 1, conditionEnd)) {
                return WhereFact.NO_COLUMN;
            }
        }
        List<int[]> terms = TokenConditionTruth.orTerms(tokens, where + 1, conditionEnd);
        if (terms.size() > 1 && terms.stream()
                .anyMatch(term -> OtherTablesCondition.namesOnlyVariables(tokens, term[0], term[1]))
                || OptionalFilterConjunction.holdsWhileItsSwitchesDo(tokens, where + 1, conditionEnd)) {
            return WhereFact.VARIABLE_SWITCH;
        }
        if (terms.stream().anyMatch(term -> NullFallbackComparisons.holdWhileVariablesAreNull(tokens, term[0],
                term[1]))) {
            return WhereFact.VARIABLE_FALLBACK;
        }
        return terms.size() > 1 && !others.isEmpty() && terms.stream()
                .anyMatch(term -> OtherTablesCondition.namesOnlyOtherTables(tokens, term[0], term[1], others))
                ? WhereFact.OTHER_TABLES_SWITCH : WhereFact.PRESENT;
    }

    /** True when every top-level AND term of the condition in {@code [from, to)} is one {@code NOT EXISTS (..)}. */
    private boolean onlyNotExists(int from, int to) {
        return TokenConditionTruth.andTerms(tokens, from, to).stream().allMatch(term -> {
            int wrapped = TokenConditionTruth.wrappedDepth(tokens, term[0], term[1]);
            int start = term[0] + wrapped;
            return tokens.isWord(start, "NOT") && tokens.isWord(start + 1, "EXISTS") && tokens.isSymbol(start + 2, "(")
                    && tokens.closingParen(start + 2) == term[1] - wrapped - 1;
        });
    }
}
