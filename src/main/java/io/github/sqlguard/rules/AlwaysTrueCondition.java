package io.github.sqlguard.rules;

/** Decides whether a WHERE clause holds for every row, from its expression tree or else from its tokens. */
final class AlwaysTrueCondition {

    private AlwaysTrueCondition() {
    }

    static boolean holds(WhereClause where) {
        Truth truth = where.expression() != null
                ? ExpressionTruth.of(where.expression())
                : TokenConditionTruth.of(where.tokens(), where.from(), where.to());
        return truth == Truth.ALWAYS_TRUE;
    }
}
