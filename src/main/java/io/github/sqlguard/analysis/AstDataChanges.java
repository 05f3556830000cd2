package io.github.sqlguard.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Block;
import net.sf.jsqlparser.statement.IfElseStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Walks JSqlParser's AST for DELETE and UPDATE statements, including those inside CTEs: PostgreSQL's
 * {@code WITH x AS (DELETE FROM a RETURNING *) SELECT ..} parses as a SELECT, yet deletes.
 */
final class AstDataChanges {

    private final List<DataChange> found = new ArrayList<>();

    /** Whether a DELETE or UPDATE of a CTE's name changes the rows the CTE selects (T-SQL's updatable CTE). */
    private final boolean ctesAreUpdatable;

    /** The CTEs of the statement being walked whose body is a plain SELECT, by lower-case name. */
    private final Map<String, PlainSelect> selectCtes = new HashMap<>();

    /** Whether an UPDATE's FROM list names tables of its own, never the target (PostgreSQL, SQLite). */
    private final boolean fromItemsAreOtherInstances;

    /** How the statement's database reads a string written alone as a condition. */
    private final TextAsCondition textAsCondition;

    /** The routine variables a bare name means instead of a column ({@link StatementTokens#variablesNamingNoColumn}). */
    private final Set<String> variablesNamingNoColumn;

    private AstDataChanges(boolean ctesAreUpdatable, boolean fromItemsAreOtherInstances,
            TextAsCondition textAsCondition, Set<String> variablesNamingNoColumn) {
        this.textAsCondition = textAsCondition;
        this.variablesNamingNoColumn = variablesNamingNoColumn;
        this.ctesAreUpdatable = ctesAreUpdatable;
        this.fromItemsAreOtherInstances = fromItemsAreOtherInstances;
    }

    /** The changes in {@code ast}, a JSqlParser statement (typed loosely so callers need not load its class). */
    static List<DataChange> in(Object ast) {
        return in(ast, false, false, TextAsCondition.UNDECIDED, Set.of());
    }

    /**
     * The changes in {@code ast}; with {@code ctesAreUpdatable} (SQL Server), {@code WITH x AS (SELECT .. FROM t
     * WHERE ..) DELETE FROM x} deletes only the rows of {@code t} the CTE's WHERE selects, as a view would; with
     * {@code fromItemsAreOtherInstances} (PostgreSQL), {@code UPDATE t .. FROM t k JOIN u ON ..} joins a second
     * instance of t, which limits none of the target's rows; a bare name in {@code variablesNamingNoColumn} is a
     * variable of the statement's routine, not a column.
     */
    static List<DataChange> in(Object ast, boolean ctesAreUpdatable, boolean fromItemsAreOtherInstances,
            TextAsCondition textAsCondition, Set<String> variablesNamingNoColumn) {
        AstDataChanges walker = new AstDataChanges(ctesAreUpdatable, fromItemsAreOtherInstances, textAsCondition,
                variablesNamingNoColumn);
        walker.visit((Statement) ast);
        return walker.found;
    }

    private WhereFact whereFact(Expression where) {
        return whereFact(where, SoleTableColumns.NONE);
    }

    /** The fact of {@code where}, which reads the columns of {@code scope}'s table alone when that is known. */
    private WhereFact whereFact(Expression where, SoleTableColumns scope) {
        if (where == null) {
            return WhereFact.ABSENT;
        }
        return ExpressionTruth.of(where, textAsCondition, scope) == Truth.ALWAYS_TRUE ? WhereFact.ALWAYS_TRUE
                : WhereFact.PRESENT;
    }

    private void visit(Statement statement) {
        if (statement instanceof Delete delete) {
            visitWithItems(delete.getWithItemsList());
            found.add(throughCte(change(delete)));
        } else if (statement instanceof Update update) {
            visitWithItems(update.getWithItemsList());
            found.add(throughCte(change(update)));
        } else if (statement instanceof Select select) {
            visitWithItems(select.getWithItemsList());
        } else if (statement instanceof Insert insert) {
            visitWithItems(insert.getWithItemsList());
            if (insert.getSelect() != null) {
                visit(insert.getSelect());
            }
        } else if (statement instanceof Block block && block.getStatements() != null) {
            block.getStatements().forEach(this::visit);
        } else if (statement instanceof IfElseStatement ifElse) {
            visit(ifElse.getIfStatement());
            if (ifElse.getElseStatement() != null) {
                visit(ifElse.getElseStatement());
            }
        }
    }

