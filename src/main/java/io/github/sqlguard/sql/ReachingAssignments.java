package io.github.sqlguard.sql;

import java.util.List;

/**
 * Which assignment of a variable reaches a use of it ({@link VariableAssignments}): the last one before the use, as
 * long as no loop, branch, block end or call between them could have run another.
 */
final class ReachingAssignments {

    private ReachingAssignments() {
    }

    /**
     * Which of the assignments (token indexes, in order) is the one whose text {@code use} runs, or -1: the last
     * one before it, when no loop in the scope could bring a later one round again, no branch holds it, and
     * nothing between it and the use (a branch, the end of a block, a call) could have run another. MySQL
     * procedures reuse one {@code @stmt} for each ALTER they prepare in turn ({@code SET @stmt = CONCAT('ALTER
     * TABLE ', t, ' DROP COLUMN id'); PREPARE st FROM @stmt;}), and each PREPARE runs the text set just before it.
     * A dynamic statement cannot set a block's local variable but through INTO or OUT, which leave it unknown
     * anyway; a session variable ({@code @stmt}) it can. The handler of a block that begins after the assignment
     * ({@code v := '..'; BEGIN EXECUTE IMMEDIATE v || 'a'; EXCEPTION WHEN e THEN EXECUTE IMMEDIATE v || 'b'; END})
     * runs only after it: no END lies between them, so that block is still open at the use.
     */
    static int of(List<Token> scope, List<Integer> assignedAt, List<List<Token>> expressions,
            Token use, Token variable, DefinedRoutineSpans routines) {
        boolean local = !variable.text().startsWith("@") || isDeclared(scope, variable);
        int reaching = -1;
        for (int k = 0; k < assignedAt.size() && scope.get(assignedAt.get(k)).offset() < use.offset(); k++) {
            reaching = k;
        }
        if (reaching < 0 || routines.contains(scope.get(assignedAt.get(reaching)))) {
            return -1; // an assignment in a routine's body runs when it is called, which the script may not do first
        }
        // T-SQL's IF c SET @s = .. takes one statement without BEGIN or END IF: the assignment may not have run.
        // One that opens a branch's or block's body (IF c THEN v := ..; IF @c = 1 BEGIN SET @s = ..) ran when the
        // use did, as the check below finds no END, ELSE or WHEN between them: the use is in that same body.
        // So does one that opens the ELSE arm of an IF closed by END IF (MySQL, PL/SQL, PL/pgSQL), where the arm runs
        // to that END IF; T-SQL's ELSE takes one statement, after which the use may run whichever arm ran.
        // A call before the assignment is a statement of its own, unterminated in T-SQL (EXEC sp_executesql @s
        // SELECT @s = ..): whatever branch holds that call ends with it, so what stands before it holds no more.
        // So does T-SQL's END written without a semicolon before the assignment (IF @Debug = 1 BEGIN PRINT @s END
        // SET @s = ..; WHILE .. BEGIN .. END SET @s = ..): it closes a block the assignment stands after, not in.
        for (int i = beforeQueryOf(scope, assignedAt.get(reaching) - 1); i >= 0
                && !StatementEnd.isSeparator(scope.get(i)); i--) {
            if (scope.get(i).isAnyWord("THEN", "BEGIN") || scope.get(i).isWord("ELSE") && endsWithEndIf(scope, use)
                    || i < assignedAt.get(reaching) - 1 && scope.get(i).isAnyWord("CALL", "EXEC", "EXECUTE")
                    || endsBlockBeforeStatement(scope, i)) {
                break;
            }
            if (scope.get(i).isAnyWord(DETOURS)) {
                return -1;
            }
        }
        List<Token> expression = expressions.get(reaching);
        int assigned = expression.isEmpty() ? scope.get(assignedAt.get(reaching)).offset()
                : expression.get(expression.size() - 1).offset();
        // A loop brings an assignment round again only when one stands after the use: with every one before it, the
        // last still holds when the use runs, in any pass (a branch that skips it ends, or turns, in between).
        boolean assignedAfterUse = assignedAt.stream().anyMatch(at -> scope.get(at).offset() > use.offset());
        if (assignedAfterUse && LoopWords.mayRunAgain(scope, use, routines)) {
            return -1;
        }
        // The assignment is the last one before the use, so a block or CASE that opens and closes between them
        // assigns nothing: its branches, handlers and returns cannot change what the use finds. What counts is an
        // END that closes the assignment's own block, and an ELSE, WHEN or handler of the construct that holds it.
        int opened = 0;
        boolean ifBetween = false;
        for (int i = 0; i < scope.size(); i++) {
            Token token = scope.get(i);
            if (routines.contains(token)) {
                continue; // a routine defined here runs its loops and branches only when called: a CALL is a detour
            }
            if (token.offset() <= assigned || token.offset() >= use.offset() || token.type() != TokenType.WORD) {
                continue;
            }
            if (!local && token.isAnyWord("CALL", "EXEC", "EXECUTE")) {
                return -1; // a routine or dynamic statement may set a session variable (MySQL's @v) at any depth
            }
            if (opensBlock(scope, i)) {
                opened++;
            } else if (token.isWord("END") && opened > 0) {
                opened -= closesUncountedConstruct(scope, i) ? 0 : 1;
            } else if (opened == 0 && token.isWord("IF")) {
                // An IF opened after the assignment and not closed before the use holds the use in its body, which
                // runs after the assignment did (IF n = 0 THEN EXECUTE IMMEDIATE 'ALTER TABLE ' || v ..); an ELSE
                // after it is that IF's own.
                ifBetween = true;
            } else if (opened == 0 && token.isAnyWord(DETOURS) && !token.isAnyWord("CALL", "EXEC", "EXECUTE")
                    && !(ifBetween && token.isAnyWord("ELSE", "ELSEIF", "ELSIF"))) {
                return -1;
            }
        }
        return reaching;
    }

