package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Statement;
import java.util.Optional;

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
 */
public record RowFilter(String verb, String table, Optional<String> alwaysTrue, Optional<String> onlyRelatedRow,
        boolean uncorrelated) {

    /** The filter of {@code statement} judged against {@code facts}, or empty for any other shape. */
    static Optional<RowFilter> of(Statement statement, SchemaFacts facts) {
        if (statement.container()) {
            return Optional.empty();
        }
        return WhereTokens.of(statement.tokens()).map(where -> {
            Optional<WhereJudgement.RelatedRow> related = WhereJudgement.onlyRequiresRelatedRow(where);
            return new RowFilter(where.verb(), where.table(), WhereJudgement.alwaysTrue(where, facts),
                    related.map(WhereJudgement.RelatedRow::table),
                    related.map(WhereJudgement.RelatedRow::uncorrelated).orElse(false));
        });
    }
}
