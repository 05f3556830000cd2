package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The literal a variable holds when a script or block runs it as dynamic SQL: T-SQL
 * {@code DECLARE @sql NVARCHAR(MAX) = N'..'} or {@code SET @sql = N'..'}, PL/SQL {@code v_sql VARCHAR2(200) := '..'},
 * PL/pgSQL {@code q := '..'}, MySQL {@code SET @s = '..'}. The text is known only when the variable is assigned
 * exactly once in the whole script or block, from literals alone, before it is run; anything else (a second
 * assignment, {@code SELECT .. INTO}, an {@code OUTPUT} parameter, a loop variable) leaves it built at run time.
 * Counting too many assignments only costs a diagnostic; counting too few would check the wrong text.
 */
final class VariableAssignments {

    private VariableAssignments() {
    }

    /**
     * The literal parts of the one assignment of {@code variable} in {@code scope} before {@code use}, or an empty
     * list when its text is not known that way.
     */
    static List<Token> literalValue(List<Token> scope, Token variable, Token use) {
        List<Token> found = List.of();
        int assignments = 0;
        for (int i = 0; i < scope.size(); i++) {
            Token token = scope.get(i);
            if (token.type() != TokenType.WORD || !token.text().equalsIgnoreCase(variable.text())) {
                continue;
            }
            if (isAssignedByContext(scope, i)) {
                assignments++;
                found = List.of();
                continue;
            }
            int value = valueStart(scope, i);
            if (value < 0) {
                continue;
            }
            assignments++;
            found = token.offset() < use.offset() ? literalsFrom(scope, value) : List.of();
        }
        return assignments == 1 ? found : List.of();
    }

    /**
     * {@code INTO v}, {@code INTO a, v}, {@code FOR v IN}, {@code @v OUTPUT}, T-SQL's {@code SET @v += ..} and
     * {@code SELECT @v += .. FROM ..}: a value the script does not show.
     */
    private static boolean isAssignedByContext(List<Token> scope, int at) {
        Token next = at + 1 < scope.size() ? scope.get(at + 1) : null;
        if (next != null && next.isAnyWord("OUTPUT", "OUT")) {
            return true;
        }
        if (isCompoundAssignment(scope, at + 1)) {
            return true;
        }
        for (int i = at - 1; i >= 0; i--) {
            Token before = scope.get(i);
            if (before.isAnyWord("INTO", "FOR", "STRICT")) {
                return true;
            }
            if (!before.isSymbol(",") && !(before.type() == TokenType.WORD && i < at - 1 && scope.get(i + 1)
                    .isSymbol(","))) {
                return false;
            }
        }
        return false;
    }

    /**
     * T-SQL's {@code +=}, {@code -=}, {@code |=} and the like at {@code at}, lexed as an operator and an adjacent
     * {@code =}: the variable keeps its earlier text and gains more, often once per row of a query, so one
     * literal assignment before it no longer tells what runs.
     */
    private static boolean isCompoundAssignment(List<Token> scope, int at) {
        if (at + 1 >= scope.size()) {
            return false;
        }
        Token operator = scope.get(at);
        Token equals = scope.get(at + 1);
        return operator.type() == TokenType.SYMBOL && operator.text().length() == 1
                && "+-*/%&|^".contains(operator.text()) && equals.isSymbol("=")
                && equals.offset() == operator.endOffset();
    }

    /**
     * The index after {@code :=}, {@code =} or {@code DEFAULT} when the variable at {@code at} is assigned there,
     * its declared type (words, numbers, parentheses, {@code %TYPE}) in between, or -1.
     */
    private static int valueStart(List<Token> scope, int at) {
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
            if (!typePart || token.isAnyWord("IS", "IN", "LIKE", "BETWEEN", "AND", "OR", "THEN", "NOT")) {
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
     * The literals of {@code 'a' || 'b'} or {@code CONCAT('a', 'b')} starting at {@code from} up to the end of the
     * assignment, or empty.
     */
    private static List<Token> literalsFrom(List<Token> scope, int from) {
        List<Token> expression = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < scope.size(); i++) {
            Token token = scope.get(i);
            if (StatementEnd.isSeparator(token) || depth == 0 && token.isSymbol(",")) {
                break;
            }
            boolean operatorExpected = expression.size() % 2 == 1;
            if (depth == 0 && operatorExpected && token.type() == TokenType.WORD) {
                break; // T-SQL without a terminator: the next statement begins
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            expression.add(token);
        }
        return DynamicSql.literalParts(expression);
    }
}
