package io.github.sqlguard.schema;

import io.github.sqlguard.analysis.ObjectNames;
import io.github.sqlguard.analysis.ScratchRows;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementContext;
import io.github.sqlguard.sql.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the WHERE of a plain {@code DELETE} or {@code UPDATE} restricts, judged once before the rules run so
 * that they judge facts, not tokens.
 *
 * @param verb DELETE or UPDATE
 * @param table the target table as written
 * @param alwaysTrue why the condition holds for every row, or empty when it may not
 * @param onlyRelatedRow the table read without a filter that the condition only requires a related row in,
 *     or empty
 * @param uncorrelated true when that subquery names no column of the target ({@code EXISTS (SELECT 1 FROM t)}):
 *     any row of its table then lets the condition hold for every row
 * @param merge true when the filter is the ON and USING source of a MERGE's {@code WHEN MATCHED THEN DELETE} (or
 *     UPDATE, as {@code verb} says) rather than a WHERE: it is about that clause only
 * @param joined true when the filter is a join to a query of the WITH list or a derived table, with the WHERE that
 *     ties it: what it says covers that join
 * @param outerColumn the subquery's column that is the changed row's own, when {@code onlyRelatedRow}'s subquery
 *     selects one ({@code ref NOT IN (SELECT ref FROM parents)}, parents lacking ref)
 * @param whileEmpty true when the condition requires that {@code onlyRelatedRow} has no row at all ({@code NOT
 *     EXISTS (SELECT 1 FROM t)}): it holds for every row while that table is empty, and for none otherwise
 */
