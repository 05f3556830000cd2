package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.Token;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * Hands a statement to JSqlParser only when its tokens show it could destroy data; a statement the parser
 * rejects comes back as {@link AnalyzedStatement.Unparsed} with the parser's message.
 */
public final class StatementAnalyzer {

    public AnalyzedStatement analyze(Statement statement) {
        if (statement.container() || !mayDestroyData(statement)) {
            return new AnalyzedStatement.NotNeeded(statement);
        }
        try {
            return new AnalyzedStatement.Parsed(statement, CCJSqlParserUtil.parse(statement.sql()));
        } catch (JSQLParserException | RuntimeException e) {
            return new AnalyzedStatement.Unparsed(statement, String.valueOf(e.getMessage()));
        }
    }

    /** The cheap pre-check: no destructive keyword anywhere, no need to parse. */
    static boolean mayDestroyData(Statement statement) {
        for (Token token : statement.tokens()) {
            if (token.isAnyWord("DELETE", "UPDATE", "TRUNCATE", "DROP", "RENAME", "ALTER", "MODIFY", "CHANGE")) {
                return true;
            }
        }
        return false;
    }
}
