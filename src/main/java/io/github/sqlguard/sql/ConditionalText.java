package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic SQL chosen by a condition, as MySQL migrations make a statement run only when needed: {@code SET @s =
 * IF(cond, 'ALTER TABLE t DROP COLUMN c', 'SELECT 1')}, also {@code (SELECT IF(..))}, {@code CASE WHEN .. THEN '..'
 * ELSE '..' END} and T-SQL's {@code IIF(cond, '..', '..')}, also one inside a branch of another. Which branch runs
 * is decided when the migration runs, so every branch is read, each as a statement of its own.
 */
final class ConditionalText {

    /**
     * The text of every branch.
     *
     * @param parts the parts of each branch's text in turn (literals, and stand-ins for what is built at run time),
     *     with a {@code ;} between branches
     * @param partlyBuilt true when a branch is not known whole
     */
    record Branches(List<Token> parts, boolean partlyBuilt) {
    }

    /** The most texts the conditional operands of one join are read as: each one multiplies them by its branches. */
    private static final int MAX_JOINED_TEXTS = 16;

    private ConditionalText() {
    }

    /** The branches of the conditional {@code expression}, or null when it is none or no branch shows any SQL. */
    static Branches of(List<Token> expression, int standInsBefore) {
        List<List<Token>> branches = branches(unwrapped(expression));
        if (branches == null) {
            branches = joinedBranches(expression);
        }
        if (branches == null) {
            return null;
        }
        List<Token> parts = new ArrayList<>();
        boolean partlyBuilt = false;
        int standIns = standInsBefore;
        for (List<Token> branch : branches) {
            List<Token> known = TextParts.literalParts(branch);
            Branches nested = known.isEmpty() ? of(branch, standIns) : null;
            if (nested != null) { // IF(a, IF(b, '..', '..'), '..'): each inner branch may run as well
                known = nested.parts();
                partlyBuilt |= nested.partlyBuilt();
            } else if (known.isEmpty()) {
                known = TextParts.partsWithStandIns(branch, standIns);
                partlyBuilt |= StandIns.leaveShapeOpen(known); // NULL, a variable, or literals joined with others
            }
            if (known.isEmpty()) {
                continue;
            }
            if (!parts.isEmpty()) {
                Token first = known.get(0);
                parts.add(new Token(TokenType.WORD, ";", first.offset(), first.line(), first.column()));
            }
            standIns += (int) known.stream().filter(part -> part.type() == TokenType.WORD).count();
            parts.addAll(known);
        }
        return parts.isEmpty() ? null : new Branches(parts, partlyBuilt);
    }

    /**
     * The texts of a join with a conditional operand, one for each of its branches ({@code 'DROP ' || CASE WHEN ..
     * THEN 'PUBLIC SYNONYM ' ELSE 'SYNONYM ' END || name} is {@code 'DROP ' || 'PUBLIC SYNONYM ' || name} or
     * {@code 'DROP ' || 'SYNONYM ' || name}), so that the words around the condition are read with each; null when
     * no operand of a join of several is conditional, or when so many are that their combinations would be too many
     * texts to read. A later conditional operand is read with each of these in turn.
     */
    private static List<List<Token>> joinedBranches(List<Token> expression) {
        List<int[]> conditionals = new ArrayList<>();
        long texts = 1;
        int depth = 0;
        int operand = 0;
        for (int i = 0; i <= expression.size(); i++) {
            Token token = i < expression.size() ? expression.get(i) : null;
            if (token != null && !(depth == 0 && (token.isSymbol("||") || token.isSymbol("+")))) {
                depth += token.isSymbol("(") || token.isWord("CASE") ? 1
                        : token.isSymbol(")") || token.isWord("END") ? -1 : 0;
                continue;
            }
            List<List<Token>> inner = operand == 0 && token == null ? null
                    : branches(unwrapped(expression.subList(operand, i)));
            if (inner != null) {
                conditionals.add(new int[] {operand, i});
                texts *= inner.size();
            }
            operand = i + 1;
        }
        if (conditionals.isEmpty() || texts > MAX_JOINED_TEXTS) {
            return null;
        }
        int[] first = conditionals.get(0);
        List<List<Token>> joined = new ArrayList<>();
        for (List<Token> branch : branches(unwrapped(expression.subList(first[0], first[1])))) {
            List<Token> text = new ArrayList<>(expression.subList(0, first[0]));
            text.addAll(branch);
            text.addAll(expression.subList(first[1], expression.size()));
            joined.add(text);
        }
        return joined;
    }

    /** True when {@code expression} is one {@code IF(..)}, {@code IIF(..)} or CASE expression with its branches. */
    static boolean isConditional(List<Token> expression) {
        return branches(expression) != null;
    }

    /** Without enclosing parentheses and the {@code SELECT} of a scalar subquery that reads no table. */
    private static List<Token> unwrapped(List<Token> expression) {
        List<Token> inside = expression;
        boolean changed = true;
        while (changed) {
            List<Token> enclosed = TopLevel.withoutEnclosingParentheses(inside);
            changed = enclosed != inside;
            inside = enclosed;
            if (inside.size() > 1 && inside.get(0).isWord("SELECT") && TopLevel.wordIndex(inside, 0, "FROM") < 0) {
                inside = inside.subList(1, inside.size());
                changed = true;
            }
        }
        return inside;
    }

    /** The value expressions of {@code IF(c, a, b)}, {@code IIF(c, a, b)} or a CASE expression, else null. */
    private static List<List<Token>> branches(List<Token> expression) {
        if (expression.size() > 3 && expression.get(0).isAnyWord("IF", "IIF") && expression.get(1).isSymbol("(")
                && TopLevel.closingParenthesis(expression, 1) == expression.size() - 1) {
            List<List<Token>> arguments = DynamicSql.arguments(expression.subList(2, expression.size() - 1));
            return arguments.size() == 3 ? arguments.subList(1, 3) : null;
        }
        if (expression.size() < 4 || !expression.get(0).isWord("CASE")
                || !expression.get(expression.size() - 1).isWord("END")) {
            return null;
        }
        List<List<Token>> branches = new ArrayList<>();
        int depth = 0;
        int value = -1;
        for (int i = 1; i < expression.size(); i++) {
            Token token = expression.get(i);
            boolean boundary = depth == 0 && token.isAnyWord("WHEN", "THEN", "ELSE", "END");
            if (boundary && value >= 0) {
                branches.add(expression.subList(value, i));
                value = -1;
            }
            if (boundary && token.isAnyWord("THEN", "ELSE")) {
                value = i + 1;
            }
            depth += token.isSymbol("(") || token.isWord("CASE") ? 1 : token.isSymbol(")") || token.isWord("END") ? -1 : 0;
        }
        return branches.isEmpty() ? null : branches;
    }
}
