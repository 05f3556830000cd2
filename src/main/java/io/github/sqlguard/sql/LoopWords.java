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
     * True when a loop of {@code scope} may run {@code use} again after a later statement: a loop that is still open
     * where the use stands, or a {@code GOTO} or {@code ITERATE} anywhere, which may jump back before it. A loop that
     * ended before the use (its {@code END LOOP}, {@code END WHILE}, .. stands before it) or that starts after it
     * does not, as in a package body whose procedures reuse one variable's name, some in loops and some not. T-SQL's
     * {@code WHILE c BEGIN .. END} has no closing word of its own: its body is the block after the condition, so the
     * END that closes that BEGIN ends the loop (a cursor's {@code WHILE @@FETCH_STATUS = 0 BEGIN .. END} before
     * the statements that build and run dynamic SQL). A T-SQL WHILE whose body is one statement without BEGIN stays
     * open to the end. Tokens of the {@code routines} defined in the scope are skipped: they run only when called.
     */
    static boolean mayRunAgain(List<Token> scope, Token use, DefinedRoutineSpans routines) {
        int open = 0;
        boolean awaitingBody = false;
        boolean awaitingWhileBody = false;
        for (int i : ScopeIndex.of(scope).loopMarks()) {
            Token token = scope.get(i);
            if (routines.contains(token)) {
                continue;
            }
            if (token.isAnyWord("GOTO", "ITERATE")) {
                return true;
            }
            if (token.offset() >= use.offset()) {
                continue;
            }
            // END WHILE, END LOOP close a loop on the END's line; T-SQL's END followed on the next line by WHILE
            // closes a block, and that WHILE opens another loop.
            boolean afterEnd = i > 0 && scope.get(i - 1).isWord("END") && scope.get(i - 1).line() == token.line();
            if (afterEnd && isLoop(scope, i) || afterEnd && token.isWord("FOREACH")) {
                open = Math.max(0, open - 1);
            } else if (token.isWord("LOOP") && awaitingBody) {
                awaitingBody = false; // the body of WHILE c LOOP, FOR i IN .. LOOP: one loop, not two
                awaitingWhileBody = false;
            } else if (isLoop(scope, i)) {
                open++;
                awaitingBody = token.isAnyWord("WHILE", "FOR", "FOREACH");
                awaitingWhileBody = token.isWord("WHILE");
            } else if (awaitingWhileBody && token.isWord("BEGIN")) {
                awaitingBody = false;
                awaitingWhileBody = false;
                int end = blockEnd(scope, i);
                if (end >= 0 && scope.get(end).offset() < use.offset()) {
                    open = Math.max(0, open - 1); // T-SQL: the loop's body block closed before the use
                }
            } else if (StatementEnd.isSeparator(token) || token.isAnyWord("DO", "BEGIN")) {
                awaitingBody = false;
                awaitingWhileBody = false;
            }
        }
        return open > 0;
    }

    /**
     * The index of the END that closes the plain {@code BEGIN} at {@code begin} (T-SQL's body of a WHILE), or -1 when
     * that BEGIN opens no block of its own (BEGIN TRY, whose body runs on through its CATCH) or is not closed.
     */
    private static int blockEnd(List<Token> scope, int begin) {
        int size = scope.size();
        if (!BlockSyntax.beginsBlock(scope, begin, size)
                || BlockSyntax.isTryOrCatch(BlockSyntax.at(scope, begin + 1, size))) {
            return -1;
        }
        BlockDepth depth = new BlockDepth(false);
        int parens = 0;
        for (int i = begin; i < size; i++) {
            depth.accept(scope, i, size, parens);
            parens += scope.get(i).isSymbol("(") ? 1 : scope.get(i).isSymbol(")") ? -1 : 0;
            if (!depth.isOpen()) {
                return i == begin ? -1 : i;
            }
        }
        return -1;
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