    private void visitWithItems(List<WithItem<?>> withItems) {
        if (withItems == null) {
            return;
        }
        for (WithItem<?> item : withItems) {
            // WithItem.getDelete() and friends cast blindly, so ask what the CTE body is first.
            Object body = item.getParenthesedStatement();
            if (body instanceof ParenthesedSelect select && select.getSelect() instanceof PlainSelect plain
                    && item.getAlias() != null) {
                selectCtes.put(item.getAlias().getName().toLowerCase(Locale.ROOT), plain);
            }
            if (body instanceof ParenthesedDelete delete) {
                visit(delete.getDelete());
            } else if (body instanceof ParenthesedUpdate update) {
                visit(update.getUpdate());
            } else if (body instanceof ParenthesedInsert insert) {
                visit(insert.getInsert());
            } else if (body instanceof Statement statement) {
                visit(statement);
            }
        }
    }

    /**
     * A change of one CTE's name, read as a change of the table the CTE selects from, limited by the CTE's WHERE
     * when the statement has none of its own (T-SQL's dedupe {@code WITH d AS (SELECT .. FROM t WHERE ..) DELETE
     * FROM d}), and capped by its TOP or FETCH.
     */
    private DataChange throughCte(DataChange change) {
        if (!ctesAreUpdatable || change.tables().size() != 1) {
            return change;
        }
        PlainSelect cte = selectCtes.get(change.tables().get(0).toLowerCase(Locale.ROOT));
        if (cte == null) {
            return change;
        }
        List<String> tables = cte.getFromItem() instanceof Table table
                && (cte.getJoins() == null || cte.getJoins().isEmpty())
                ? List.of(table.getFullyQualifiedName()) : change.tables();
        WhereFact inner = whereFact(cte.getWhere());
        WhereFact where = change.where() == WhereFact.PRESENT || inner == WhereFact.ABSENT ? change.where() : inner;
        // WITH c AS (SELECT TOP (1000) .. ORDER BY id) DELETE FROM c: the batch delete that needs an order.
        boolean capped = cte.getTop() != null || cte.getFetch() != null || cte.getLimit() != null;
        if (where == WhereFact.ABSENT && capped) {
            where = WhereFact.ABSENT_BUT_CAPPED;
        }
        return new DataChange(change.verb(), tables, change.restrictedByJoin(), change.crossJoin(), where,
                change.at(), change.unresolvedConditions(), change.selection());
    }

    private DataChange change(Delete delete) {
        List<String> targets = new ArrayList<>();
        if (delete.getTables() != null && !delete.getTables().isEmpty()) {
            // MySQL multi-table form: DELETE t1, t2 FROM t1 JOIN t2 ON ..
            delete.getTables().forEach(table -> targets.add(table.getFullyQualifiedName()));
        } else if (delete.getTable() != null) {
            targets.add(delete.getTable().getFullyQualifiedName());
        }
        JoinedTables joined = new JoinedTables();
        if (isTargetList(delete)) {
            // MySQL DELETE FROM t1, t2 USING t1 JOIN t2 ..: the parser reads t2 as a comma join of t1, while every
            // table before USING is a target and the USING list holds the rows and the aliases.
            delete.getJoins().forEach(join -> targets.add(((Table) join.getRightItem()).getFullyQualifiedName()));
            delete.getUsingList().forEach(table -> addTable(joined, table));
        } else {
            if (delete.getTable() != null) {
                addTable(joined, delete.getTable());
            }
            addJoins(joined, delete.getJoins());
        }
        // MySQL DELETE FROM a USING t a, u: the target is named by its alias in the USING list. PostgreSQL refuses
        // a target that one of its USING tables is called, so there the name stays its own.
        JoinedTables usingAliases = new JoinedTables();
        if (delete.getUsingList() != null) {
            delete.getUsingList().forEach(table -> addTable(usingAliases, table));
        }
        WhereFact where = whereFact(delete.getWhere(), soleTable(delete));
        return new DataChange("DELETE", usingAliases.tablesOf(joined.tablesOf(targets)), joined.restrict(targets),
                joined.reach(targets), where, null).withNaturalJoins(joined.naturalJoinsDeciding(targets));
    }

