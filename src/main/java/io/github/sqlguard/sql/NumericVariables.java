package io.github.sqlguard.sql;

import java.util.List;
import java.util.Set;

/**
 * Variables declared with a numeric type, which dynamic SQL can join into its text only as one number: Db2's
 * {@code DECLARE counter INTEGER; .. 'ALTER TABLE t ALTER COLUMN id RESTART WITH ' || counter}, T-SQL's
 * {@code DECLARE @n INT}, PL/SQL's and PL/pgSQL's {@code n NUMBER;} in a declaration section. Whatever the variable
 * holds when the migration runs, it cannot add a clause or a statement, so it stands in as one value, as a
 * {@code quote_literal(..)} does, and the text shows the whole statement.
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
     * True when {@code scope} declares {@code variable} (by name, in any case) with a numeric type, and nowhere with
     * another one: {@code DECLARE v INTEGER}, {@code DECLARE @v AS INT}, {@code v NUMBER(10) := 0;}.
     */
    static boolean declaredNumeric(List<Token> scope, Token variable) {
        boolean numeric = false;
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
            if (!NUMERIC_TYPES.contains(scope.get(type).upper()) || !endsType(scope, type + 1)) {
                return false; // declared as text (or as something unread) somewhere: its value may hold SQL
            }
            numeric = true;
        }
        return numeric;
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
