package io.github.sqlguard.sql;

import java.util.List;

/**
 * The words that make a loop in a script or a routine's body, which may bring a later assignment of a variable
 * round again before an earlier use: {@code LOOP}, {@code WHILE}, {@code REPEAT}, {@code FOREACH}, a {@code GOTO}
 * or {@code ITERATE} back, and a {@code FOR} that is a loop.
 */
final class LoopWords {

    private static final String[] LOOPS = {"LOOP", "WHILE", "FOREACH", "GOTO", "ITERATE"};

    /** The words after which a FOR opens a statement: a block's start, a branch, a loop's body. */
    private static final String[] STATEMENT_OPENERS = {"BEGIN", "DO", "THEN", "ELSE", "LOOP"};

    private LoopWords() {
    }

    /**
     * True when the token at {@code at} in {@code scope} makes a loop. A REPEAT with an argument list is the string
     * function of MySQL and PostgreSQL ({@code REPEAT('-', 3)}), not the loop, whose body follows the word.
     */
    static boolean isLoop(List<Token> scope, int at) {
        Token token = scope.get(at);
        return token.isAnyWord(LOOPS) || isForLoop(scope, at)
                || token.isWord("REPEAT") && !(at + 1 < scope.size() && scope.get(at + 1).isSymbol("("));
    }

    /**
     * True when the FOR at {@code at} is a loop: it opens a statement ({@code FOR i IN 1..3 LOOP}, {@code l: FOR ..
     * DO}, {@code <<l>> FOR ..}) or closes one ({@code END FOR}). Elsewhere FOR loops over nothing: T-SQL's
     * {@code NEXT VALUE FOR seq}, {@code DEFAULT 0 FOR col} and {@code FOR XML PATH}, a cursor's {@code CURSOR FOR},
     * a trigger's {@code FOR INSERT}, everyday words in the scripts that restart a sequence by dynamic SQL.
     */
    private static boolean isForLoop(List<Token> scope, int at) {
        if (!scope.get(at).isWord("FOR")) {
            return false;
        }
        Token previous = at > 0 ? scope.get(at - 1) : null;
        return previous == null || StatementEnd.isSeparator(previous) || previous.isSymbol(":")
                || previous.isSymbol(">") || previous.isSymbol(">>") || previous.isWord("END")
                || previous.isAnyWord(STATEMENT_OPENERS);
    }
}
