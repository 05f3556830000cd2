package io.github.sqlguard.sql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether an IF condition of a routine body can hold at a call that passes literals for its parameters:
 * {@code IF (ObjType = 'TABLE') THEN} never holds at {@code CALL drop_object('x_seq', 'SEQUENCE')}, so what that
 * arm drops is not what the call drops. Only a condition that is one comparison of a parameter with a literal is
 * read, the parameter also in parentheses or folded to one case ({@code (UPPER(@objtype)) = 'TABLE'}, as helpers
 * that take the object's kind in any case compare it); anything else may hold.
 */
final class ArgumentConditions {

    /**
     * Built-in functions of the dialects that only read their arguments, and T-SQL's RAISERROR, which reads the
     * values its message names ({@code RAISERROR('Invalid type %s', 16, 1, @objtype)}).
     */
    private static final String[] VALUE_FUNCTIONS = {"UPPER", "LOWER", "UCASE", "LCASE", "TRIM", "LTRIM", "RTRIM",
        "LENGTH", "LEN", "SUBSTR", "SUBSTRING", "COALESCE", "NVL", "ISNULL", "IFNULL", "CONCAT", "REPLACE",
        "QUOTENAME", "QUOTE_IDENT", "QUOTE_LITERAL", "OBJECT_ID", "RAISERROR", "FORMATMESSAGE"};

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
        int at = operatorAt(comparison);
        if (at < 0) {
            return false;
        }
        Operand left = Operand.of(comparison.subList(0, at));
        Operand right = Operand.of(comparison.subList(at + 1, comparison.size()));
        if (left == null || right == null) {
            return false;
        }
        Operand parameter = left.passedIn(arguments) != null ? left : right;
        Operand literal = parameter == left ? right : left;
        Token passed = parameter.passedIn(arguments);
        if (passed == null || literal.fold() != Fold.NONE || !isLiteral(literal.token())
                || mayAssign(body, parameter.token())) {
            return false;
        }
        String value = parameter.fold().apply(passed.stringValue());
        String compared = literal.token().stringValue();
        // Two values that are the same text are equal however the database compares them.
        return comparison.get(at).isSymbol("=") ? !mayEqual(value, compared) : value.equals(compared);
    }

    /** Where the one comparison at the top level stands ({@code =}, {@code <>}, {@code !=}), or -1. */
    private static int operatorAt(List<Token> comparison) {
        int depth = 0;
        int found = -1;
        for (int i = 0; i < comparison.size(); i++) {
            Token token = comparison.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && (token.isSymbol("=") || token.isSymbol("<>") || token.isSymbol("!="))) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** How a side of the comparison changes the case of the value it reads. */
    private enum Fold {
        NONE, UPPER, LOWER;

        String apply(String value) {
            return this == UPPER ? value.toUpperCase(Locale.ROOT)
                    : this == LOWER ? value.toLowerCase(Locale.ROOT) : value;
        }
    }

    /**
     * One side of the comparison: a single token, in parentheses or not, or a word folded to one case by
     * {@code UPPER}/{@code LOWER} (MySQL's {@code UCASE}/{@code LCASE} too).
     */
    private record Operand(Token token, Fold fold) {

        static Operand of(List<Token> tokens) {
            List<Token> inner = withoutEnclosingParentheses(tokens);
            if (inner.size() == 1) {
                return new Operand(inner.get(0), Fold.NONE);
            }
            if (inner.size() < 4 || !inner.get(1).isSymbol("(") || !closesAtEnd(inner.subList(1, inner.size()))) {
                return null;
            }
            Fold fold = inner.get(0).isAnyWord("UPPER", "UCASE") ? Fold.UPPER
                    : inner.get(0).isAnyWord("LOWER", "LCASE") ? Fold.LOWER : null;
            List<Token> argument = withoutEnclosingParentheses(inner.subList(2, inner.size() - 1));
            return fold == null || argument.size() != 1 || argument.get(0).type() != TokenType.WORD ? null
                    : new Operand(argument.get(0), fold);
        }

        /** The literal the call passes for this side, when it is a parameter named in {@code arguments}. */
        Token passedIn(Map<String, Token> arguments) {
            return token.type() == TokenType.WORD ? arguments.get(token.text().toLowerCase(Locale.ROOT)) : null;
        }
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
                    && (after.isSymbol(")") || after.isSymbol(",")) && !builtInArgument(body, i));
            if (assigned || setOrSelected || intoOrOut || passedOn) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the argument at {@code at} is passed to a built-in function ({@code UPPER(@objtype)}), which reads
     * it and gives it no value: only a routine with output parameters can change what it is passed.
     */
    private static boolean builtInArgument(List<Token> body, int at) {
        int depth = 0;
        for (int i = at - 1; i > 0; i--) {
            Token token = body.get(i);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(") && depth > 0) {
                depth--;
            } else if (token.isSymbol("(") && !body.get(i - 1).isSymbol("(")) {
                return body.get(i - 1).isAnyWord(VALUE_FUNCTIONS) && (i < 2 || !body.get(i - 2).isSymbol("."));
            }
        }
        return false;
    }

    private static boolean isLiteral(Token token) {
        return token.type() == TokenType.NUMBER || token.type() == TokenType.STRING && !token.text().startsWith("$");
    }

    /**
     * False only when the two values differ however the database compares them: T-SQL compares in the column's
     * collation, by default without regard to case and to trailing blanks, and a number may meet a string that
     * spells it.
     */
    private static boolean mayEqual(String passed, String literal) {
        String one = passed.stripTrailing();
        String other = literal.stripTrailing();
        if (one.equalsIgnoreCase(other)) {
            return true;
        }
        BigDecimal first = number(one);
        BigDecimal second = number(other);
        return first != null && second != null && first.compareTo(second) == 0;
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
