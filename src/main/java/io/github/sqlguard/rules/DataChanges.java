package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/** Finds the DELETE and UPDATE statements in an analysed statement, from its AST or else from its tokens. */
final class DataChanges {

    private DataChanges() {
    }

    /** Every DELETE and UPDATE in {@code analyzed}, CTEs first, the main statement last; empty for containers. */
    static List<DataChange> in(AnalyzedStatement analyzed) {
        Statement statement = analyzed.statement();
        if (statement.container()) {
            return List.of();
        }
        if (analyzed instanceof AnalyzedStatement.Parsed parsed) {
            List<DataChange> changes = AstDataChanges.in(parsed.ast());
            return hasPlaceholder(statement) ? withWrittenNames(changes, statement) : changes;
        }
        return TokenDataChanges.in(StatementTokens.of(statement));
    }

    /**
     * The parser saw {@code ph_schema.t} where the user wrote {@code ${schema}.t}: messages should name the
     * table as written, which the token reading of the same statement has.
     */
    private static List<DataChange> withWrittenNames(List<DataChange> parsed, Statement statement) {
        List<DataChange> written = TokenDataChanges.in(StatementTokens.of(statement));
        if (written.size() != parsed.size()) {
            return parsed;
        }
        List<DataChange> renamed = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            DataChange change = parsed.get(i);
            DataChange asWritten = written.get(i);
            boolean same = asWritten.verb().equals(change.verb())
                    && asWritten.tables().size() == change.tables().size();
            renamed.add(same ? new DataChange(change.verb(), asWritten.tables(), change.restrictedByJoin(),
                    change.where()) : change);
        }
        return renamed;
    }

    private static boolean hasPlaceholder(Statement statement) {
        for (Token token : statement.tokens()) {
            if (token.type() == TokenType.PLACEHOLDER) {
                return true;
            }
        }
        return false;
    }
}
