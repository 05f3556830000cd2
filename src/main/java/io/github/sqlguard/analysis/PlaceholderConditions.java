package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Values a WHERE leaves to be filled in later that stand as a condition of their own, so that whether the WHERE
 * restricts anything cannot be told: an unresolved placeholder or property, a psql, SQL*Plus or sqlcmd variable.
 */
final class PlaceholderConditions {

    private PlaceholderConditions() {
    }

    /**
     * The placeholders in the condition {@code [from, to)} that stand as a condition of their own rather than as
     * an operand: {@code WHERE ${cond}}, {@code a = 1 AND ${more}}, {@code a = 1 ${more}}; not
     * {@code id = ${id}}, {@code ${col} IS NULL}, {@code d BETWEEN 1 AND ${max}} or a subquery's
     * {@code FROM ${table}}; and those inside a string compared with a literal, {@code '${env}' = 'dev'}, which
     * names no column either. Only unresolved placeholders are still tokens here: those with a value were replaced
     * in the text before it was split. A psql or SQL*Plus
     * variable standing as a condition, {@code WHERE :cond} or {@code WHERE &cond}, is one too: the client fills
     * it in when it runs the script.
     */
    static List<String> in(StatementTokens tokens, int from, int to) {
        List<String> found = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Token token = tokens.tokens().get(i);
            // sqlcmd's $(cond) (SQL Server) is filled in as a placeholder is, by the client that runs the script.
            if (filledInLater(token) && !partOfName(tokens.tokens(), from, i, to)
                    && !operandAfter(tokens, from, i) && !operandBefore(tokens, i + 1, to)) {
                found.add(token.text());
            } else if (i + 1 < to && standsAsCondition(tokens, from, i)) {
                // psql's :cond and SQL*Plus's &cond or &&cond, filled in by the client that runs the script.
                int end = Math.max(ObjectNames.psqlVariableEnd(tokens.tokens(), i),
                        ObjectNames.substitutionVariableEnd(tokens.tokens(), i));
                if (end > 0 && end <= to && !operandBefore(tokens, end, to)) {
                    StringBuilder written = new StringBuilder();
                    tokens.tokens().subList(i, end).forEach(part -> written.append(part.text()));
                    found.add(written.toString());
                }
            }
        }
        found.addAll(PlaceholderComparisons.in(tokens, from, to));
        return found;
    }

    private static boolean filledInLater(Token token) {
        return token.type() == TokenType.PLACEHOLDER || token.isSqlcmdVariable();
    }

    /**
     * True when the placeholder at {@code i} is glued to a written name part, as in {@code {objectQualifier}Flag} or
     * {@code ${prefix}_id}: whatever its value, it completes a name and cannot stand for a condition.
     */
    private static boolean partOfName(List<Token> tokens, int from, int i, int to) {
        int first = i;
        while (first > from && glued(tokens.get(first - 1), tokens.get(first))) {
            first--;
        }
        int last = i;
        while (last + 1 < to && glued(tokens.get(last), tokens.get(last + 1))) {
            last++;
        }
        for (int part = first; part <= last; part++) {
            if (!filledInLater(tokens.get(part))) {
                return true;
            }
        }
        return false;
    }

    private static boolean glued(Token before, Token after) {
        return after.offset() == before.endOffset() && namePart(before) && namePart(after);
    }

    // AND${more} glues a keyword, not a name part
    private static boolean namePart(Token token) {
        return ObjectNames.isNamePart(token) && !token.isAnyWord("AND", "OR", "NOT");
    }

    /** True where a condition starts at {@code i}: first, or after {@code (}, AND, OR or NOT ({@code a & b} is not). */
    private static boolean standsAsCondition(StatementTokens tokens, int from, int i) {
        return i == from || tokens.isSymbol(i - 1, "(") || tokens.tokens().get(i - 1).isAnyWord("AND", "OR", "NOT");
    }

    private static final Set<String> OPERAND_BEFORE = Set.of("IS", "IN", "LIKE", "ILIKE", "BETWEEN", "SIMILAR",
            "REGEXP", "RLIKE", "NOT", "ESCAPE", "COLLATE");
    private static final Set<String> OPERAND_AFTER = Set.of("IN", "LIKE", "ILIKE", "BETWEEN", "ESCAPE", "ANY",
            "ALL", "SOME", "TO", "EXISTS", "CASE", "WHEN", "THEN", "ELSE", "SELECT", "BY", "DISTINCT",
            // a table name in a subquery (FROM ${table}, JOIN ${table}) decides no row of the statement on its own
            "FROM", "JOIN");

    /** True when the token at {@code index} follows an operator, so it is an operand. */
    private static boolean operandAfter(StatementTokens tokens, int from, int index) {
        if (index == from) {
            return false;
        }
        Token previous = tokens.tokens().get(index - 1);
        if (previous.isSymbol("(")) {
            // (${cond}) groups a condition; IN (${ids}), f(${x}) and = (${x}) take an operand
            int before = index - 1;
            while (before > from && tokens.isSymbol(before - 1, "(")) {
                before--;
            }
            return before > from && !tokens.tokens().get(before - 1).isAnyWord("AND", "OR", "NOT");
        }
        if (previous.type() == TokenType.SYMBOL) {
            return true;
        }
        if (previous.isWord("AND")) {
            return betweenBefore(tokens, from, index - 1);
        }
        return previous.type() == TokenType.WORD && OPERAND_AFTER.contains(previous.upper());
    }

    /** True when the token at {@code next} is an operator that takes the token before it as an operand. */
    private static boolean operandBefore(StatementTokens tokens, int next, int to) {
        if (next >= to) {
            return false;
        }
        Token following = tokens.tokens().get(next);
        if (following.type() == TokenType.SYMBOL) {
            return !following.text().equals(")") && !following.text().equals(";");
        }
        return following.type() == TokenType.WORD && OPERAND_BEFORE.contains(following.upper());
    }

    /** True when the AND at {@code and} closes a BETWEEN at the same level ({@code d BETWEEN 1 AND ..}). */
    private static boolean betweenBefore(StatementTokens tokens, int from, int and) {
        int depth = 0;
        for (int i = and - 1; i >= from; i--) {
            Token token = tokens.tokens().get(i);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(")) {
                if (depth-- == 0) {
                    return false;
                }
            } else if (depth == 0 && token.isAnyWord("AND", "OR")) {
                return false;
            } else if (depth == 0 && token.isWord("BETWEEN")) {
                return true;
            }
        }
        return false;
    }
}
