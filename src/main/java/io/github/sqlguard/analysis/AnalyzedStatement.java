package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Statement;

/**
 * A statement after the parser has had its say: parsed into an AST, not parsed because it could not be,
 * or not sent to the parser because its tokens show it cannot destroy data.
 */
public sealed interface AnalyzedStatement {

    Statement statement();

    /** JSqlParser understood the statement. */
    record Parsed(Statement statement, net.sf.jsqlparser.statement.Statement ast) implements AnalyzedStatement {
    }

    /** JSqlParser failed or ran out of time; rules fall back to the tokens. */
    record Unparsed(Statement statement, String parserMessage) implements AnalyzedStatement {
    }

    /** The token pre-check found nothing that could destroy data, so the parser was not asked. */
    record NotNeeded(Statement statement) implements AnalyzedStatement {
    }
}
