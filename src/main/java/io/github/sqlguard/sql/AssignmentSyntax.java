package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * How one assignment of a variable is written, in the dialects whose dynamic SQL {@link VariableAssignments}
 * follows: where its value starts ({@code :=}, {@code =} or {@code DEFAULT} after the name and its declared type),
 * where that value ends, and whether the name is a routine's parameter, whose default is not what the body holds.
 */
final class AssignmentSyntax {

    /** Words after which a name starts a condition, so that an "=" after it compares rather than assigns. */
    private static final String[] CONDITION_WORDS =
            {"WHERE", "AND", "OR", "NOT", "ON", "IF", "ELSIF", "ELSEIF", "WHEN", "WHILE", "UNTIL", "HAVING"};

    private AssignmentSyntax() {
    }

    /**
     * A routine's parameter ({@code p_name VARCHAR2 DEFAULT 'x'} in its parentheses, T-SQL's {@code @t sysname =
     * 'orders'} before {@code AS}): its default is only what runs when the caller passes nothing.
     */
    static boolean isParameter(List<Token> scope, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0 && !StatementEnd.isSeparator(scope.get(i)); i--) {
            Token before = scope.get(i);
            depth += before.isSymbol(")") ? 1 : before.isSymbol("(") ? -1 : 0;
            if (before.isAnyWord("AS", "IS", "BEGIN", "DECLARE", "SET", "SELECT")) {
                return false;
            }
            if (depth < 0 && i > 0 && scope.get(i - 1).type() == TokenType.WORD
                    || before.isAnyWord("PROCEDURE", "PROC", "FUNCTION")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index after {@code :=}, {@code =} or {@code DEFAULT} when the variable at {@code at} is assigned there,
     * its declared type (words, numbers, parentheses, {@code %TYPE}) in between, or -1.
     */
    static int valueStart(List<Token> scope, int at) {
        if (at + 1 < scope.size() && scope.get(at + 1).isSymbol(".")) {
            // A qualified name is a column or a record's field, not the variable: t.table_type = 'BASE TABLE' in a
            // query whose alias shares the loop variable's name compares a column, and r.f := 1 sets one field.
            return -1;
        }
        if (at > 0 && scope.get(at - 1).isAnyWord(CONDITION_WORDS)) {
            // WHERE t = 'audit', IF t = 'x' THEN: after a word that opens a condition, "=" compares.
            return -1;
        }
        int i = at + 1;
        int depth = 0;
        while (i < scope.size()) {
            Token token = scope.get(i);
            if (depth == 0 && (token.isSymbol(":=") || token.isSymbol("=") || token.isWord("DEFAULT"))) {
                return i + 1;
            }
            boolean typePart = token.type() == TokenType.WORD || token.type() == TokenType.NUMBER
                    || token.isSymbol("%") || token.isSymbol(".") || token.isSymbol("(")
                    || (depth > 0 && (token.isSymbol(")") || token.isSymbol(",")));
            // No declared type holds a clause word: COLUMNS of FROM information_schema.COLUMNS WHERE a = p is a
            // table's name before a condition, not a variable being assigned.
            if (!typePart || token.isAnyWord("IS", "IN", "LIKE", "BETWEEN", "AND", "OR", "THEN", "NOT")
                    || token.isAnyWord("WHERE", "FROM", "JOIN", "ON", "WHEN", "SELECT")) {
                return -1;
            }
            if (token.type() == TokenType.WORD && token.text().startsWith("@")) {
                // T-SQL without a terminator: DECLARE @sql NVARCHAR(MAX) then SET @sql = N'..' on the next line.
                // No type names a variable, so the "=" after one belongs to the next statement.
                return -1;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            i++;
        }
        return -1;
    }

    /**
     * The expression assigned from {@code from} up to the end of the assignment: a separator, a comma outside
     * parentheses, or a word where an operator would have to follow (T-SQL without a terminator, or the
     * {@code FROM} of {@code SELECT @v = .. FROM t}).
     */
    static List<Token> expressionFrom(List<Token> scope, int from) {
        List<Token> expression = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < scope.size(); i++) {
            Token token = scope.get(i);
            if (StatementEnd.isSeparator(token) || depth == 0 && token.isSymbol(",")) {
                break;
            }
            Token previous = expression.isEmpty() ? null : expression.get(expression.size() - 1);
            boolean operandEnded = previous != null && (previous.type() == TokenType.STRING
                    || previous.type() == TokenType.WORD || previous.type() == TokenType.NUMBER
                    || previous.isSymbol(")"));
            if (depth == 0 && operandEnded && token.type() == TokenType.WORD) {
                break;
            }
            // CASE .. END holds words where an operator could follow, as parentheses do.
            depth += token.isSymbol("(") || token.isWord("CASE") ? 1
                    : token.isSymbol(")") || token.isWord("END") && depth > 0 ? -1 : 0;
            expression.add(token);
        }
        return expression;
    }
}
