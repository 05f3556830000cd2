package io.github.sqlguard.sql;

import io.github.sqlguard.model.Dialect;
import java.util.List;

/**
 * Where a statement ends: at its terminator or separator, at the first token of a statement that follows
 * it without one (T-SQL), at a psql meta-command's line end, or, for a block or routine, where its BEGIN ..
 * END closes.
 */
final class StatementEnd {

    /** Statements that never hold a PL/SQL block of their own. */
    private static final String[] PLAIN_SQL_VERBS = {"SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE"};

    /** Statements that list CREATE of a routine kind as a privilege or an audited action. */
    private static final String[] PRIVILEGE_LISTS = {"GRANT", "REVOKE", "DENY", "AUDIT", "NOAUDIT"};

    private final Dialect dialect;

    StatementEnd(Dialect dialect) {
        this.dialect = dialect;
    }

    /** True for the tokens that separate statements rather than belong to one. */
    static boolean isSeparator(Token token) {
        return token.type() == TokenType.TERMINATOR || token.type() == TokenType.BATCH_SEPARATOR
                || token.type() == TokenType.DELIMITER_CHANGE || BlockSyntax.isSemicolon(token);
    }

    /**
     * The index just past the statement starting at {@code start}: the terminator or separator that ends
     * it, or the first token of the statement that implicitly follows it.
     */
    int endOf(List<Token> code, int start, int size, StatementShape shape) {
        boolean tracksBlocks = shape.kind() == StatementShape.Kind.ANONYMOUS_BLOCK
                || shape.kind() == StatementShape.Kind.ROUTINE;
        BlockDepth depth = tracksBlocks ? new BlockDepth(shape.plsqlDeclare()) : null;
        ImplicitBoundary boundary = new ImplicitBoundary(shape.kind() == StatementShape.Kind.ROUTINE,
                dialect == Dialect.SQLSERVER || dialect == Dialect.AUTO, dialect == Dialect.SQLSERVER);
        // PostgreSQL: CREATE RULE r AS ON .. DO INSTEAD (DELETE ..; UPDATE ..) lists its actions in parentheses.
        boolean ruleActions = shape.kind() == StatementShape.Kind.ROUTINE && shape.routineKind().equals("rule");
        boolean plain = shape.kind() == StatementShape.Kind.PLAIN;
        int parenDepth = 0;
        int firstInnerSemicolon = -1;
        boolean psql = dialect == Dialect.POSTGRESQL || dialect == Dialect.AUTO;
        for (int i = start; i < size; i++) {
            Token token = code.get(i);
            if (psql && PsqlScript.isMetaCommand(code, i, size)) {
                // psql: a meta-command runs to the end of its line; \g and its kin run the query before them.
                if (i == start || PsqlScript.sendsQueryBuffer(code, i)) {
                    return PsqlScript.afterCommandLine(code, i, size);
                }
                return i;
            }
            boolean insideBody = shape.runsToBatchEnd()
                    || depth != null && (depth.isOpen() || depth.bodyRunsToBatchEnd())
                    || ruleActions && parenDepth > 0;
            if (token.type() == TokenType.BATCH_SEPARATOR || token.type() == TokenType.DELIMITER_CHANGE
                    || token.type() == TokenType.TERMINATOR && !token.text().equals(";")) {
                return unclosedEnd(shape, depth, firstInnerSemicolon, i);
            }
            if (BlockSyntax.isSemicolon(token) && (parenDepth == 0 || token.type() == TokenType.TERMINATOR)) {
                if (!insideBody) {
                    return i;
                }
                if (firstInnerSemicolon < 0 && !shape.runsToBatchEnd() && !depth.bodyRunsToBatchEnd()) {
                    firstInnerSemicolon = i;
                }
            } else if (i > start && !insideBody && (boundary.startsNewStatement(code, i, size, parenDepth)
                    || plain && parenDepth == 0 && startsPlsqlUnit(code, start, i, size))) {
                return i;
            }
            boundary.accept(code, i, parenDepth);
            if (depth != null) {
                depth.accept(code, i, size, parenDepth);
            }
            if (token.isSymbol("(")) {
                parenDepth++;
            } else if (token.isSymbol(")")) {
                parenDepth = Math.max(0, parenDepth - 1);
            }
        }
        if (ruleActions && parenDepth > 0 && firstInnerSemicolon >= 0) {
            return firstInnerSemicolon; // the action list never closes: fail closed, as for an unclosed block
        }
        return unclosedEnd(shape, depth, firstInnerSemicolon, size);
    }

    /**
     * Oracle: a SELECT or row change left without its {@code ;} (SQL*Plus ends it at a blank line, a worksheet
     * runs it alone) does not take in the PL/SQL block or the CREATE of a package, procedure, function, trigger or
     * type that starts a later line; read as one, the block's DECLARE section or the package's specification
     * joined the statement, and a {@code PROCEDURE delete (..)} in it read as a DELETE without WHERE.
     */
    private boolean startsPlsqlUnit(List<Token> code, int start, int index, int size) {
        Token token = code.get(index);
        Token previous = code.get(index - 1);
        if (previous.line() == token.line() || !ImplicitBoundary.endsExpression(previous)) {
            return false;
        }
        if (token.isWord("CREATE") && (dialect == Dialect.ORACLE || dialect == Dialect.AUTO)) {
            return !code.get(start).isAnyWord(PRIVILEGE_LISTS)
                    && StatementShape.of(code, index, size, dialect).kind() == StatementShape.Kind.ROUTINE;
        }
        Token next = index + 1 < size ? code.get(index + 1) : null;
        return dialect == Dialect.ORACLE && token.isAnyWord("BEGIN", "DECLARE")
                && code.get(start).isAnyWord(PLAIN_SQL_VERBS)
                && next != null && (next.type() == TokenType.WORD || next.type() == TokenType.PLACEHOLDER)
                && !next.isAnyWord("FROM", "AS", "INTO", "WHERE", "AND", "OR");
    }

    /**
     * Where a block statement ends that reached {@code end} (a separator or the end of the text). When its
     * BEGIN..END never balanced although nothing but the nesting kept it open, the block syntax was not
     * understood: fail closed and end it at its first {@code ;}, so the statements after it stay top-level
     * statements the rules check rather than disappearing into a routine body.
     */
    private static int unclosedEnd(StatementShape shape, BlockDepth depth, int firstInnerSemicolon, int end) {
        if (depth != null && depth.isOpen() && !shape.runsToBatchEnd() && !depth.bodyRunsToBatchEnd()
                && firstInnerSemicolon >= 0) {
            return firstInnerSemicolon;
        }
        return end;
    }
}
