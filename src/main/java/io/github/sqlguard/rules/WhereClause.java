package io.github.sqlguard.rules;

import net.sf.jsqlparser.expression.Expression;

/**
 * The condition of a WHERE clause: JSqlParser's expression when the statement was parsed, otherwise the
 * tokens between {@code WHERE} and the end of the clause.
 *
 * @param expression the parsed condition, or null when only tokens are known
 * @param tokens the statement's tokens
 * @param from index of the first token after {@code WHERE}
 * @param to index just past the condition's last token
 */
record WhereClause(Expression expression, StatementTokens tokens, int from, int to) {

    static WhereClause parsed(Expression expression) {
        return new WhereClause(expression, null, 0, 0);
    }

    static WhereClause ofTokens(StatementTokens tokens, int from, int to) {
        return new WhereClause(null, tokens, from, to);
    }
}
