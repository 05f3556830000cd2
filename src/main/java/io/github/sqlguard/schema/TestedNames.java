package io.github.sqlguard.schema;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The places in a select-list item where a name is only tested, so that the item's value keeps nothing of the
 * column's: {@code CASE WHEN note IS NULL THEN 0 ELSE 1 END}, {@code note = ''}, {@code length(secret)}. A table
 * rebuild whose copy reads a column only so has not carried its values over. A name read anywhere else in the item
 * ({@code IFNULL(color, '')}, {@code BIN2B64(key_handle)}, {@code CASE WHEN x > 0 THEN x END}) counts as carried, and
 * so does a flag that is a whole WHEN condition ({@code CASE WHEN deleted THEN 5 ELSE type_id END}).
 */
final class TestedNames {

    /** Functions whose result tells something about their argument but keeps none of its value. */
    private static final Set<String> MEASURES = Set.of("length", "octet_length", "char_length",
            "character_length", "bit_length", "len", "datalength", "typeof", "sign", "count");
    /** Comparison operators, each one token: the result of a comparison keeps nothing of its operands. */
    private static final Set<String> COMPARISONS = Set.of("=", "==", "<>", "!=", "^=", "<", "<=", ">", ">=");
    /** Words after a name that test it ({@code note IS NULL}, {@code note LIKE 'a%'}, {@code note NOT IN (..)}). */
    private static final Set<String> TESTING_WORDS = Set.of("IS", "LIKE", "ILIKE", "GLOB", "REGEXP", "RLIKE",
            "IN", "BETWEEN", "NOT", "ISNULL", "NOTNULL");

    private TestedNames() {
    }

    /** The indexes in {@code [0, end)} of {@code item} of the names it only tests. */
    static Set<Integer> in(List<Token> item, int end) {
        Set<Integer> tested = new HashSet<>();
        // Per open CASE: whether its current part is a test (the operand of a simple CASE, or a WHEN condition).
        Deque<Boolean> cases = new ArrayDeque<>();
        // Per open parenthesis: whether it holds the argument of a measure, or sits inside one that does.
        Deque<Boolean> measured = new ArrayDeque<>();
        for (int i = 0; i < end; i++) {
            Token token = item.get(i);
            if (token.isWord("CASE")) {
                cases.push(true);
            } else if (token.isWord("WHEN") && !cases.isEmpty()) {
                cases.pop();
                cases.push(true);
            } else if (token.isAnyWord("THEN", "ELSE") && !cases.isEmpty()) {
                cases.pop();
                cases.push(false);
            } else if (token.isWord("END") && !cases.isEmpty()) {
                cases.pop();
            } else if (token.isSymbol("(")) {
                boolean inside = !measured.isEmpty() && measured.peek();
                boolean measure = i > 0 && isName(item.get(i - 1))
                        && MEASURES.contains(item.get(i - 1).text().toLowerCase(Locale.ROOT));
                measured.push(inside || measure);
            } else if (token.isSymbol(")") && !measured.isEmpty()) {
                measured.pop();
            } else if (isName(token) && !(i + 1 < end && item.get(i + 1).isSymbol("("))
                    && (!cases.isEmpty() && cases.peek() && !aloneAsCondition(item, i, end)
                            || !measured.isEmpty() && measured.peek() || comparedAt(item, i, end))) {
                tested.add(i);
            }
        }
        return tested;
    }

    /**
     * True for a flag that is a WHEN condition by itself ({@code CASE WHEN deleted THEN 5 ELSE type_id END}): its
     * value chooses the result, which tells it apart again.
     */
    private static boolean aloneAsCondition(List<Token> item, int i, int end) {
        int first = i;
        while (first >= 2 && item.get(first - 1).isSymbol(".") && isName(item.get(first - 2))) {
            first -= 2;
        }
        return first > 0 && item.get(first - 1).isWord("WHEN") && i + 1 < end && item.get(i + 1).isWord("THEN");
    }

    /** True when the name at {@code i} (or the qualified name it ends) is an operand of a comparison or a test. */
    private static boolean comparedAt(List<Token> item, int i, int end) {
        int first = i;
        while (first >= 2 && item.get(first - 1).isSymbol(".") && isName(item.get(first - 2))) {
            first -= 2;
        }
        Token before = first > 0 ? item.get(first - 1) : null;
        Token after = i + 1 < end ? item.get(i + 1) : null;
        return before != null && before.type() == TokenType.SYMBOL && COMPARISONS.contains(before.text())
                || after != null && (after.type() == TokenType.SYMBOL && COMPARISONS.contains(after.text())
                        || after.isAnyWord(TESTING_WORDS.toArray(String[]::new)));
    }

    private static boolean isName(Token token) {
        return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME;
    }
}
