package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the {@link StatementModel} of one statement: its kind from the leading words, its destructive clauses
 * and row changes from its tokens, and, only where tokens cannot settle what a DELETE or UPDATE touches, the
 * AST from JSqlParser. Thread-safe.
 */
public final class StatementReader {

    private final StatementAnalyzer analyzer;

    /** A reader that asks {@code analyzer} (JSqlParser, time-boxed) where tokens cannot decide; null never asks. */
    public StatementReader(StatementAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A reader that never asks the parser: every fact comes from the tokens (tests compare both ways). */
    public static StatementReader tokensOnly() {
        return new StatementReader(null);
    }

    /** The facts of {@code statement}; never throws for bad SQL. */
    public StatementModel read(Statement statement) {
        StatementKind kind = StatementKinds.of(statement);
        Placement placement = Placement.of(statement.context());
        if (statement.container()) {
            return new StatementModel(statement, kind, placement, List.of(), List.of(), List.of(), 0, false,
                    StatementModel.ParseOutcome.NOT_NEEDED);
        }
        DestructiveClauses destructive = DestructiveClauses.of(statement);
        List<RowChange> rowChanges = List.of();
        StatementModel.ParseOutcome parse = StatementModel.ParseOutcome.NOT_NEEDED;
        StatementTokens structure = StatementTokens.of(statement);
        // MariaDB's DELETE HISTORY touches no current row: what it removes is a destructive clause.
        boolean historyOnly = HistoryDeletion.of(statement.tokens(), statement.dialect()).isPresent();
        // ClickHouse's ALTER TABLE t DELETE WHERE .. is a DELETE; the parser knows no such ALTER.
        List<DataChange> mutations = kind == StatementKind.DDL ? ClickHouseMutations.in(structure) : List.of();
        if (!mutations.isEmpty()) {
            rowChanges = DataChanges.in(statement, structure, mutations, null);
        } else if (StatementKinds.mayChangeRows(kind, statement) && !historyOnly) {
            List<DataChange> fromTokens = DataChanges.fromTokens(structure);
            Object ast = null;
            if (analyzer != null && !isMerge(structure) && !SettledByTokens.settles(statement, structure, fromTokens)) {
                AnalyzedStatement analyzed = analyzer.analyze(statement);
                if (analyzed instanceof AnalyzedStatement.Parsed parsed) {
                    ast = parsed.ast();
                    parse = StatementModel.ParseOutcome.PARSED;
                } else if (analyzed instanceof AnalyzedStatement.Unparsed unparsed) {
                    parse = StatementModel.ParseOutcome.unparsed(unparsed.parserMessage());
                }
            }
            rowChanges = DataChanges.in(statement, structure, fromTokens, ast);
            List<RowChange> upserts = UpsertChanges.in(statement, structure);
            if (!upserts.isEmpty()) {
                rowChanges = Stream.concat(rowChanges.stream(), upserts.stream()).toList();
            }
        }
        boolean joins = !rowChanges.isEmpty()
                && structure.indexOfTopLevelWord(0, structure.size(), "JOIN", "USING", "FROM") >= 0;
        return new StatementModel(statement, kind, placement, withoutReplaceOfEveryRow(destructive.clauses(),
                rowChanges), rowChanges,
                destructive.createdTables(), structure.cteBodies().size(), joins, parse);
    }

    /**
     * A REPLACE that rewrites every row of its own table is that row change, reported as such: the warning that
     * a REPLACE deletes the rows it collides with would only say the same of the same rows.
     */
    private static List<DestructiveClause> withoutReplaceOfEveryRow(List<DestructiveClause> clauses,
            List<RowChange> rowChanges) {
        boolean everyRow = rowChanges.stream()
                .anyMatch(change -> change.selection() == RowSelection.UPSERT_REPLACING_ITSELF);
        return everyRow ? clauses.stream().filter(clause -> clause.kind() != ClauseKind.REPLACED_ROWS).toList()
                : clauses;
    }

    /**
     * A MERGE is read from its tokens alone: JSqlParser's tree of it holds no DELETE or UPDATE the row rules
     * could judge, and it rejects T-SQL's {@code WHEN NOT MATCHED BY SOURCE}.
     */
    private static boolean isMerge(StatementTokens structure) {
        return structure.isWord(structure.bodyStart(), "MERGE");
    }
}
