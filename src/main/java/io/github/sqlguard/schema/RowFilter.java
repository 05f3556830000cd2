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
 */
public record RowFilter(String verb, String table, Optional<String> alwaysTrue, Optional<String> onlyRelatedRow) {

    /** The filter of {@code statement} judged against {@code facts}, or empty for any other shape. */
    static Optional<RowFilter> of(Statement statement, SchemaFacts facts) {
        if (statement.container()) {
            return Optional.empty();
        }
        return WhereTokens.of(statement.tokens()).map(where -> new RowFilter(where.verb(), where.table(),
                WhereJudgement.alwaysTrue(where, facts), WhereJudgement.onlyRequiresRelatedRow(where)));
    }
}
