package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Location;
import io.github.sqlguard.sql.PlsqlUnitTail;
import io.github.sqlguard.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the rules know about one statement, computed once: what kind of statement it is, where it runs,
 * what it destroys (each clause at its own position), which rows its DELETEs and UPDATEs touch, and whether
 * the parser had to be asked. Rules judge these facts; none of them reads tokens or an AST.
 *
 * @param statement the statement as split, with its text, position and context
 * @param kind what the database sees
 * @param placement where it runs
 * @param clauses what it destroys or breaks, in written order
 * @param rowChanges its DELETEs and UPDATEs, CTEs first
 * @param createdTables the tables it creates (as written), for the scratch-table step
 * @param ctes how many CTEs a leading WITH clause defines
 * @param joins true when a DELETE or UPDATE joins other tables (FROM, USING, JOIN)
 * @param parse whether JSqlParser was asked and what it said
 * @param calledAt for a statement in the body of a routine that the same script calls, where it is called
 *     ({@code line 12}); empty otherwise
 * @param scratchTable whether a table holds only rows the script put there when the statement runs, for clauses
 *     that reach tables only through the replayed schema (the columns a {@code DROP TYPE .. CASCADE} takes);
 *     answers no until the scratch-table step has seen the statement
 * @param onlyCopies the tables of its clauses and row changes (as written) that the script created and that hold
 *     the only copy of data it destroyed elsewhere, with that data ({@code column note of orders, which line 4
 *     drops}): such a table is no scratch table any more, and a finding about it says why
 * @param scratchRows what the tables the script created hold when a DELETE or UPDATE runs: a subquery that requires
 *     a related row in one filled only with rows the script chose restricts, one filled with every row of another
 *     table stands for that table
 */
