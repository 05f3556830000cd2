package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides from tokens whether a WHERE condition holds for every row: splits it at top-level OR and AND,
 * looks inside parentheses and NOT, and evaluates the simple terms ({@code 1 = 1}, {@code TRUE},
 * {@code WHERE 1}, {@code id = id}). Any term it does not recognise is UNKNOWN, never true.
 */
public final class TokenConditionTruth {

    private final StatementTokens tokens;
    /** The one table the condition reads, whose columns a bare name and a qualified one both name. */
    private final SoleTableColumns scope;
    private final TokenOperands operands;

    private TokenConditionTruth(StatementTokens tokens) {
        this(tokens, SoleTableColumns.NONE);
    }

    private TokenConditionTruth(StatementTokens tokens, SoleTableColumns scope) {
        this.tokens = tokens;
        this.scope = scope;
        this.operands = new TokenOperands(tokens, scope);
    }

    /** True when {@code condition}, the tokens of a WHERE, holds for every row ({@code TRUE}, {@code 1 = 1}). */
    public static boolean holdsForEveryRow(List<Token> condition) {
        return of(new StatementTokens(condition), 0, condition.size()) == Truth.ALWAYS_TRUE;
    }

    /**
     * True when {@code condition}, the tokens of a WHERE, names no column and holds ({@code TRUE}, {@code 1},
     * {@code 1 = 1}): it keeps every row whatever the rows hold, where {@code id = id}, which
     * {@link #holdsForEveryRow} accepts, leaves out the rows whose id is NULL.
     */
    public static boolean holdsWithoutReadingRows(List<Token> condition) {
        for (int i = 0; i < condition.size(); i++) {
            Token token = condition.get(i);
            if (token.type() == TokenType.WORD ? !isLiteralWord(condition, i) && !token.isWord("OR")
                    : token.type() != TokenType.NUMBER && token.type() != TokenType.STRING
                            && token.type() != TokenType.SYMBOL) {
                return false;
            }
        }
        return !condition.isEmpty() && holdsForEveryRow(condition);
    }

    /** The truth of the condition in tokens {@code [from, to)}. */
    static Truth of(StatementTokens tokens, int from, int to) {
        return new TokenConditionTruth(tokens).disjunction(from, to);
    }

    /**
     * The truth of the condition in tokens {@code [from, to)} that reads the columns of {@code scope}'s table alone,
     * where {@code e.empno = empno} compares a column with itself.
     */
    static Truth of(StatementTokens tokens, int from, int to, SoleTableColumns scope) {
        return new TokenConditionTruth(tokens, scope).disjunction(from, to);
    }

    /**
     * The parts of the condition in {@code [from, to)} joined by its top-level OR, inside the parentheses that wrap
     * it whole, each as {@code [from, to)}; one part when it has no such OR.
     */
    static List<int[]> orTerms(StatementTokens tokens, int from, int to) {
        TokenConditionTruth truth = new TokenConditionTruth(tokens);
        int wrapped = truth.wrappedDepth(from, to);
        return truth.split(from + wrapped, to - wrapped, "OR");
    }

    /**
     * The parts of the condition in {@code [from, to)} joined by its top-level AND, inside the parentheses that wrap
     * it whole, each as {@code [from, to)}; one part when it has no such AND.
     */
    static List<int[]> andTerms(StatementTokens tokens, int from, int to) {
        TokenConditionTruth truth = new TokenConditionTruth(tokens);
        int wrapped = truth.wrappedDepth(from, to);
        return truth.split(from + wrapped, to - wrapped, "AND");
    }

    /**
     * True when the condition in {@code [from, to)} holds a term made of literals alone ({@code 3 IN (1, 3)},
     * {@code 'a' LIKE '%'}, {@code NULL IS NULL}) whose truth the tokens leave undecided: such a term may hold
     * for every row, and only the parser's expression tree can tell. A term that names a column cannot hold for
     * every row unless it compares the column with itself or covers NULL both ways, which the tokens decide.
     */
    static boolean hasUndecidedLiteralTerm(StatementTokens tokens, int from, int to) {
        return new TokenConditionTruth(tokens).undecidedLiteralTerm(from, to);
    }

    private boolean undecidedLiteralTerm(int from, int to) {
        int wrapped = wrappedDepth(from, to);
        if (wrapped > 0) {
            return undecidedLiteralTerm(from + wrapped, to - wrapped);
        }
        List<int[]> terms = split(from, to, "OR");
        if (terms.size() == 1) {
            terms = split(from, to, "AND");
        }
        if (terms.size() > 1) {
            return terms.stream().anyMatch(term -> undecidedLiteralTerm(term[0], term[1]));
        }
        if (tokens.isWord(from, "NOT")) {
            return undecidedLiteralTerm(from + 1, to);
        }
        return literalsOnly(from, to) && factor(from, to) == Truth.UNKNOWN;
    }

