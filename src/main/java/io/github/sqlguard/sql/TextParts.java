package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The parts of a text that SQL joins from literals and other operands ({@code 'DROP TABLE ' || v_name}, T-SQL's
 * {@code +}, {@code CONCAT(..)}, a format call): the literals as they are, each other operand as a stand-in word, so
 * that what is known of dynamic SQL can be read and what is not stands in its place.
 */
final class TextParts {

    private TextParts() {
    }

    /**
     * The parts of a text some of which may be built at run time: its literals as they are, a format string's
     * slots and any other operand of {@code ||}, {@code +} or {@code CONCAT(..)} as a stand-in word, numbered on
     * from {@code standInsBefore}; empty when no part is a literal.
     */
    static List<Token> partsWithStandIns(List<Token> whole, int standInsBefore) {
        List<Token> literals = literalParts(whole);
        if (!literals.isEmpty()) {
            return literals;
        }
        // Db2 writes SET v = ('ALTER .. ' || n || ')'): the parentheses around the whole text join nothing.
        List<Token> expression = withoutGroupedLiterals(TopLevel.withoutEnclosingParentheses(whole));
        FormatCall.Formatted formatted = FormatCall.parts(expression, standInsBefore);
        if (formatted != null) {
            return formatted.parts();
        }
        boolean concat = expression.size() > 3 && expression.get(0).isWord("CONCAT") && expression.get(1).isSymbol("(")
                && TopLevel.closingParenthesis(expression, 1) == expression.size() - 1;
        return concat ? operandsWithStandIns(expression.subList(2, expression.size() - 1), ",", standInsBefore)
                : operandsWithStandIns(expression, "+", standInsBefore);
    }

    /**
     * The operands of {@code ||} and {@code joiner} ({@code +}, or the commas of CONCAT's arguments): literals as
     * they are, any other operand as a stand-in word; or empty.
     */
    private static List<Token> operandsWithStandIns(List<Token> expression, String joiner, int standInsBefore) {
        List<Token> parts = new ArrayList<>();
        Set<Integer> currentDatabase = new HashSet<>();
        boolean anyLiteral = false;
        // One variable joined twice holds one value: CONCAT('ALTER TABLE t CHANGE ', c, ' ', c, ' INT') keeps the
        // column's name, so both of its places take the same stand-in.
        Map<String, Integer> variables = new HashMap<>();
        int standIns = standInsBefore;
        int depth = 0;
        int operand = 0;
        for (int i = 0; i <= expression.size(); i++) {
            Token token = i < expression.size() ? expression.get(i) : null;
            boolean join = token == null || depth == 0 && (token.isSymbol("||") || token.isSymbol(joiner));
            depth += token == null ? 0 : token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (!join) {
                continue;
            }
            if (i == operand) {
                return List.of();
            }
            Token first = expression.get(operand);
            if (i - operand == 1 && isSqlLiteral(first)) {
                parts.add(first);
                anyLiteral = true;
            } else {
                List<Token> value = expression.subList(operand, i);
                if (StandIns.isCurrentDatabase(value)) {
                    currentDatabase.add(parts.size());
                }
                String variable = value.size() == 1 && first.type() == TokenType.WORD
                        ? first.text().toLowerCase(Locale.ROOT) : null;
                Integer earlier = variable == null ? null : variables.get(variable);
                int number = earlier != null ? earlier : ++standIns;
                if (variable != null) {
                    variables.putIfAbsent(variable, number);
                }
                parts.add(StandIns.forOperand(value, number));
            }
            operand = i + 1;
        }
        return anyLiteral ? StandIns.quotedWhereEnclosed(StandIns.quotedWhereQualifier(parts, currentDatabase))
                : List.of();
    }