    /**
     * True for MySQL's {@code DELETE FROM t1, t2 USING ..}, which the parser reads as the target t1 comma-joined to
     * t2, followed by a USING list: tables after a comma before USING, with no condition of their own.
     */
    private static boolean isTargetList(Delete delete) {
        return delete.getTable() != null && !isEmpty(delete.getUsingList()) && !isEmpty(delete.getJoins())
                && delete.getJoins().stream().allMatch(join -> join.isSimple() && join.getRightItem() instanceof Table
                        && (join.getOnExpressions() == null || join.getOnExpressions().isEmpty())
                        && isEmpty(join.getUsingColumns()));
    }

    private DataChange change(Update update) {
        List<String> targets = new ArrayList<>();
        // MySQL UPDATE t1 JOIN t2 ON .. SET: the first table of the join, unless the SET names the ones it assigns.
        JoinedTables startJoin = new JoinedTables();
        Table table = update.getTable();
        if (table != null) {
            targets.add(table.getFullyQualifiedName());
            addTable(startJoin, table);
        }
        addJoins(startJoin, update.getStartJoins());
        List<String> assigned = startJoin.hasOneTable() ? List.of() : assignedTables(update);
        if (!assigned.isEmpty()) {
            targets = assigned;
        }
        // T-SQL UPDATE a SET .. FROM orders a JOIN b ON ..: the target must be one of the joined tables.
        JoinedTables fromJoin = new JoinedTables();
        if (update.getFromItem() != null) {
            addFromItem(fromJoin, update.getFromItem());
        }
        addJoins(fromJoin, update.getJoins());
        boolean restricted = startJoin.restrict(targets)
                || !(fromItemsAreOtherInstances && startJoin.hasOneTable()) && fromJoin.restrict(targets);
        WhereFact where = whereFact(update.getWhere(), soleTable(update));
        JoinReach crossJoin = JoinedTables.either(startJoin.reach(targets), fromJoin.reach(targets));
        List<NaturalJoin> naturalJoins = new ArrayList<>(startJoin.naturalJoinsDeciding(targets));
        naturalJoins.addAll(fromJoin.naturalJoinsDeciding(targets));
        return new DataChange("UPDATE", fromJoin.tablesOf(startJoin.tablesOf(targets)), restricted, crossJoin, where,
                null).withNaturalJoins(naturalJoins);
    }