    private static final Set<String> LITERAL_WORDS = Set.of("TRUE", "FALSE", "NULL", "UNKNOWN", "IS", "NOT", "IN",
            "LIKE", "ILIKE", "ESCAPE", "BETWEEN", "AND", "DISTINCT", "FROM");

    /** A word of a condition of literals alone; {@code UNKNOWN} only as the truth value, else it names a column. */
    private static boolean isLiteralWord(List<Token> tokens, int index) {
        return LITERAL_WORDS.contains(tokens.get(index).upper()) && !UnknownTruthValue.nameAt(tokens, index);
    }

    private boolean literalsOnly(int from, int to) {
        for (int i = from; i < to; i++) {
            Token token = tokens.tokens().get(i);
            boolean literal = switch (token.type()) {
                case NUMBER, STRING, SYMBOL -> true;
                case WORD -> isLiteralWord(tokens.tokens(), i);
                default -> false;
            };
            if (!literal) {
                return false;
            }
        }
        return true;
    }

    /** How many parentheses wrap all of {@code [from, to)}: unwrapped at once, not by splitting at every level. */
    private int wrappedDepth(int from, int to) {
        return wrappedDepth(tokens, from, to);
    }

    /** How many parentheses of {@code tokens} wrap all of {@code [from, to)}. */
    static int wrappedDepth(StatementTokens tokens, int from, int to) {
        int depth = 0;
        while (from + depth < to - depth && tokens.isSymbol(from + depth, "(")
                && tokens.closingParen(from + depth) == to - depth - 1) {
            depth++;
        }
        return depth;
    }

    private Truth disjunction(int from, int to) {
        int wrapped = wrappedDepth(from, to);
        if (wrapped > 0) {
            return disjunction(from + wrapped, to - wrapped);
        }
        List<int[]> terms = split(from, to, "OR");
        if (terms.size() == 1) {
            return conjunction(from, to);
        }
        if (NullTestPairs.coverEveryValue(tokens, scope, terms)) {
            return Truth.ALWAYS_TRUE;
        }
        return Truth.or(terms.stream().map(term -> conjunction(term[0], term[1])).toList());
    }

    private Truth conjunction(int from, int to) {
        List<int[]> terms = split(from, to, "AND");
        if (terms.size() == 1) {
            return factor(from, to);
        }
        return Truth.and(terms.stream().map(term -> factor(term[0], term[1])).toList());
    }