    /**
     * The literals of {@code 'a' || 'b'} (T-SQL: {@code 'a' + 'b'}), possibly in parentheses, or of
     * {@code CONCAT('a', 'b')}, MySQL's way of joining strings (its {@code ||} is OR unless PIPES_AS_CONCAT is set);
     * an empty list when any part is not a literal.
     */
    static List<Token> literalParts(List<Token> expression) {
        List<Token> inside = BlankCharacterCalls.asLiterals(
                withoutGroupedLiterals(TopLevel.withoutEnclosingParentheses(expression)));
        if (inside.size() > 3 && inside.get(0).isWord("CONCAT") && inside.get(1).isSymbol("(")
                && TopLevel.closingParenthesis(inside, 1) == inside.size() - 1) {
            return concatenatedLiterals(inside.subList(2, inside.size() - 1));
        }
        if (inside.size() > 3 && inside.get(0).isWord("CONCAT_WS") && inside.get(1).isSymbol("(")
                && TopLevel.closingParenthesis(inside, 1) == inside.size() - 1) {
            return separatedLiterals(inside.subList(2, inside.size() - 1));
        }
        if (inside.isEmpty() || inside.size() % 2 == 0) {
            return List.of();
        }
        for (int i = 0; i < inside.size(); i++) {
            Token token = inside.get(i);
            boolean fits = i % 2 == 0 ? isSqlLiteral(token) : token.isSymbol("||") || token.isSymbol("+");
            if (!fits) {
                return List.of();
            }
        }
        return IntStream.range(0, inside.size()).filter(i -> i % 2 == 0).mapToObj(inside::get)
                .toList();
    }

    /**
     * {@code expression} with the parentheses left out that group literals alone as an operand ({@code 'SELECT * FROM t '
     * || ('WHERE id = 1') || ' ORDER BY id'}, as a CASE in parentheses leaves its arm once a call decides it): joining
     * texts does not depend on grouping. A function's parentheses stay ({@code upper('x')}).
     */
    private static List<Token> withoutGroupedLiterals(List<Token> expression) {
        List<Token> kept = null;
        for (int i = 0; i < expression.size(); i++) {
            Token token = expression.get(i);
            int close = token.isSymbol("(") && (i == 0 || expression.get(i - 1).type() == TokenType.SYMBOL)
                    ? TopLevel.closingParenthesis(expression, i) : -1;
            List<Token> grouped = close > i + 1 ? literalParts(expression.subList(i, close + 1)) : List.of();
            if (grouped.isEmpty()) {
                if (kept != null) {
                    kept.add(token);
                }
                continue;
            }
            if (kept == null) {
                kept = new ArrayList<>(expression.subList(0, i));
            }
            kept.addAll(withoutGroupedLiterals(TopLevel.withoutEnclosingParentheses(expression.subList(i, close + 1))));
            i = close;
        }
        return kept == null ? expression : kept;
    }

    /** The literals of CONCAT's arguments {@code 'a', 'b' || 'c'}, in order, or empty when one is not literals. */
    private static List<Token> concatenatedLiterals(List<Token> arguments) {
        List<Token> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= arguments.size(); i++) {
            Token token = i < arguments.size() ? arguments.get(i) : null;
            if (token != null && !(depth == 0 && token.isSymbol(","))) {
                depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
                continue;
            }
            List<Token> argument = literalParts(arguments.subList(start, i));
            if (argument.isEmpty()) {
                return List.of();
            }
            parts.addAll(argument);
            start = i + 1;
        }
        return parts;
    }

    /**
     * The literals of {@code CONCAT_WS(' ', 'a', 'b')} (MySQL, PostgreSQL): each text after the first argument, with
     * that separator between each two; empty when an argument is not one literal.
     */
    private static List<Token> separatedLiterals(List<Token> arguments) {
        List<List<Token>> each = DynamicSql.arguments(arguments);
        if (each.size() < 2 || each.stream().anyMatch(argument -> argument.size() != 1
                || !isSqlLiteral(argument.get(0)))) {
            return List.of();
        }
        List<Token> parts = new ArrayList<>();
        for (int k = 1; k < each.size(); k++) {
            if (k > 1) {
                parts.add(each.get(0).get(0));
            }
            parts.add(each.get(k).get(0));
        }
        return parts;
    }

    /**
     * A {@code '..'} literal, possibly prefixed ({@code N'..'}, {@code q'[..]'}), a dollar-quoted one, or MySQL's
     * {@code ".."}, which the lexer makes a string only there.
     */
    private static boolean isSqlLiteral(Token token) {
        String text = token.text();
        if (text.startsWith("$") || text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
            return token.type() == TokenType.STRING;
        }
        int open = text.indexOf('\'');
        return token.type() == TokenType.STRING && text.endsWith("'") && open >= 0 && open < text.length() - 1;
    }
}
