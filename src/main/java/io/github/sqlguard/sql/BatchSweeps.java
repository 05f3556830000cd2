package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A schema-upgrade runner's batch directive: a line {@code --FOREACH table.column batch.size.property} runs the next
 * statement once for each range of {@code column}, from 0 up to its largest value in {@code table}, with the
 * placeholders {@code ${LOWERBOUND}} and {@code ${UPPERBOUND}} set to the range's ends. Over the whole sweep a
 * condition that keeps a column between those bounds ({@code id >= ${LOWERBOUND} AND id <= ${UPPERBOUND}},
 * {@code id BETWEEN ${LOWERBOUND} AND ${UPPERBOUND}}) lets every row through, so the statement the batches add up to
 * is the one without it. The runner forgets the directive once that statement ran, and reads it only on a line of its
 * own that starts with the dashes and the word glued ({@code -- FOREACH} is a comment).
 */
final class BatchSweeps {

    private static final Set<String> BOUNDS = Set.of("${LOWERBOUND}", "${UPPERBOUND}");
    private static final Set<String> RANGE_OPERATORS = Set.of("<", "<=", ">", ">=");

    /** The directives of a script, in the order of the text. */
    private final List<Token> directives = new ArrayList<>();

    /** The directives among a script's {@code comments}; {@code text} tells which stand first on their line. */
    BatchSweeps(List<Token> comments, String text) {
        for (Token comment : comments) {
            if (isDirective(comment) && firstOnLine(comment, text)) {
                directives.add(comment);
            }
        }
    }

    /**
     * A statement as the batches of a directive run it together.
     *
     * @param tokens its tokens without the batch bounds
     * @param removed the tokens that were left out, which the statement's text shows as blanks
     * @param label what to say of where it sits: {@code "run in batches by the --FOREACH t.id at line 4, .."}
     */
    record Swept(List<Token> tokens, Set<Token> removed, String label) {
    }

    /**
     * The statement {@code tokens} as its directive's batches run it together, when a directive stands between
     * {@code previousEnd} (the offset where the statement before it ended, or -1) and its first token and it keeps a
     * column between the batch bounds; empty otherwise.
     */
    Optional<Swept> sweep(List<Token> tokens, int previousEnd) {
        Token directive = null;
        for (Token candidate : directives) {
            if (candidate.offset() >= previousEnd && candidate.offset() < tokens.get(0).offset()) {
                directive = candidate;
            }
        }
        if (directive == null) {
            return Optional.empty();
        }
        // One term at a time, each read in what the earlier ones left: the last bound term takes the WHERE along.
        Set<Token> removed = new HashSet<>();
        List<Token> kept = tokens;
        for (int i = 0; i < kept.size(); i++) {
            if (bound(kept.get(i))) {
                List<Token> term = boundTermWithItsAnd(kept, i);
                if (!term.isEmpty()) {
                    removed.addAll(term);
                    kept = kept.stream().filter(token -> !removed.contains(token)).toList();
                    i = -1;
                }
            }
        }
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        String swept = directive.text().strip().split("[ \\t]+")[1];
        String label = "run in batches by the --FOREACH " + swept + " at line " + directive.line()
                + ", whose ${LOWERBOUND} to ${UPPERBOUND} ranges together cover every " + swept;
        return Optional.of(new Swept(kept, removed, label));
    }

    private static boolean isDirective(Token comment) {
        if (!comment.text().startsWith("--FOREACH")) {
            return false;
        }
        String[] parts = comment.text().strip().split("[ \\t]+");
        return parts.length == 3 && parts[0].equals("--FOREACH") && parts[1].indexOf('.') > 0;
    }

