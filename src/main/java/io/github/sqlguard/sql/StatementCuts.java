package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A script's code cut into its statements where each ends ({@link StatementEnd}), before any is emitted: a
 * statement's dynamic SQL is read knowing the routines the script defines after it.
 *
 * @param dialect the dialect that decides each statement's shape and that the statements are judged in: under
 *     auto, SQL Server's for a script that separates batches with GO
 * @param cuts the statements in script order, each with the shape that decided its end
 * @param routines where the routines the script defines stand in it
 */
record StatementCuts(Dialect dialect, List<Cut> cuts, DefinedRoutineSpans routines) {

    /** One statement's tokens, up to and with its separator, and its shape. */
    record Cut(List<Token> tokens, StatementShape shape) {
    }

    /** Cuts {@code code} (comments removed) read in {@code configured}. */
    static StatementCuts of(List<Token> code, Dialect configured, StatementEnd statementEnd) {
        // Only T-SQL scripts separate batches with GO: read blocks and routines the T-SQL way, where a procedure or
        // trigger body runs to the end of its batch, and judge every statement by what SQL Server makes of it
        // (DROP SCHEMA s drops an empty schema there, not MySQL's database with all its tables).
        Dialect dialect = configured == Dialect.AUTO && GoBatches.separate(code) ? Dialect.SQLSERVER : configured;
        DefinedRoutineSpans routines = DefinedRoutineSpans.collecting();
        List<Cut> cuts = new ArrayList<>();
        int size = code.size();
        int start = 0;
        while (start < size) {
            if (StatementEnd.isSeparator(code.get(start))) {
                start++;
                continue;
            }
            StatementShape shape = StatementShape.of(code, start, size, dialect);
            int end = statementEnd.endOf(code, start, size, shape);
            cuts.add(new Cut(code.subList(start, end), shape));
            if (shape.kind() == StatementShape.Kind.ROUTINE) {
                routines.add(code.subList(start, end));
            }
            start = end;
        }
        return new StatementCuts(dialect, cuts, routines);
    }
}
