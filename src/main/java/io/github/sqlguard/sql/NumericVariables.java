package io.github.sqlguard.sql;

import java.util.List;
import java.util.Set;

/**
 * Variables that can hold only a number, which dynamic SQL can join into its text only as one value: those declared
 * with a numeric type (Db2's {@code DECLARE counter INTEGER; .. 'ALTER TABLE t ALTER COLUMN id RESTART WITH ' ||
 * counter}, T-SQL's {@code DECLARE @n INT}, PL/SQL's and PL/pgSQL's {@code n NUMBER;} in a declaration section), and
 * MySQL's undeclared {@code @max} when every assignment computes a number ({@code SET @max = (SELECT MAX(id) + 1 FROM
 * t); SET @s = CONCAT('ALTER TABLE t AUTO_INCREMENT = ', @max)}). Whatever the variable holds when the migration runs,
 * it cannot add a clause or a statement, so it stands in as one value, as a {@code quote_literal(..)} does, and the
 * text shows the whole statement.
 */
final class NumericVariables {

    /** Type names (their first word) that hold only numbers, in the dialects that declare variables. */
    private static final Set<String> NUMERIC_TYPES = Set.of("INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT",
            "MEDIUMINT", "INT2", "INT4", "INT8", "DECIMAL", "DEC", "NUMERIC", "NUMBER", "FLOAT", "FLOAT4", "FLOAT8",
            "REAL", "DOUBLE", "MONEY", "SMALLMONEY", "PLS_INTEGER", "BINARY_INTEGER", "SIMPLE_INTEGER", "NATURAL",
            "NATURALN", "POSITIVE", "POSITIVEN", "SIGNTYPE", "BINARY_FLOAT", "BINARY_DOUBLE");

    private NumericVariables() {
    }

    /**
     * True when {@code variable} can hold only a number in {@code scope}: declared with a numeric type
     * ({@link #declaredNumeric}), or a variable without a declaration, as MySQL's {@code @max} is, that every
     * assignment gives a computed number ({@code SET @max = (SELECT MAX(id) + 1 FROM t)}, {@code SET @n = 0}).
     */
    static boolean holdsOnlyNumbers(List<Token> scope, Token variable) {
        return declaredNumeric(scope, variable) || assignedOnlyNumbers(scope, variable);
    }

    /**
     * True when {@code variable} is assigned at least once in {@code scope}, by {@code SET v = ..}, {@code v := ..} or
     * T-SQL's {@code SELECT @v = ..}, each time a number, and never by {@code INTO}, {@code OUT} or {@code +=}.
     */
    private static boolean assignedOnlyNumbers(List<Token> scope, Token variable) {
        return EveryAssignment.holds(scope, variable, (tokens, i, before) -> {
            boolean assigned = tokens.get(i + 1).isSymbol(":=") || tokens.get(i + 1).isSymbol("=") && before != null
                    && (before.isAnyWord("SET", "SELECT") || before.isSymbol(","));
            if (!assigned) {
                return EveryAssignment.Verdict.NOT_AN_ASSIGNMENT;
            }
            return isNumber(assignedExpression(tokens, i + 2)) ? EveryAssignment.Verdict.HOLDS
                    : EveryAssignment.Verdict.FAILS;
        });
    }

    /** The tokens from {@code from} up to the end of the statement or a comma outside parentheses. */
    private static List<Token> assignedExpression(List<Token> scope, int from) {
        int depth = 0;
        int end = from;
        while (end < scope.size() && !StatementEnd.isSeparator(scope.get(end))
                && !(depth == 0 && scope.get(end).isSymbol(","))) {
            depth += scope.get(end).isSymbol("(") ? 1 : scope.get(end).isSymbol(")") ? -1 : 0;
            end++;
        }
        return scope.subList(from, end);
    }

