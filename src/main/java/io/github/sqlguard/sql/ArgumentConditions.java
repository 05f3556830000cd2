package io.github.sqlguard.sql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether an IF condition of a routine body can hold at a call that passes literals for its parameters:
 * {@code IF (ObjType = 'TABLE') THEN} never holds at {@code CALL drop_object('x_seq', 'SEQUENCE')}, so what that
 * arm drops is not what the call drops. Only a condition that is one comparison of a parameter with a literal is
 * read; anything else may hold.
 */
final class ArgumentConditions {

    private ArgumentConditions() {
    }

    /**
     * True when {@code condition} compares a parameter named in {@code arguments} (lower case) with a literal, with
     * {@code =}, {@code <>} or {@code !=}, the literal the call passes makes the comparison false, and nothing in
     * {@code body} may have given the parameter another value.
     */
    static boolean neverHolds(List<Token> condition, Map<String, Token> arguments, List<Token> body) {
        if (arguments.isEmpty()) {
            return false;
        }
        List<Token> comparison = withoutEnclosingParentheses(condition);
        if (comparison.size() != 3) {
            return false;
        }
        Token operator = comparison.get(1);
        boolean equal = operator.isSymbol("=");
        if (!equal && !operator.isSymbol("<>") && !operator.isSymbol("!=")) {
            return false;
        }
        Token passed = passedFor(comparison.get(0), arguments);
        Token literal = comparison.get(2);
        if (passed == null) {
            passed = passedFor(comparison.get(2), arguments);
            literal = comparison.get(0);
        }
        if (passed == null || !isLiteral(literal) || mayAssign(body, comparison.get(0) == literal
                ? comparison.get(2) : comparison.get(0))) {
            return false;
        }
        return equal ? !mayEqual(passed, literal) : surelyEqual(passed, literal);
    }

    /**
     * True when {@code body} may give {@code parameter} another value: {@code p := ..}, {@code p += ..}, T-SQL's
     * {@code SET @p = ..} and {@code SELECT @p = ..}, {@code INTO p}, an {@code OUT} or {@code OUTPUT} argument, or
     * the bare name passed to a routine, whose parameter may be an output one.
     */
    private static boolean mayAssign(List<Token> body, Token parameter) {
        for (int i = 0; i < body.size(); i++) {
            if (!body.get(i).isWord(parameter.text())) {
                continue;
            }
            Token before = i > 0 ? body.get(i - 1) : null;
            Token after = i + 1 < body.size() ? body.get(i + 1) : null;
            Token afterThat = i + 2 < body.size() ? body.get(i + 2) : null;
            boolean assigned = after != null && (after.isSymbol(":=")
                    || after.type() == TokenType.SYMBOL && !after.isSymbol("(") && !after.isSymbol(")")
                    && afterThat != null && afterThat.isSymbol("=") && after.endOffset() == afterThat.offset());
            boolean setOrSelected = after != null && after.isSymbol("=") && before != null
                    && (before.isAnyWord("SET", "SELECT") || before.isSymbol(","));
            boolean intoOrOut = before != null && before.isAnyWord("INTO", "OUT", "INOUT")
                    || after != null && after.isAnyWord("OUT", "OUTPUT");
            boolean passedOn = before != null && (before.isSymbol("=>")
                    || (before.isSymbol("(") || before.isSymbol(",")) && after != null
                    && (after.isSymbol(")") || after.isSymbol(",")));
            if (assigned || setOrSelected || intoOrOut || passedOn) {
                return true;
            }
        }
        return false;
    }

    private static Token passedFor(Token name, Map<String, Token> arguments) {
        return name.type() == TokenType.WORD ? arguments.get(name.text().toLowerCase(Locale.ROOT)) : null;
    }

    private static boolean isLiteral(Token token) {
        return token.type() == TokenType.NUMBER || token.type() == TokenType.STRING && !token.text().startsWith("$");
    }

    /**
     * False only when the two values differ however the database compares them: T-SQL compares in the column's
     * collation, by default without regard to case and to trailing blanks, and a number may meet a string that
     * spells it.
     */
    private static boolean mayEqual(Token passed, Token literal) {
        String one = passed.stringValue().stripTrailing();
        String other = literal.stringValue().stripTrailing();
        if (one.equalsIgnoreCase(other)) {
            return true;
        }
        BigDecimal first = number(one);
        BigDecimal second = number(other);
        return first != null && second != null && first.compareTo(second) == 0;
    }

    /** True when the two values are the same text, which every database takes as equal. */
    private static boolean surelyEqual(Token passed, Token literal) {
        return passed.stringValue().equals(literal.stringValue());
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** {@code ((a = 'x'))} as {@code a = 'x'}: the parentheses around the whole condition. */
    private static List<Token> withoutEnclosingParentheses(List<Token> condition) {
        List<Token> inner = condition;
        while (inner.size() >= 2 && inner.get(0).isSymbol("(") && inner.get(inner.size() - 1).isSymbol(")")
                && closesAtEnd(inner)) {
            inner = inner.subList(1, inner.size() - 1);
        }
        return inner;
    }

    /** True when the parenthesis that opens {@code tokens} is the one that closes it. */
    private static boolean closesAtEnd(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i == tokens.size() - 1;
            }
        }
        return false;
    }
}