    private Truth factor(int from, int to) {
        if (from >= to) {
            return Truth.UNKNOWN;
        }
        if (tokens.isWord(from, "NOT")) {
            return factor(from + 1, to).not();
        }
        if (tokens.isSymbol(from, "(") && tokens.closingParen(from) == to - 1) {
            // A query of its own reads its own FROM: a bare name there may be a column of another table.
            return tokens.isWord(from + 1, "SELECT", "WITH")
                    ? new TokenConditionTruth(tokens).disjunction(from + 1, to - 1) : disjunction(from + 1, to - 1);
        }
        BooleanTestPredicate.Written test = BooleanTestPredicate.endingAt(tokens, from, to);
        if (test != null) {
            return BooleanTestPredicate.of(possibleValues(from, test.operandEnd()), test.tested(), test.not());
        }
        if (to - from == 1) {
            Token only = tokens.tokens().get(from);
            if (only.isAnyWord("TRUE", "FALSE")) {
                return Truth.of(only.isWord("TRUE"));
            }
            if (only.type() == TokenType.STRING && only.text().startsWith("'") && only.text().endsWith("'")) {
                // MySQL's WHERE '1' holds for every row, PostgreSQL's WHERE 't' too: the dialect decides.
                return tokens.textAsCondition().truthOf(only.text().substring(1, only.text().length() - 1));
            }
            if (only.text().length() > 1 && only.text().startsWith("\"") && only.text().endsWith("\"")) {
                return tokens.textAsCondition().truthOfDoubleQuoted(only.text().substring(1, only.text().length() - 1));
            }
            return only.type() == TokenType.NUMBER ? Comparison.ofNumber(only.text()) : Truth.UNKNOWN;
        }
        if (to - from == 2 && (tokens.isSymbol(from, "-") || tokens.isSymbol(from, "+"))
                && tokens.tokens().get(from + 1).type() == TokenType.NUMBER) {
            return Comparison.ofNumber(tokens.tokens().get(from + 1).text()); // MySQL's WHERE -1 holds like WHERE 1
        }
        if (tokens.isWord(from, "EXISTS") && tokens.isSymbol(from + 1, "(") && tokens.closingParen(from + 1) == to - 1) {
            return selectsLiteralsOnly(from + 2, to - 1) ? Truth.ALWAYS_TRUE : Truth.UNKNOWN;
        }
        Truth cast = booleanCast(from, to);
        if (cast != Truth.UNKNOWN) {
            return cast;
        }
        if (tokens.isSymbol(from, "(")) {
            return rowComparison(from, to);
        }
        if (RowCountCap.everyRowPasses(tokens, from, to) == Truth.ALWAYS_TRUE) {
            return Truth.ALWAYS_TRUE;
        }
        TokenOperands.OperandAt left = operands.at(from);
        if (left == null || left.next() >= to) {
            return Truth.UNKNOWN;
        }
        int next = left.next();
        if (tokens.isWord(next, "IS")) {
            return isTest(left.operand(), next + 1, to);
        }
        boolean not = tokens.isWord(next, "NOT");
        int keyword = not ? next + 1 : next;
        if (tokens.isWord(keyword, "BETWEEN")) {
            Truth between = between(left.operand(), keyword + 1, to);
            return not ? between.not() : between;
        }
        if (tokens.isWord(keyword, "LIKE")) {
            TokenOperands.OperandAt pattern = operands.at(keyword + 1);
            Truth like = pattern == null || pattern.next() != to ? Truth.UNKNOWN
                    : Comparison.like(left.operand(), pattern.operand());
            return not ? like.not() : like;
        }
        // A list of literals alone is left to the parser's tree, which also reads the rest of the statement.
        if (!not && left.operand().kind() == Comparison.Kind.COLUMN
                && tokens.isWord(keyword, "IN") && tokens.isSymbol(keyword + 1, "(")
                && tokens.closingParen(keyword + 1) == to - 1) {
            return inItsOwnList(left.operand(), keyword + 2, to - 1);
        }
        if (tokens.tokens().get(next).type() != TokenType.SYMBOL) {
            return Truth.UNKNOWN;
        }
        String operator = tokens.tokens().get(next).text();
        TokenOperands.OperandAt right = operands.at(next + 1);
        if (!Comparison.OPERATORS.contains(operator) || right == null || right.next() != to) {
            return Truth.UNKNOWN;
        }
        return Comparison.evaluate(left.operand(), operator, right.operand());
    }

    /**
     * {@code id IN (7, id)}: a column listed among its own values in {@code [from, close)} holds as
     * {@code id = id} does; a subquery or an item the tokens cannot read leaves it undecided.
     */
    private Truth inItsOwnList(Comparison.Operand value, int from, int close) {
        List<Comparison.Operand> items = operands.row(from, close);
        return items != null && items.stream().anyMatch(item -> Comparison.evaluate(value, "=", item)
                == Truth.ALWAYS_TRUE) ? Truth.ALWAYS_TRUE : Truth.UNKNOWN;
    }

    /**
     * {@code x IS [NOT] NULL} of a literal, {@code x IS [NOT] DISTINCT FROM y}, SQLite's {@code x IS [NOT] y}; {@code at}
     * is just after IS.
     * An empty string is left alone: Oracle reads {@code ''} as NULL.
     */
    private Truth isTest(Comparison.Operand left, int at, int to) {
        boolean not = tokens.isWord(at, "NOT");
        int i = not ? at + 1 : at;
        if (tokens.isWord(i, "NULL") && i + 1 == to) {
            boolean literal = left.kind() == Comparison.Kind.NUMBER
                    || left.kind() == Comparison.Kind.STRING && !left.value().isEmpty();
            return literal ? Truth.of(not) : Truth.UNKNOWN;
        }
        if (tokens.isWord(i, "DISTINCT") && tokens.isWord(i + 1, "FROM")) {
            TokenOperands.OperandAt right = operands.at(i + 2);
            return right == null || right.next() != to ? Truth.UNKNOWN
                    : Comparison.evaluate(left, not ? "<=>" : "<>", right.operand());
        }
        // SQLite: x IS y compares as IS NOT DISTINCT FROM, NULL equal to NULL; elsewhere only words follow IS
        // (TRUE, JSON, EMPTY, ..), which are no operand equal to x.
        TokenOperands.OperandAt right = tokens.isWord(i, "TRUE", "FALSE", "UNKNOWN") ? null : operands.at(i);
        return right == null || right.next() != to ? Truth.UNKNOWN
                : Comparison.evaluate(left, not ? "<>" : "<=>", right.operand());
    }