    /**
     * True for an expression that computes a number whatever its operands hold: a number, arithmetic with a number
     * ({@code MAX(id) + 1}: MySQL, T-SQL and Oracle turn a text operand into a number or fail), a {@code COUNT(..)},
     * a scalar subquery whose one select item is such an expression, or {@code COALESCE(MAX(id) + 1, 1)} (also
     * {@code IFNULL}, {@code ISNULL}, {@code NVL}) of such expressions only. No text literal and no {@code ||} in it.
     */
    static boolean isNumber(List<Token> expression) {
        List<Token> inside = TopLevel.withoutEnclosingParentheses(expression);
        if (!inside.isEmpty() && inside.get(0).isWord("SELECT")) {
            int from = TopLevel.wordIndex(inside, 1, "FROM");
            inside = inside.subList(1, from < 0 ? inside.size() : from);
        }
        if (inside.size() > 3 && inside.get(0).isAnyWord("COALESCE", "IFNULL", "ISNULL", "NVL")
                && inside.get(1).isSymbol("(") && TopLevel.closingParenthesis(inside, 1) == inside.size() - 1) {
            return argumentsAreNumbers(inside.subList(2, inside.size() - 1));
        }
        if (inside.isEmpty() || inside.stream().anyMatch(t -> t.type() == TokenType.STRING || t.isSymbol("||"))
                || hasTopLevelComma(inside)) {
            return false; // a comma inside a call's parentheses (IFNULL(MAX(id), 0) + 1) lists no second value
        }
        if (inside.size() == 1) {
            return inside.get(0).type() == TokenType.NUMBER;
        }
        if (inside.get(0).isWord("COUNT") && inside.get(1).isSymbol("(")
                && TopLevel.closingParenthesis(inside, 1) == inside.size() - 1) {
            return true;
        }
        int depth = 0;
        for (int i = 0; i < inside.size(); i++) {
            Token token = inside.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            boolean arithmetic = depth == 0 && (token.isSymbol("+") || token.isSymbol("-") || token.isSymbol("*")
                    || token.isSymbol("/"));
            Token next = i + 1 < inside.size() ? inside.get(i + 1) : null;
            if (arithmetic && (next != null && next.type() == TokenType.NUMBER
                    || i > 0 && inside.get(i - 1).type() == TokenType.NUMBER)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTopLevelComma(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isSymbol(",")) {
                return true;
            }
        }
        return false;
    }

    /** True when each argument of the list, split at its commas outside parentheses, computes a number. */
    private static boolean argumentsAreNumbers(List<Token> arguments) {
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= arguments.size(); i++) {
            Token token = i < arguments.size() ? arguments.get(i) : null;
            if (token == null || depth == 0 && token.isSymbol(",")) {
                if (!isNumber(arguments.subList(start, i))) {
                    return false;
                }
                start = i + 1;
                continue;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
        }
        return true;
    }

    /**
     * True when {@code scope} declares {@code variable} (by name, in any case) with a numeric type, and nowhere with
     * another one: {@code DECLARE v INTEGER}, {@code DECLARE @v AS INT}, {@code v NUMBER(10) := 0;}.
     */
    static boolean declaredNumeric(List<Token> scope, Token variable) {
        return declaredWith(scope, variable, NUMERIC_TYPES);
    }

    /**
     * True when {@code scope} declares {@code variable} (by name, in any case) with one of {@code types} (upper-case
     * first words of type names, an array of one excluded), and nowhere with another type.
     */
    static boolean declaredWith(List<Token> scope, Token variable, Set<String> types) {
        boolean declared = false;
        for (int i = 0; i + 1 < scope.size(); i++) {
            Token token = scope.get(i);
            if (token.type() != TokenType.WORD || !token.text().equalsIgnoreCase(variable.text())
                    || !startsDeclaration(scope, i)) {
                continue;
            }
            int type = scope.get(i + 1).isWord("AS") ? i + 2 : i + 1;
            if (type >= scope.size() || scope.get(type).type() != TokenType.WORD) {
                continue;
            }
            if (!types.contains(scope.get(type).upper()) || !endsType(scope, type + 1)) {
                return false; // declared as text (or as something unread) somewhere: its value may hold SQL
            }
            declared = true;
        }
        return declared;
    }

    /**
     * True when the name at {@code at} starts a declaration: after {@code DECLARE}, or first in a statement of a
     * declaration section ({@code ; n NUMBER;}, PL/SQL and PL/pgSQL), and not the target of an assignment.
     */
    private static boolean startsDeclaration(List<Token> scope, int at) {
        if (at == 0) {
            return false;
        }
        Token before = scope.get(at - 1);
        return before.isWord("DECLARE") || StatementEnd.isSeparator(before) && inDeclarationSection(scope, at);
    }

    /** True when a {@code DECLARE} opens the section {@code at} stands in, and no {@code BEGIN} has closed it. */
    private static boolean inDeclarationSection(List<Token> scope, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (scope.get(i).isWord("BEGIN")) {
                return false;
            }
            if (scope.get(i).isWord("DECLARE")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the type ends at {@code after}, after an optional precision ({@code NUMBER(10, 2);}), rather than
     * going on as a column's type ({@code t.c%TYPE}) or an array of numbers does. T-SQL needs no terminator, so
     * anything else may follow: a default, a constraint, the next statement.
     */
    private static boolean endsType(List<Token> scope, int after) {
        int i = after;
        if (i < scope.size() && scope.get(i).isSymbol("(")) {
            int close = TopLevel.closingParenthesis(scope, i);
            if (close < 0) {
                return false;
            }
            i = close + 1;
        }
        if (i >= scope.size()) {
            return true;
        }
        Token next = scope.get(i);
        return !(next.isSymbol(".") || next.isSymbol("%") || next.isSymbol("[") || next.isWord("ARRAY"));
    }
}