public record StatementModel(Statement statement, StatementKind kind, Placement placement,
        List<DestructiveClause> clauses, List<RowChange> rowChanges, List<String> createdTables, int ctes, boolean joins, ParseOutcome parse,
        String calledAt, Predicate<String> scratchTable, Map<String, String> onlyCopies,
        ScratchRows scratchRows) {

    private static final Predicate<String> NO_SCRATCH_TABLE = table -> false;

    public StatementModel {
        clauses = List.copyOf(clauses);
        rowChanges = List.copyOf(rowChanges);
        createdTables = List.copyOf(createdTables);
        calledAt = calledAt == null ? "" : calledAt;
        scratchTable = scratchTable == null ? NO_SCRATCH_TABLE : scratchTable;
        onlyCopies = onlyCopies == null ? Map.of() : Map.copyOf(onlyCopies);
        scratchRows = scratchRows == null ? ScratchRows.NONE : scratchRows;
    }

    /** The facts of a statement as read, before the scratch-table step. */
    StatementModel(Statement statement, StatementKind kind, Placement placement, List<DestructiveClause> clauses,
            List<RowChange> rowChanges, List<String> createdTables, int ctes, boolean joins, ParseOutcome parse) {
        this(statement, kind, placement, clauses, rowChanges, createdTables, ctes, joins, parse, "", NO_SCRATCH_TABLE,
                Map.of(), ScratchRows.NONE);
    }

    /**
     * False for a statement that runs no routine of the migrations ({@link StatementKind#mayCallRoutines}), but for
     * a CREATE that runs a query as it creates ({@link QueryRunningCreate}): {@code CREATE TABLE t AS SELECT
     * purge_old()} calls what its query calls.
     */
    public boolean mayCallRoutines() {
        return kind.mayCallRoutines()
                || kind == StatementKind.DDL && QueryRunningCreate.queryStart(statement.tokens()) >= 0;
    }

    /** Where the statement's first token stands. */
    public Location start() {
        return statement.start();
    }

    /**
     * True when the statement runs SQL whose text is built at run time ({@code EXECUTE IMMEDIATE v_sql},
     * {@code EXEC (@sql)}, {@code PREPARE st FROM @s}, psql {@code \gexec}), so nothing checked what it runs.
     */
    public boolean runsSqlBuiltAtRunTime() {
        return statement.runtimeSql();
    }

    /**
     * For an Oracle PL/SQL block or unit, where a statement written after its closing END starts although no
     * {@code /} line ended the block before it: Oracle receives that statement as part of the block.
     */
    public Optional<Location> statementAfterBlockEnd() {
        return PlsqlUnitTail.statementAfterEnd(statement)
                .map(token -> new Location(statement.start().path(), token.line(), token.column()));
    }

    /**
     * The kind of Oracle stored unit the statement creates ({@code TRIGGER}, {@code PACKAGE BODY}), which Oracle
     * keeps even when its source does not compile; empty for an anonymous block or another statement.
     */
    public Optional<String> storedPlsqlUnit() {
        return PlsqlUnitTail.storedUnit(statement);
    }

    /**
     * Where a destructive statement starts a later line of a statement sqlguard does not know (or a client
     * command), so that it may run as a statement of its own without being checked.
     */
    public Optional<Location> destructiveLineInUnknownStatement() {
        return GluedStatements.destructiveLine(statement, kind)
                .map(token -> new Location(statement.start().path(), token.line(), token.column()));
    }

    /**
     * True when the statement runs with the migration (not in a routine body) as part of the script run
     * {@code runScope} names ({@link io.github.sqlguard.sql.StatementContext#runScope}): the statements a run-scoped
     * guard weighs against each other.
     */
    public boolean runsWithMigrationIn(String runScope) {
        return placement.runsWithMigration() && statement.context().runScope().equals(runScope);
    }

    /** The same facts with other clauses and row changes, and what is scratch (the scratch-table step marks them). */
    public StatementModel with(List<DestructiveClause> newClauses, List<RowChange> newRowChanges,
            Predicate<String> newScratchTable) {
        return with(newClauses, newRowChanges, newScratchTable, onlyCopies);
    }

    /** The same, also with the tables that hold the only copy of destroyed data. */
    StatementModel with(List<DestructiveClause> newClauses, List<RowChange> newRowChanges,
            Predicate<String> newScratchTable, Map<String, String> newOnlyCopies) {
        return new StatementModel(statement, kind, placement, newClauses, newRowChanges, createdTables, ctes,
                joins, parse, calledAt, newScratchTable, newOnlyCopies, scratchRows);
    }

    /**
     * The same with what the tables the script created hold: rows it chose (a query that filters, VALUES), so that
     * requiring a related row in one restricts, or every row of another table.
     */
    StatementModel withScratchRows(ScratchRows newScratchRows) {
        return new StatementModel(statement, kind, placement, clauses, rowChanges, createdTables, ctes, joins,
                parse, calledAt, scratchTable, onlyCopies, newScratchRows);
    }

    /** Ends {@link #calledAt()} for a body that only rollback code calls ("line 14 on rollback"). */
    public static final String ON_ROLLBACK = " on rollback";

    /** True for a routine body statement that only the rollback code of the script calls. */
    public boolean calledOnlyOnRollback() {
        return calledAt.endsWith(ON_ROLLBACK);
    }

    /** The same facts for a routine body statement that the script calls at {@code where}. */
    public StatementModel calledAt(String where) {
        return new StatementModel(statement, kind, placement, clauses, rowChanges, createdTables, ctes, joins,
                parse, where, scratchTable, onlyCopies, scratchRows);
    }

    /**
     * Whether the parser was asked about a statement and what came of it.
     *
     * @param state not needed, parsed, or rejected
     * @param message the parser's one-line reason for an unparsed statement, else empty
     */
    public record ParseOutcome(State state, String message) {

        /** The three outcomes. */
        public enum State { NOT_NEEDED, PARSED, UNPARSED }

        public static final ParseOutcome NOT_NEEDED = new ParseOutcome(State.NOT_NEEDED, "");
        public static final ParseOutcome PARSED = new ParseOutcome(State.PARSED, "");

        public static ParseOutcome unparsed(String message) {
            return new ParseOutcome(State.UNPARSED, message);
        }
    }
}