    /** The values the operand {@code [from, to)} of {@code IS [NOT] TRUE|FALSE|UNKNOWN} can take. */
    private Set<BooleanTestPredicate.Value> possibleValues(int from, int to) {
        int wrapped = wrappedDepth(from, to);
        boolean single = split(from + wrapped, to - wrapped, "OR").size() == 1
                && split(from + wrapped, to - wrapped, "AND").size() == 1;
        if (single && BooleanTestPredicate.isNullValue(tokens, from + wrapped, to - wrapped)) {
            return java.util.EnumSet.of(BooleanTestPredicate.Value.NULL);
        }
        return BooleanTestPredicate.possibleValues(disjunction(from, to),
                BooleanTestPredicate.neverNull(tokens, from, to));
    }

    /** {@code low AND high} in {@code [from, to)} after {@code x BETWEEN}. */
    private Truth between(Comparison.Operand value, int from, int to) {
        TokenOperands.OperandAt low = operands.at(from);
        if (low == null || !tokens.isWord(low.next(), "AND")) {
            return Truth.UNKNOWN;
        }
        TokenOperands.OperandAt high = operands.at(low.next() + 1);
        if (high == null || high.next() != to) {
            return Truth.UNKNOWN;
        }
        return Truth.and(List.of(Comparison.evaluate(value, ">=", low.operand()),
                Comparison.evaluate(value, "<=", high.operand())));
    }

    /** PostgreSQL {@code 't'::boolean} and {@code CAST('t' AS boolean)}: a string read as a boolean. */
    private Truth booleanCast(int from, int to) {
        if (to - from == 3 && tokens.isSymbol(from + 1, "::") && tokens.isWord(from + 2, "BOOLEAN", "BOOL")) {
            TokenOperands.OperandAt text = operands.uncastAt(from);
            return text == null ? Truth.UNKNOWN : Comparison.ofBooleanCast(text.operand());
        }
        if (to - from == 6 && tokens.isWord(from, "CAST") && tokens.isSymbol(from + 1, "(")
                && tokens.isWord(from + 3, "AS") && tokens.isWord(from + 4, "BOOLEAN", "BOOL")
                && tokens.isSymbol(from + 5, ")")) {
            TokenOperands.OperandAt text = operands.at(from + 2);
            return text == null ? Truth.UNKNOWN : Comparison.ofBooleanCast(text.operand());
        }
        return Truth.UNKNOWN;
    }

    /** {@code SELECT 1}, {@code SELECT 'x', NULL}: a select of literals alone, with no FROM, returns a row. */
    private boolean selectsLiteralsOnly(int from, int to) {
        if (!tokens.isWord(from, "SELECT") || from + 1 >= to) {
            return false;
        }
        boolean expectValue = true;
        for (int i = from + 1; i < to; i++) {
            Token token = tokens.tokens().get(i);
            boolean value = token.type() == TokenType.NUMBER || token.type() == TokenType.STRING
                    || token.isAnyWord("TRUE", "FALSE", "NULL");
            if (expectValue ? !value : !token.isSymbol(",")) {
                return false;
            }
            expectValue = !expectValue;
        }
        return !expectValue;
    }

    /** {@code (a, b) = (a, b)} in {@code [from, to)}, {@code from} at the left row's opening parenthesis. */
    private Truth rowComparison(int from, int to) {
        int leftEnd = tokens.closingParen(from);
        int operator = leftEnd + 1;
        if (leftEnd < 0 || operator + 1 >= to || tokens.tokens().get(operator).type() != TokenType.SYMBOL
                || !tokens.isSymbol(operator + 1, "(") || tokens.closingParen(operator + 1) != to - 1) {
            return Truth.UNKNOWN;
        }
        List<Comparison.Operand> left = operands.row(from + 1, leftEnd);
        List<Comparison.Operand> right = operands.row(operator + 2, to - 1);
        return left == null || right == null ? Truth.UNKNOWN
                : Comparison.evaluateRows(left, tokens.tokens().get(operator).text(), right);
    }

    /**
     * Splits {@code [from, to)} at {@code word} outside parentheses and CASE..END; the AND of
     * {@code BETWEEN a AND b} does not split.
     */
    private List<int[]> split(int from, int to, String word) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int partStart = from;
        boolean betweenOpen = false;
        for (int i = from; i < to; i++) {
            Token token = tokens.tokens().get(i);
            if (token.isSymbol("(") || token.isWord("CASE")) {
                depth++;
            } else if (token.isSymbol(")") || token.isWord("END")) {
                depth--;
            } else if (depth == 0 && token.isWord("BETWEEN")) {
                betweenOpen = true;
            } else if (depth == 0 && (token.isWord(word)
                    || word.equals("OR") && tokens.barsAreOr() && token.isSymbol("||"))) {
                if (betweenOpen && word.equals("AND")) {
                    betweenOpen = false;
                } else {
                    parts.add(new int[] {partStart, i});
                    partStart = i + 1;
                }
            }
        }
        parts.add(new int[] {partStart, to});
        return parts;
    }
}