public record RowFilter(String verb, String table, Optional<String> alwaysTrue, Optional<String> onlyRelatedRow,
        boolean uncorrelated, boolean merge, boolean joined, Optional<OuterRowColumn> outerColumn,
        boolean whileEmpty) {

    /** A filter whose subquery, if any, reads its own table's columns. */
    public RowFilter(String verb, String table, Optional<String> alwaysTrue, Optional<String> onlyRelatedRow,
            boolean uncorrelated, boolean merge, boolean joined) {
        this(verb, table, alwaysTrue, onlyRelatedRow, uncorrelated, merge, joined, Optional.empty());
    }

    /** A filter that does not require its subquery's table to be empty. */
    public RowFilter(String verb, String table, Optional<String> alwaysTrue, Optional<String> onlyRelatedRow,
            boolean uncorrelated, boolean merge, boolean joined, Optional<OuterRowColumn> outerColumn) {
        this(verb, table, alwaysTrue, onlyRelatedRow, uncorrelated, merge, joined, outerColumn, false);
    }

    private static final int MAX_VIEW_DEPTH = 8;

    /**
     * True for a table whose rows the script or the trigger chose, so that requiring a related row in it restricts:
     * T-SQL's {@code @ids} table variable and {@code #purge} temporary table, filled by the script, and a trigger's
     * {@code inserted} and {@code deleted}, which hold only the rows its statement changed. Read in auto dialect,
     * a trigger's {@code deleted} that no migration created can only be that T-SQL table: no other database has one.
     */
    private static boolean holdsChosenRows(String table, Statement statement, SchemaView before) {
        String name = SchemaNames.key(table);
        if (ObjectNames.isVariable(name) || ObjectNames.isHashTemporary(name)) {
            return true;
        }
        // A changeset only SQL Server runs is T-SQL whatever dialect the other files are read in.
        Set<String> databases = statement.context().databases().included();
        boolean tsql = statement.dialect() == Dialect.SQLSERVER
                || !databases.isEmpty() && databases.stream().allMatch(db -> db.equals("mssql") || db.equals("sybase"))
                || statement.dialect() == Dialect.AUTO && statement.context().firesWhenTriggered()
                        && before.table(name).isEmpty();
        return tsql && statement.context().kind() == StatementContext.Kind.ROUTINE_BODY
                && (name.equals("inserted") || name.equals("deleted"));
    }

    /**
     * The related row as the table behind the views the replay knows it to be read through ({@code SELECT id FROM
     * v}, v a view of {@code SELECT id FROM accounts}); empty when a view's query filters, as the rows it gives are
     * then chosen.
     */
    private static Optional<WhereJudgement.RelatedRow> behindViews(WhereJudgement.RelatedRow row, SchemaView schema) {
        Optional<WhereJudgement.RelatedRow> read = Optional.of(row);
        // A view may read another view; the bound keeps a view that reads itself from looping.
        for (int depth = 0; depth < MAX_VIEW_DEPTH && read.isPresent(); depth++) {
            Optional<WithQueries.Named> view = schema.view(read.get().table());
            if (view.isEmpty()) {
                return read;
            }
            read = WhereJudgement.throughView(read.get(), view.get());
        }
        return read;
    }

    /**
     * The filter of {@code statement} judged against {@code facts}, what the script run knows of columns holding
     * only NULL and what the tables it created hold, or empty for any other shape.
     */
    static Optional<RowFilter> of(Statement statement, SchemaFacts facts, NullOnlyColumns onlyNull,
            ScratchRows scratch) {
        if (statement.container()) {
            return Optional.empty();
        }
        Optional<MergeMatchedSource> merge = MergeMatchedSource.of(statement.tokens());
        if (merge.isPresent()) {
            return merge.map(found -> ofMerge(found, statement, facts, scratch));
        }
        // A join to a scratch table filled with every row of a query is judged as a join to that query, when which
        // of its columns the join ties is known.
        Optional<JoinedQuerySource> joined = JoinedQuerySource.of(statement.tokens(),
                table -> fillAsQuery(table, scratch, facts.before()));
        if (joined.filter(found -> found.source().relatedColumns().contains(null)).isPresent()) {
            joined = JoinedQuerySource.of(statement.tokens());
        }
        // A SET that reads the joined query copies its values: a backfill, unless each row meets only itself.
        Optional<RowFilter> joinedFilter = joined.flatMap(found -> Optional.of(ofJoinedQuery(found, statement, facts,
                scratch)).filter(filter -> !found.setReadsQuery() || filter.alwaysTrue().isPresent()));
        if (joinedFilter.isPresent()) {
            return joinedFilter;
        }
        // A change a query loop runs for each of its rows, limited to the loop's row, is judged as the IN it equals.
        Optional<List<Token>> loopSubquery = RowLoopCondition.asSubquery(statement);
        String subquery = loopSubquery.isPresent() ? RowLoopCondition.loopReading(statement) : "its subquery";
        return WhereTokens.of(loopSubquery.orElse(statement.tokens())).map(where -> {
            Optional<OuterRowColumn> outer = loopSubquery.isPresent() ? Optional.empty()
                    : OuterRowColumn.of(where, facts.before());
            if (outer.isPresent()) {
                return new RowFilter(where.verb(), where.table(), Optional.empty(), Optional.of(outer.get().table()),
                        true, false, false, outer);
            }
            // NOT EXISTS (SELECT 1 FROM t), which names no column of the row, is a switch on t being empty.
            Optional<WhereJudgement.RelatedRow> absent = loopSubquery.isPresent() ? Optional.empty()
                    : WhereJudgement.onlyRequiresNoRow(where).filter(row -> !row.sameTable(where.table()))
                            .flatMap(row -> restrictingNothingAsRead(row, where.table(), statement, facts));
            if (absent.isPresent()) {
                return new RowFilter(where.verb(), where.table(), Optional.empty(), Optional.of(absent.get().table()),
                        true, false, false, Optional.empty(), true);
            }
            Optional<WhereJudgement.RelatedRow> required = WhereJudgement.onlyRequiresRelatedRow(where)
                    .or(() -> WhereJudgement.onlyRequiresRelatedRowThroughKeys(where, facts.before()));
            Optional<WhereJudgement.RelatedRow> filled = required
                    .flatMap(row -> throughFill(row, scratch, facts.before()));
            Optional<WhereJudgement.RelatedRow> unfiltered = required.flatMap(row ->
                    restrictingNothingAsRead(filled.orElse(row), where.table(), statement, facts));
            String reader = filled.flatMap(row -> scratch.everyRowFill(required.get().table())).map(fill -> subquery
                    + ", through " + required.get().table() + " (filled at line " + fill.line()
                    + " with every row of a query),").orElse(subquery);
            // A related row required in the target itself, on the same columns or on none, is every row, whatever
            // the SET reads.
            Optional<String> cursor = loopSubquery.isPresent() ? RowLoopCondition.currentRowCursor(statement)
                    : Optional.empty();
            Optional<String> itself = unfiltered.flatMap(row -> itselfEveryRow(row, where.table(), reader))
                    .map(reason -> cursor.map(c -> subquery + ", where CURRENT OF " + c + " names that row, and " + c
                            + " reads every row of " + where.table()).orElse(reason));
            if (itself.isPresent()) {
                return new RowFilter(where.verb(), where.table(), itself, Optional.empty(), false, false, false);
            }
            // An UPDATE that copies the related row's values is a backfill: each row gets its own.
            Optional<WhereJudgement.RelatedRow> related = unfiltered.filter(row -> !where.assignmentsRead(row.table()));
            Optional<String> alwaysTrue = NullTestTruth.alwaysTrue(where, facts, onlyNull, statement.dialect())
                    .or(() -> ColumnCoverage.reason(where, facts, statement.dialect()))
                    .or(() -> UnchangedRowsLeftOut.reason(where))
                    .or(() -> NullKeepingRewrite.reason(where))
                    .or(() -> OneRowKept.reason(where));
            return new RowFilter(where.verb(), where.table(), alwaysTrue,
                    related.map(WhereJudgement.RelatedRow::table),
                    related.map(WhereJudgement.RelatedRow::uncorrelated).orElse(false), false, false);
        });
    }

    /**
     * Why requiring {@code row} selects every row of {@code target}, when the subquery ({@code reader}) reads the
     * target itself without a filter: on the same columns each row is its own related row, and on none the condition
     * holds as soon as the table has a row, which it has whenever there is one to change.
     */
    private static Optional<String> itselfEveryRow(WhereJudgement.RelatedRow row, String target, String reader) {
        if (row.uncorrelated() && row.sameTable(target)) {
            return Optional.of(reader + " reads " + target + " without a filter and names no column of the row,"
                    + " so it holds whenever " + target + " has a row");
        }
        if (row.pairsEveryRowWithItself(target)) {
            return Optional.of(reader + " reads every row of " + target + " and pairs each row with itself on "
                    + String.join(", ", row.columns().stream().map(SchemaNames::lastPart).toList())
                    + ", so it holds for every row where " + (row.columns().size() == 1 ? "that is" : "those are")
                    + " not NULL");
        }
        return Optional.empty();
    }

    /**
     * A DELETE or UPDATE joined to a query of its WITH list or a derived table, judged as the {@code WHERE id IN
     * (SELECT id FROM ..)} it equals: every row with a related row in the table the query reads without a filter,
     * the target's own table included (each row then meets itself).
     */
    private static RowFilter ofJoinedQuery(JoinedQuerySource joined, Statement statement, SchemaFacts facts,
            ScratchRows scratch) {
        Optional<WhereJudgement.RelatedRow> related = restrictingNothing(joined.source(), joined.target(), statement,
                facts, scratch);
        Optional<String> itself = related.flatMap(row -> itselfEveryRow(row, joined.target(), "the query it joins"));
        return new RowFilter(joined.verb(), joined.target(), itself,
                itself.isPresent() ? Optional.empty() : related.map(WhereJudgement.RelatedRow::table), false, false,
                true);
    }

    /**
     * A MERGE's matched DELETE or UPDATE judged as the statement it equals, {@code DELETE FROM t WHERE id IN (SELECT
     * id FROM s)}: every row when its source is the target itself paired on the same columns, whatever an UPDATE
     * sets, else every row with a related row in a source table that restricts nothing, unless an UPDATE's SET
     * reads the source's row (a backfill).
     */
    private static RowFilter ofMerge(MergeMatchedSource merge, Statement statement, SchemaFacts facts,
            ScratchRows scratch) {
        if (merge.source().pairsEveryRowWithItself(merge.target())) {
            return new RowFilter(merge.verb(), merge.target(), Optional.of("its source reads every row of "
                    + merge.target() + " and its ON pairs each row with itself on " + String.join(", ",
                            merge.source().columns())), Optional.empty(), false, true, false);
        }
        Optional<String> related = merge.setReadsSource() ? Optional.empty()
                : restrictingNothing(merge.source(), merge.target(), statement, facts, scratch)
                        .map(WhereJudgement.RelatedRow::table);
        return new RowFilter(merge.verb(), merge.target(), Optional.empty(), related, false, true, false);
    }

    /**
     * The related row {@code row} requires of {@code target}'s rows, read through a scratch table filled with every
     * row of a query and through views, when the table it is in restricts nothing: not a table of chosen rows, and
     * not one whose key points back at the target.
     */
    private static Optional<WhereJudgement.RelatedRow> restrictingNothing(WhereJudgement.RelatedRow row,
            String target, Statement statement, SchemaFacts facts, ScratchRows scratch) {
        return restrictingNothingAsRead(throughFill(row, scratch, facts.before()).orElse(row), target, statement,
                facts);
    }

    /** As {@link #restrictingNothing}, for a row already read through its scratch table's fill, if any. */
    private static Optional<WhereJudgement.RelatedRow> restrictingNothingAsRead(WhereJudgement.RelatedRow row,
            String target, Statement statement, SchemaFacts facts) {
        return behindViews(row, facts.before())
                .filter(read -> !holdsChosenRows(read.table(), statement, facts.before()))
                .filter(read -> !read.pointsAtTarget(target, facts.before()));
    }

    /**
     * {@code row} read through the scratch table it is in, when the script filled that table with every row of a
     * query ({@code INSERT INTO @ids SELECT id FROM customers}) and changed none of them since: the table that query
     * reads, as a view's query is read; empty when there is no such fill, its query is not that simple, or which of
     * its outputs the row's columns are is not known.
     */
    private static Optional<WhereJudgement.RelatedRow> throughFill(WhereJudgement.RelatedRow row,
            ScratchRows scratch, SchemaView before) {
        return fillAsQuery(row.table(), scratch, before).flatMap(fill -> WhereJudgement.throughView(row, fill))
                .filter(read -> !read.relatedColumns().contains(null));
    }

    /**
     * The query that filled the scratch table {@code table} with every row it reads, named as the table is and with
     * the names its outputs went to; empty when there is no such fill.
     */
    private static Optional<WithQueries.Named> fillAsQuery(String table, ScratchRows scratch, SchemaView before) {
        return scratch.everyRowFill(table).map(fill -> {
            List<String> outputs = !fill.columns().isEmpty() || !fill.intoTableColumns() ? fill.columns()
                    : before.table(table).filter(Table::complete)
                            .map(known -> known.columns().values().stream().map(Column::name).toList())
                            .orElse(List.of());
            return new WithQueries.Named(SchemaNames.key(ObjectNames.lastPart(table)),
                    outputs.stream().map(SchemaNames::key).toList(), fill.query());
        });
    }
}
