package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One term of a dedupe's condition that compares a value of one copy of a table with the same value of the other
 * copy: {@code a.k = b.k}, {@code lower(a.email) = lower(b.email)}, {@code a.id <> b.id}, {@code a.ctid > b.ctid},
 * {@code a.created_at < b.created_at OR (a.created_at = b.created_at AND a.id < b.id)}. Both sides must be the same
 * expression, one over each copy; a term of any other shape is no comparison of copies.
 *
 * @param relation what the term does to a pair of rows
 * @param at the index of the term's first token
 * @param written the term as written, for messages
 * @param shown the compared value for messages: the column's name for a column, else the left side as written
 * @param compared the compared value with the copy's name left out, the same for both sides and for every spelling
 */
record CopyComparison(Relation relation, int at, String written, String shown, String compared) {

    /** What a term does to the pairs of rows of the two copies. */
    enum Relation {
        /** {@code a.k = b.k}: pairs a row with its duplicates, and with itself. */
        KEY,
        /** {@code a.id <> b.id}: holds both ways, so both rows of a pair meet it, and never for a row and itself. */
        SYMMETRIC,
        /** {@code a.id >= b.id}: holds for a row paired with itself. */
        REFLEXIVE,
        /**
         * {@code a.id < b.id}, or a lexicographic order of such terms: it never closes a cycle, so the last row of
         * each group by that order meets no partner and stays.
         */
        STRICT
    }

    private static final Map<String, Relation> OPERATORS = Map.of("=", Relation.KEY, "<>", Relation.SYMMETRIC,
            "!=", Relation.SYMMETRIC, "^=", Relation.SYMMETRIC, "<", Relation.STRICT, ">", Relation.STRICT,
            "<=", Relation.REFLEXIVE, ">=", Relation.REFLEXIVE);
    /** Functions whose value differs at each call: the two sides of a term calling one are no longer the same. */
    private static final Set<String> VOLATILE = Set.of("RANDOM", "RAND", "NEWID", "UUID", "GEN_RANDOM_UUID",
            "UUID_GENERATE_V4", "SYS_GUID", "RANDOMBLOB");
    /** Words that stand in an expression without being a column: literals and the words of a cast. */
    private static final Set<String> PLAIN_WORDS = Set.of("NULL", "TRUE", "FALSE", "AS");

    /** One side of a comparison: the copy it reads and its text with that copy's name left out. */
    private record Side(String copy, String canonical) {
    }

    /**
     * The comparison of copies {@code first} and {@code second} (their qualifiers) that {@code [from, to)} is, or null
     * for a term of another shape.
     */
    static CopyComparison of(StatementTokens tokens, int from, int to, String first, String second) {
        int start = from;
        int end = to;
        while (start < end && tokens.isSymbol(start, "(") && tokens.closingParen(start) == end - 1) {
            start++;
            end--;
        }
        List<int[]> disjuncts = TokenConditionTruth.orTerms(tokens, start, end);
        if (disjuncts.size() > 1) {
            return lexicographic(tokens, start, end, disjuncts, first, second);
        }
        return comparison(tokens, start, end, first, second);
    }

    /**
     * {@code x(a) < x(b) OR (x(a) = x(b) AND y(a) < y(b)) [OR ..]}: each part orders by one more value among rows equal
     * on the values the parts before it ordered by, so the whole never closes a cycle (a cycle would have to move the
     * first value its parts order by one way only and still come back). Null for any other disjunction.
     */
    private static CopyComparison lexicographic(StatementTokens tokens, int from, int to, List<int[]> disjuncts,
            String first, String second) {
        List<String> orderedBefore = new ArrayList<>();
        for (int[] disjunct : disjuncts) {
            Set<String> equal = new HashSet<>();
            CopyComparison order = null;
            for (int[] conjunct : TokenConditionTruth.andTerms(tokens, disjunct[0], disjunct[1])) {
                CopyComparison part = of(tokens, conjunct[0], conjunct[1], first, second);
                if (part == null) {
                    return null;
                }
                if (part.relation() == Relation.KEY) {
                    equal.add(part.compared());
                } else if (part.relation() == Relation.STRICT && order == null) {
                    order = part;
                } else {
                    return null;
                }
            }
            if (order == null || !equal.containsAll(orderedBefore)) {
                return null;
            }
            orderedBefore.add(order.compared());
        }
        String written = Token.written(tokens.tokens().subList(from, to));
        // A nested order compares several values: no later part can hold them all equal, which keeps it last.
        return new CopyComparison(Relation.STRICT, from, written, written, "(" + String.join(", ", orderedBefore) + ")");
    }

