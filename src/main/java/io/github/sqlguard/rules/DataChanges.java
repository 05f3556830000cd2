package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.AnalyzedStatement;
import java.util.List;

/** Finds the DELETE and UPDATE statements in an analysed statement, from its AST or else from its tokens. */
final class DataChanges {

    private DataChanges() {
    }

    /** Every DELETE and UPDATE in {@code analyzed}, the main statement last; empty for containers. */
    static List<DataChange> in(AnalyzedStatement analyzed) {
        if (analyzed.statement().container()) {
            return List.of();
        }
        if (analyzed instanceof AnalyzedStatement.Parsed parsed) {
            return AstDataChanges.in(parsed.ast());
        }
        return TokenDataChanges.in(StatementTokens.of(analyzed.statement()));
    }
}
