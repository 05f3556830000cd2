package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the words of a script or routine body stand, by name, and where the words that make or leave a loop stand
 * among its statement ends. The analysis of variables asks once for each use of a variable where else it is named
 * and whether a loop may run the use again; a T-SQL procedure of thousands of statements runs its variables
 * hundreds of times, and reading the whole body again for each use made such a procedure take seconds.
 *
 * <p>The index of the last scope a thread read is kept, as the uses of one scope are read one after the other. A
 * scope is known again when it holds the very same tokens: a routine body read for a call that passes literals
 * leaves out the branches those literals cannot take, so two reads of one body may differ in a few tokens only.
 */
final class ScopeIndex {

    /** The words that open, close or leave a loop ({@link LoopWords}), or that end the wait for a loop's body. */
    private static final Set<String> LOOP_MARKS = Set.of("loop", "while", "foreach", "goto", "iterate", "for",
            "repeat", "begin", "do");
    private static final int[] NONE = new int[0];
    private static final ThreadLocal<ScopeIndex> LAST = new ThreadLocal<>();

    private final Token[] tokens;
    private final Map<String, int[]> wordsByName;
    private final int[] loopMarks;

    private ScopeIndex(List<Token> scope) {
        tokens = scope.toArray(Token[]::new);
        int size = tokens.length;
        Map<String, List<Integer>> byName = new HashMap<>();
        List<Integer> marks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Token token = tokens[i];
            if (token.type() == TokenType.WORD) {
                String name = caseFolded(token.text());
                byName.computeIfAbsent(name, key -> new ArrayList<>()).add(i);
                if (LOOP_MARKS.contains(name)) {
                    marks.add(i);
                }
            } else if (StatementEnd.isSeparator(token)) {
                marks.add(i);
            }
        }
        wordsByName = new HashMap<>(byName.size() * 2);
        byName.forEach((name, at) -> wordsByName.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
        loopMarks = marks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of {@code scope}, built once while the same thread goes on reading the same scope. */
    static ScopeIndex of(List<Token> scope) {
        ScopeIndex known = LAST.get();
        if (known != null && known.indexes(scope)) {
            return known;
        }
        ScopeIndex built = new ScopeIndex(scope);
        LAST.set(built);
        return built;
    }

    /**
     * The indexes, in order, of the words of the scope equal to {@code name} ignoring case, as
     * {@link Token#isWord} compares them.
     */
    int[] wordsNamed(String name) {
        return wordsByName.getOrDefault(caseFolded(name), NONE);
    }

    /**
     * The indexes, in order, of the tokens that may change whether a loop is open ({@link LoopWords#mayRunAgain}):
     * the loop words, {@code BEGIN}, {@code DO} and every statement end. Every other token leaves it
     * as it was.
     */
    int[] loopMarks() {
        return loopMarks;
    }

    /** True when {@code scope} holds the same tokens, compared by identity, which is quick beside any scan. */
    private boolean indexes(List<Token> scope) {
        if (scope.size() != tokens.length) {
            return false;
        }
        int i = 0;
        for (Token token : scope) {
            if (token != tokens[i++]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text with each character folded as {@link String#equalsIgnoreCase} folds it, so that two names are equal
     * here exactly when they are equal ignoring case there.
     */
    private static String caseFolded(String text) {
        char[] folded = text.toCharArray();
        for (int i = 0; i < folded.length; i++) {
            folded[i] = Character.toLowerCase(Character.toUpperCase(folded[i]));
        }
        return new String(folded);
    }
}