    /** True when only blanks stand before {@code comment} on its line of {@code text}, as a runner's directive. */
    static boolean firstOnLine(Token comment, String text) {
        for (int i = comment.offset() - 1; i >= 0 && text.charAt(i) != '\n' && text.charAt(i) != '\r'; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The tokens of the range term holding the bound at {@code bound} together with the AND that ties it to the rest
     * of its condition, or the WHERE when it is the whole condition; empty when the term is no plain range
     * comparison of a column. Brackets that hold the term alone go with it: once the first bound of {@code (id >=
     * ${LOWERBOUND} AND id <= ${UPPERBOUND})} is out, {@code (id <= ${UPPERBOUND})} is a term of the condition as a
     * whole. A term that is by itself one alternative of an OR ({@code deleted = 1 OR id <= ${UPPERBOUND}}) lets
     * every row through over the sweep, and so does that OR: it goes as a whole, the same way.
     */
    private static List<Token> boundTermWithItsAnd(List<Token> tokens, int bound) {
        int start = termStart(tokens, bound);
        int end = termEnd(tokens, bound);
        if (start < 0 || end < 0 || !rangeTerm(tokens, start, end)) {
            return List.of();
        }
        return sweepTrueWithItsTie(tokens, start, end);
    }

    /**
     * The tokens to leave out for the condition in {@code [start, end)}, which holds for every row over the sweep,
     * with the AND that ties it to its neighbours (AND binds before OR, so {@code a OR b AND term} keeps {@code a OR
     * b}), or the WHERE when it is the whole condition; when it is a whole alternative of an OR, the OR's whole
     * condition (in its brackets, or after its WHERE). Empty where leaving it out would not read as the sweep does: after
     * NOT, in a join's ON, or in the brackets of a call.
     */
    private static List<Token> sweepTrueWithItsTie(List<Token> tokens, int start, int end) {
        // The span is balanced, so a ( right before it and a ) right after it are one pair that holds it alone.
        while (start > 0 && end < tokens.size() && tokens.get(start - 1).isSymbol("(")
                && tokens.get(end).isSymbol(")")) {
            start--;
            end++;
        }
        List<Token> span = new ArrayList<>(tokens.subList(start, end));
        Token before = start > 0 ? tokens.get(start - 1) : null;
        Token after = end < tokens.size() ? tokens.get(end) : null;
        if (before != null && before.isWord("NOT")) {
            return List.of();
        }
        if (before != null && before.isWord("AND")) {
            span.add(before);
            return span;
        }
        if (after != null && after.isWord("AND")) {
            span.add(after);
            return span;
        }
        boolean alternative = before != null && before.isWord("OR") || after != null && after.isWord("OR");
        if (!alternative) {
            if (before != null && before.isWord("WHERE")) {
                span.add(before);
                return span;
            }
            return List.of();
        }
        int opener = levelOpener(tokens, start);
        int closer = levelCloser(tokens, end);
        if (opener < 0 || closer < 0) {
            return List.of();
        }
        if (tokens.get(opener).isWord("WHERE")) {
            return new ArrayList<>(tokens.subList(opener, closer));
        }
        boolean group = tokens.get(opener).isSymbol("(") && closer < tokens.size() && tokens.get(closer).isSymbol(")")
                && (opener == 0 || tokens.get(opener - 1).isSymbol("(")
                        || tokens.get(opener - 1).isAnyWord("AND", "OR", "WHERE"));
        return group ? sweepTrueWithItsTie(tokens, opener + 1, closer) : List.of();
    }

    /** The clause words after a condition that end the level it stands on. */
    private static final String[] LEVEL_ENDS = {"GROUP", "ORDER", "LIMIT", "RETURNING", "UNION", "HAVING", "FOR",
        "EXCEPT", "INTERSECT"};

    /**
     * Where the level of the condition that goes on at {@code from} ends: at the {@code )} that closes it, or at the
     * clause word or statement end after it.
     */
    private static int levelCloser(List<Token> tokens, int from) {
        return endAfter(tokens, from, false);
    }

    /** The {@code (} or clause word (WHERE, ON, HAVING) that opens the level of the condition holding {@code at}. */
    private static int levelOpener(List<Token> tokens, int at) {
        return startBefore(tokens, at, false);
    }

    /** Where the term holding {@code at} starts: after the AND, OR, WHERE, ON or {@code (} before it, at its level. */
    private static int termStart(List<Token> tokens, int at) {
        int opener = startBefore(tokens, at, true);
        return opener < 0 ? -1 : opener + 1;
    }

    /** Where the term holding {@code at} ends: at the AND, OR, {@code )} or clause word after it, at its level. */
    private static int termEnd(List<Token> tokens, int at) {
        return endAfter(tokens, at + 1, true);
    }

    /**
     * The first token from {@code from} at the level it stands on that ends that level ({@code )}, a clause word, the
     * statement's end) or, with {@code terms}, the term (an OR, or an AND that closes no BETWEEN); the end of the
     * tokens when none does.
     */
    private static int endAfter(List<Token> tokens, int from, boolean terms) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (depth-- == 0) {
                    return i;
                }
            } else if (depth == 0 && (token.isAnyWord(LEVEL_ENDS) || StatementEnd.isSeparator(token)
                    || terms && isTermBoundary(tokens, i))) {
                return i;
            }
        }
        return tokens.size();
    }

    /**
     * The last token before {@code at}, at its level, that opens that level ({@code (}, WHERE, ON, HAVING) or, with
     * {@code terms}, the term (an OR, or an AND that closes no BETWEEN); -1 when none does.
     */
    private static int startBefore(List<Token> tokens, int at, boolean terms) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(")) {
                if (depth-- == 0) {
                    return i;
                }
            } else if (depth == 0 && (token.isAnyWord("WHERE", "ON", "HAVING") || terms && isTermBoundary(tokens, i))) {
                return i;
            }
        }
        return -1;
    }

    /** An OR, or an AND that closes no BETWEEN: where one term of a condition ends and the next begins. */
    private static boolean isTermBoundary(List<Token> tokens, int at) {
        return tokens.get(at).isWord("OR") || tokens.get(at).isWord("AND") && !betweenOpen(tokens, at);
    }

    /** True when the AND at {@code and} closes a {@code BETWEEN} of its own term. */
    private static boolean betweenOpen(List<Token> tokens, int and) {
        int depth = 0;
        for (int i = and - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(")) {
                if (depth-- == 0) {
                    return false;
                }
            } else if (depth == 0 && token.isAnyWord("AND", "OR", "WHERE", "ON")) {
                return false;
            } else if (depth == 0 && token.isWord("BETWEEN")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for {@code col op bound}, {@code bound op col} (op one of {@code < <= > >=}) or {@code col BETWEEN bound
     * AND bound}, {@code col} a name that may be qualified.
     */
    private static boolean rangeTerm(List<Token> tokens, int start, int end) {
        List<Token> term = tokens.subList(start, end);
        int between = indexOfWord(term, "BETWEEN");
        if (between > 0) {
            return term.size() == between + 4 && column(term.subList(0, between)) && bound(term.get(between + 1))
                    && term.get(between + 2).isWord("AND") && bound(term.get(between + 3));
        }
        for (int op = 1; op < term.size() - 1; op++) {
            Token operator = term.get(op);
            if (operator.type() == TokenType.SYMBOL && RANGE_OPERATORS.contains(operator.text())) {
                List<Token> left = term.subList(0, op);
                List<Token> right = term.subList(op + 1, term.size());
                return column(left) && right.size() == 1 && bound(right.get(0))
                        || column(right) && left.size() == 1 && bound(left.get(0));
            }
        }
        return false;
    }

    private static int indexOfWord(List<Token> tokens, String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean bound(Token token) {
        return token.type() == TokenType.PLACEHOLDER && BOUNDS.contains(token.text());
    }

    /** True for {@code name} or {@code a.b}, {@code a.b.c}: name parts joined by dots. */
    private static boolean column(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.size() % 2 == 0) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean ok = i % 2 == 0 ? token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_NAME
                    : token.isSymbol(".");
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