    /**
     * Where to look for what holds an assignment that ends at {@code last}: before its SELECT when it is the
     * {@code INTO} of a query ({@code SELECT IF(COUNT(*) > 0, '..', '..') INTO @s FROM ..}), whose IF or CASE
     * chooses a value rather than a branch of the script; else {@code last} itself.
     */
    private static int beforeQueryOf(List<Token> scope, int last) {
        if (last < 0 || !scope.get(last).isWord("INTO")) {
            return last;
        }
        int depth = 0;
        for (int i = last - 1; i >= 0 && !StatementEnd.isSeparator(scope.get(i)); i--) {
            Token token = scope.get(i);
            depth += token.isSymbol(")") ? 1 : token.isSymbol("(") ? -1 : 0;
            if (depth == 0 && token.isWord("SELECT")) {
                return i - 1;
            }
        }
        return last;
    }

    /**
     * True for a T-SQL END (or END TRY, END CATCH) that the SET or SELECT of the next statement follows directly,
     * with no semicolon between: it closes a block, where a CASE's END would stand inside an expression.
     */
    private static boolean endsBlockBeforeStatement(List<Token> scope, int at) {
        if (!scope.get(at).isWord("END")) {
            return false;
        }
        int next = at + 1 < scope.size() && scope.get(at + 1).isAnyWord("TRY", "CATCH") ? at + 2 : at + 1;
        return next < scope.size() && scope.get(next).isAnyWord("SET", "SELECT");
    }

    /**
     * True for a BEGIN that opens a block (not T-SQL's BEGIN TRANSACTION or BEGIN DIALOG) or a CASE, each closed by
     * an END of its own.
     */
    private static boolean opensBlock(List<Token> scope, int at) {
        Token next = at + 1 < scope.size() ? scope.get(at + 1) : null;
        if (scope.get(at).isWord("CASE")) {
            return at == 0 || !scope.get(at - 1).isWord("END");
        }
        return scope.get(at).isWord("BEGIN") && !(next != null
                && next.isAnyWord("TRAN", "TRANSACTION", "DISTRIBUTED", "DIALOG", "CONVERSATION"));
    }

    /**
     * True for the END of END IF, END LOOP and the like, which close a construct that no BEGIN opened. T-SQL's END
     * followed on the next line by the next statement's IF or WHILE closes its BEGIN.
     */
    private static boolean closesUncountedConstruct(List<Token> scope, int at) {
        return at + 1 < scope.size() && scope.get(at + 1).isAnyWord("IF", "LOOP", "WHILE", "REPEAT", "FOR")
                && scope.get(at + 1).line() == scope.get(at).line();
    }

    /**
     * True when the scope declares {@code variable} ({@code DECLARE @nl NCHAR(2), @sql NVARCHAR(MAX)}): a T-SQL
     * variable, local to its batch or routine, which no procedure or dynamic statement it runs can set but through
     * an OUTPUT parameter, an assignment of its own. A MySQL {@code @v} is never declared.
     */
    private static boolean isDeclared(List<Token> scope, Token variable) {
        for (int i : ScopeIndex.of(scope).wordsNamed(variable.text())) {
            if (i == 0) {
                continue;
            }
            int depth = 0;
            for (int j = i - 1; j >= 0 && !StatementEnd.isSeparator(scope.get(j)); j--) {
                Token before = scope.get(j);
                depth += before.isSymbol(")") ? 1 : before.isSymbol("(") ? -1 : 0;
                if (depth == 0 && before.isWord("DECLARE") && (j == i - 1 || scope.get(i - 1).isSymbol(","))) {
                    return true;
                }
                if (j == i - 1 && !before.isSymbol(",") || depth == 0 && before.isAnyWord(NOT_DECLARING)) {
                    break;
                }
            }
        }
        return false;
    }

    /** Words that begin another statement or clause before a variable named after a comma. */
    private static final String[] NOT_DECLARING = {"SELECT", "SET", "EXEC", "EXECUTE", "FETCH", "INTO", "UPDATE",
        "INSERT", "DELETE", "WHERE", "FROM", "VALUES", "OUTPUT", "PRINT", "RETURN", "IF", "WHILE", "BEGIN", "END",
        "GROUP", "ORDER", "BY"};

    /** True when the first END after {@code use} is an END IF: the use stands in an arm of an IF .. THEN. */
    private static boolean endsWithEndIf(List<Token> scope, Token use) {
        for (int i = 0; i < scope.size(); i++) {
            if (scope.get(i).offset() > use.offset() && scope.get(i).isWord("END")) {
                return i + 1 < scope.size() && scope.get(i + 1).isWord("IF");
            }
        }
        return false;
    }

    private static final String[] DETOURS = {"IF", "ELSE", "ELSEIF", "ELSIF", "CASE", "WHEN", "END", "CALL", "EXEC",
        "EXECUTE", "LEAVE", "RETURN", "EXCEPTION"};
}