    /**
     * MySQL's {@code UPDATE t1 JOIN t2 .. SET t2.a = ..} or {@code UPDATE t1, t2 SET t2.a = ..} changes the tables
     * its SET assigns, not the first one: the tables (or aliases) the SET's columns name, each once, in order; empty
     * when a column names none, as it may then belong to any of them.
     */
    private static List<String> assignedTables(Update update) {
        List<String> tables = new ArrayList<>();
        if (isEmpty(update.getUpdateSets())) {
            return tables;
        }
        for (UpdateSet set : update.getUpdateSets()) {
            for (Column column : set.getColumns()) {
                Table table = column.getTable();
                if (table == null || table.getFullyQualifiedName() == null || table.getFullyQualifiedName().isEmpty()) {
                    return List.of();
                }
                String name = table.getFullyQualifiedName();
                if (tables.stream().noneMatch(known -> ObjectNames.normalize(known).equals(ObjectNames.normalize(name)))) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /**
     * The one table a DELETE reads in its WHERE: no USING list or join, and no list of targets but the table itself
     * (T-SQL's and MySQL's {@code DELETE a FROM t a}).
     */
    private SoleTableColumns soleTable(Delete delete) {
        Table table = delete.getTable();
        boolean alone = table != null && isEmpty(delete.getUsingList()) && isEmpty(delete.getJoins())
                && (isEmpty(delete.getTables())
                        || delete.getTables().size() == 1 && denotes(delete.getTables().get(0), table));
        return alone ? soleTable(table) : SoleTableColumns.NONE;
    }

    /**
     * The one table an UPDATE reads in its WHERE: no join and no FROM list, or (where the FROM list may name the
     * target, as in T-SQL's {@code UPDATE a SET .. FROM t a}) a FROM list of that table alone.
     */
    private SoleTableColumns soleTable(Update update) {
        Table table = update.getTable();
        if (table == null || !isEmpty(update.getStartJoins()) || !isEmpty(update.getJoins())) {
            return SoleTableColumns.NONE;
        }
        if (update.getFromItem() == null) {
            return soleTable(table);
        }
        return !fromItemsAreOtherInstances && table.getAlias() == null && update.getFromItem() instanceof Table listed
                && denotes(table, listed) ? soleTable(listed) : SoleTableColumns.NONE;
    }

    private SoleTableColumns soleTable(Table table) {
        return SoleTableColumns.of(table.getFullyQualifiedName(),
                table.getAlias() == null ? null : table.getAlias().getName(), variablesNamingNoColumn);
    }

    /** True when {@code named}, a target written without alias, names {@code table} by its alias or its name. */
    private static boolean denotes(Table named, Table table) {
        String key = ObjectNames.normalize(named.getFullyQualifiedName());
        return table.getAlias() != null ? key.equals(ObjectNames.normalize(table.getAlias().getName()))
                : key.equals(ObjectNames.normalize(table.getFullyQualifiedName()))
                        || key.equals(ObjectNames.normalize(table.getName()));
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private void addJoins(JoinedTables joined, List<Join> joins) {
        if (joins == null) {
            return;
        }
        for (Join join : joins) {
            if (join.isApply()) {
                apply(joined, join);
                continue;
            }
            if (join.isLeft() || join.isFull()) {
                joined.preserveTablesSoFar();
            }
            addFromItem(joined, join.getRightItem());
            if (join.isRight() || join.isFull()) {
                joined.preserveLastTable();
            }
            if (join.isNatural()) {
                joined.naturalJoinOfLast(join.isLeft() || join.isRight() || join.isFull());
                continue;
            }
            boolean hasOn = join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
            boolean hasUsing = join.getUsingColumns() != null && !join.getUsingColumns().isEmpty();
            if (hasOn && !hasUsing && join.getOnExpressions().stream()
                    .allMatch(on -> ExpressionTruth.of(on, textAsCondition) == Truth.ALWAYS_TRUE)) {
                joined.alwaysTrueConditionFound();
            } else if (hasOn || hasUsing) {
                // A USING list names a column of each side; a condition that never holds keeps no row at all.
                boolean namesAny = hasUsing || join.getOnExpressions().stream()
                        .anyMatch(on -> ExpressionTruth.of(on, textAsCondition) == Truth.ALWAYS_FALSE);
                joined.conditionNaming(namesAny ? null : ParsedConditionQualifiers.of(join.getOnExpressions()));
                if (!join.isLeft() && !join.isRight() && !join.isFull()) {
                    joined.limitTablesSoFar();
                }
            }
        }
    }

    /**
     * T-SQL's {@code CROSS APPLY (SELECT .. WHERE l.order_id = o.id) a}: an inner join on the applied query's own
     * condition, limiting the tables before it that the query names; {@code OUTER APPLY} keeps their every row.
     */
    private void apply(JoinedTables joined, Join join) {
        Set<String> correlated = join.isOuter() ? Set.of() : joined.qualifiersIn(join.getRightItem().toString());
        if (join.isOuter()) {
            joined.preserveTablesSoFar();
        }
        addFromItem(joined, join.getRightItem());
        if (!correlated.isEmpty()) {
            joined.conditionNaming(correlated);
            joined.filteringConditionFound();
            joined.limitTablesSoFar();
        }
    }

    private void addFromItem(JoinedTables joined, FromItem item) {
        if (item instanceof Table table) {
            addTable(joined, table);
        } else if (item instanceof ParenthesedFromItem group) {
            // (t JOIN u ON u.t_id = t.id): its joins limit its tables as they would without the parentheses
            JoinedTables inner = new JoinedTables();
            addFromItem(inner, group.getFromItem());
            addJoins(inner, group.getJoins());
            joined.addGroup(inner);
        }
    }

    private static void addTable(JoinedTables joined, Table table) {
        joined.add(table.getFullyQualifiedName(), table.getAlias() == null ? null : table.getAlias().getName());
    }
}