    private static CopyComparison comparison(StatementTokens tokens, int from, int to, String first, String second) {
        int operator = -1;
        int operatorEnd = -1;
        Relation relation = null;
        List<Token> list = tokens.tokens();
        for (int i = from; i < to; i++) {
            if (tokens.isSymbol(i, "(")) {
                i = tokens.closingParen(i);
                continue;
            }
            Relation found = null;
            int end = i + 1;
            Token token = list.get(i);
            if (token.isSymbol("<=") && tokens.isSymbol(i + 1, ">")) {
                found = Relation.KEY; // MySQL's null-safe <=>
                end = i + 2;
            } else if (token.type() == TokenType.SYMBOL) {
                found = OPERATORS.get(token.text());
            } else if (token.isWord("IS") && tokens.isWord(i + 1, "DISTINCT") && tokens.isWord(i + 2, "FROM")) {
                found = Relation.SYMMETRIC;
                end = i + 3;
            } else if (token.isWord("IS") && tokens.isWord(i + 1, "NOT") && tokens.isWord(i + 2, "DISTINCT")
                    && tokens.isWord(i + 3, "FROM")) {
                found = Relation.KEY;
                end = i + 4;
            }
            if (found != null) {
                if (operator >= 0) {
                    return null;
                }
                operator = i;
                operatorEnd = end;
                relation = found;
                i = end - 1;
            }
        }
        if (operator <= from || operatorEnd >= to) {
            return null;
        }
        Side left = side(list, from, operator);
        Side right = side(list, operatorEnd, to);
        if (left == null || right == null || !left.canonical().equals(right.canonical())
                || !crosses(left.copy(), right.copy(), first, second)) {
            return null;
        }
        List<Token> leftTokens = list.subList(from, operator);
        ObjectNames.NameAt column = ObjectNames.readName(list, from);
        String shown = column != null && column.next() == operator ? ObjectNames.lastPart(column.text())
                : withoutCopyNames(leftTokens, left.copy());
        String written = Token.written(leftTokens) + " " + Token.written(list.subList(operator, operatorEnd)) + " "
                + Token.written(list.subList(operatorEnd, to));
        return new CopyComparison(relation, from, written, shown, left.canonical());
    }

    /** {@code lower(a.email)} written as {@code lower(email)}: the value both copies share, for messages. */
    private static String withoutCopyNames(List<Token> side, String copy) {
        StringBuilder text = new StringBuilder();
        int previousEnd = -1;
        for (int i = 0; i < side.size(); i++) {
            Token token = side.get(i);
            boolean copyName = i + 2 < side.size() && side.get(i + 1).isSymbol(".") && ObjectNames.isNamePart(token)
                    && ObjectNames.normalize(token.text()).equals(copy);
            if (previousEnd >= 0 && token.offset() != previousEnd) {
                text.append(' ');
            }
            if (copyName) {
                previousEnd = side.get(i + 2).offset(); // the column follows where the copy's name stood
                i++;
                continue;
            }
            text.append(token.text());
            previousEnd = token.endOffset();
        }
        return text.toString();
    }

    private static boolean crosses(String left, String right, String first, String second) {
        String one = ObjectNames.normalize(first);
        String other = ObjectNames.normalize(second);
        return !one.equals(other) && (left.equals(one) && right.equals(other) || left.equals(other) && right.equals(one));
    }

    /**
     * {@code [from, to)} read as an expression over one copy: every column in it qualified by that copy's name, and
     * any other word a function's name, a cast's type or a literal; null for anything else.
     */
    private static Side side(List<Token> tokens, int from, int to) {
        String copy = null;
        StringBuilder canonical = new StringBuilder();
        int i = from;
        while (i < to) {
            Token token = tokens.get(i);
            if (!ObjectNames.isNamePart(token)) {
                canonical.append(token.text()).append(' ');
                i++;
                continue;
            }
            ObjectNames.NameAt name = ObjectNames.readName(tokens, i);
            if (name == null || name.next() > to) {
                return null;
            }
            String qualifier = ObjectNames.qualifier(name.text());
            if (!qualifier.isEmpty()) {
                String normalized = ObjectNames.normalize(qualifier);
                if (ObjectNames.partCount(name.text()) != 2 || copy != null && !copy.equals(normalized)) {
                    return null;
                }
                copy = normalized;
                canonical.append("$.").append(ObjectNames.normalize(ObjectNames.lastPart(name.text())));
            } else if (isCall(tokens, name.next(), to) && !VOLATILE.contains(token.upper())
                    || i > from && tokens.get(i - 1).isAnyWord("AS") || i > from && tokens.get(i - 1).isSymbol("::")
                    || PLAIN_WORDS.contains(token.upper())) {
                canonical.append(token.upper());
            } else {
                return null; // an unqualified column: which copy it reads is not written
            }
            canonical.append(' ');
            i = name.next();
        }
        return copy == null ? null : new Side(copy, canonical.toString());
    }

    private static boolean isCall(List<Token> tokens, int next, int to) {
        return next < to && tokens.get(next).isSymbol("(");
    }
}
