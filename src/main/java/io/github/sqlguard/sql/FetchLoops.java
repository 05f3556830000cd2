package io.github.sqlguard.sql;

import static io.github.sqlguard.sql.BlockSyntax.isSymbolAt;
import static io.github.sqlguard.sql.BlockSyntax.isWordAt;

import java.util.ArrayList;
import java.util.List;

/**
 * Cursor loops that fetch the next row and then only test for the cursor's end before the statement that follows:
 * that statement runs once for every row the cursor's query reads, as the body of a {@code FOR r IN c LOOP} does
 * ({@link RowLoop}).
 *
 * <ul>
 * <li>PL/SQL: {@code LOOP FETCH c INTO v; EXIT WHEN c%NOTFOUND; <statement>}</li>
 * <li>PL/pgSQL: {@code LOOP FETCH c INTO r; EXIT WHEN NOT FOUND; <statement>}, or {@code IF NOT FOUND THEN EXIT;
 * END IF;} (maybe with a {@code RAISE NOTICE} before the EXIT), and {@code FETCH c INTO r; WHILE FOUND LOOP
 * <statement> .. FETCH c INTO r; END LOOP}</li>
 * <li>MySQL: {@code LOOP FETCH c INTO v; IF done THEN LEAVE l; END IF; <statement>}, where {@code done} is what a
 * {@code CONTINUE HANDLER FOR NOT FOUND SET done = ..} sets</li>
 * <li>T-SQL: {@code FETCH NEXT FROM c INTO @v; WHILE @@FETCH_STATUS = 0 BEGIN <statement> ..}, which tests before
 * each body and fetches again at its end, or {@code WHILE 1 = 1 BEGIN FETCH NEXT FROM c INTO @v; IF @@FETCH_STATUS
 * <> 0 BREAK; <statement> ..}</li>
 * </ul>
 * Anything else between the FETCH and the statement (another FETCH, an assignment, another exit test) may skip rows
 * or change the fetched values, and makes the loop no such loop; before the FETCH, a counter's assignment ({@code n
 * := n + 1;}) or a notice changes neither.
 */
final class FetchLoops {

    /** How many tokens back a FETCH before a WHILE may start: one with dozens of INTO variables. */
    private static final int MAX_FETCH_LENGTH = 200;

    private FetchLoops() {
    }

    /** A fetch loop and where its body proper starts, after the FETCH and the end test. */
    record Prologue(RowLoop loop, int bodyStart) {
    }

    /** One {@code FETCH [NEXT] [FROM | IN] c INTO a, b ..}, and the index after it and its {@code ;}. */
    private record Fetch(String cursor, List<String> targets, int end) {
    }

    /** The fetch loop whose {@code LOOP} word is at {@code loopAt}, or null for another loop. */
    static Prologue afterLoop(List<Token> tokens, int loopAt, int to) {
        Fetch fetch = fetch(tokens, afterNotices(tokens, afterAssignments(tokens, loopAt + 1, to), to), to);
        if (fetch == null) {
            return null;
        }
        List<Token> before = tokens.subList(0, loopAt);
        int bodyStart = endTest(tokens, fetch, to, before);
        List<Token> query = bodyStart < 0 ? null : CursorDeclarations.query(before, fetch.cursor());
        return query == null ? null : new Prologue(RowLoop.fetching(fetch.cursor(), fetch.targets(), query), bodyStart);
    }

    /**
     * The T-SQL fetch loop whose {@code WHILE} is at {@code whileAt}, right after a FETCH, with the condition
     * {@code @@FETCH_STATUS = 0} and a {@code BEGIN} block as its body; or null.
     */
    static RowLoop whileFetched(List<Token> tokens, int whileAt, int to) {
        int fetchAt = fetchBefore(tokens, whileAt, to);
        if (fetchAt < 0) {
            return null;
        }
        Fetch fetch = fetch(tokens, fetchAt, to);
        int at = whileAt + 1;
        boolean parenthesised = isSymbolAt(tokens, at, to, "(");
        at += parenthesised ? 1 : 0;
        if (!isWordAt(tokens, at, to, "@@FETCH_STATUS") || !isSymbolAt(tokens, at + 1, to, "=")
                || !isNumber(tokens, at + 2, to, "0")) {
            return null;
        }
        at += 3;
        if (parenthesised && !isSymbolAt(tokens, at++, to, ")") || !isWordAt(tokens, at, to, "BEGIN")) {
            return null;
        }
        List<Token> query = CursorDeclarations.query(tokens.subList(0, fetchAt), fetch.cursor());
        return query == null ? null : RowLoop.fetching(fetch.cursor(), fetch.targets(), query);
    }

    /**
     * The PL/pgSQL fetch loop whose {@code WHILE FOUND LOOP} is at {@code whileAt}, right after a FETCH: FOUND tells
     * whether that FETCH read a row, and the body fetches the next one at its end, as T-SQL's {@code WHILE
     * @@FETCH_STATUS = 0} does; or null.
     */
    static RowLoop whileFound(List<Token> tokens, int whileAt, int to) {
        if (!isWordAt(tokens, whileAt + 1, to, "FOUND") || !isWordAt(tokens, whileAt + 2, to, "LOOP")) {
            return null;
        }
        int fetchAt = fetchBefore(tokens, whileAt, to);
        if (fetchAt < 0) {
            return null;
        }
        Fetch fetch = fetch(tokens, fetchAt, to);
        List<Token> query = CursorDeclarations.query(tokens.subList(0, fetchAt), fetch.cursor());
        return query == null ? null : RowLoop.fetching(fetch.cursor(), fetch.targets(), query);
    }

    /**
     * The T-SQL fetch loop whose BEGIN block is at {@code beginAt}, where its {@code WHILE @@FETCH_STATUS = 0}, with
     * the condition in parentheses or not, ends right before; or null.
     */
    static RowLoop whileFetchedBefore(List<Token> tokens, int beginAt, int to) {
        for (int whileAt : new int[] {beginAt - 4, beginAt - 6}) {
            if (whileAt >= 0 && tokens.get(whileAt).isWord("WHILE")) {
                return whileFetched(tokens, whileAt, to);
            }
        }
        return null;
    }

    /**
     * The T-SQL fetch loop written as an endless loop that fetches first: {@code WHILE 1 = 1 BEGIN FETCH NEXT FROM c
     * INTO @v; IF @@FETCH_STATUS <> 0 BREAK; <statement> ..}, whose BEGIN is at {@code beginAt}; or null.
     */
    static Prologue afterEndlessWhileBegin(List<Token> tokens, int beginAt, int to) {
        if (!endlessWhileBefore(tokens, beginAt, to)) {
            return null;
        }
        Fetch fetch = fetch(tokens, beginAt + 1, to);
        if (fetch == null) {
            return null;
        }
        int at = fetch.end();
        if (!isWordAt(tokens, at, to, "IF")) {
            return null;
        }
        boolean parenthesised = isSymbolAt(tokens, at + 1, to, "(");
        at += parenthesised ? 2 : 1;
        boolean notFetched = isWordAt(tokens, at, to, "@@FETCH_STATUS")
                && (isSymbolAt(tokens, at + 1, to, "<>") || isSymbolAt(tokens, at + 1, to, "!="))
                && isNumber(tokens, at + 2, to, "0");
        at += 3;
        if (!notFetched || parenthesised && !isSymbolAt(tokens, at++, to, ")") || !isWordAt(tokens, at, to, "BREAK")) {
            return null;
        }
        at++;
        while (isSemicolon(tokens, at, to)) {
            at++;
        }
        List<Token> query = CursorDeclarations.query(tokens.subList(0, beginAt), fetch.cursor());
        return query == null ? null : new Prologue(RowLoop.fetching(fetch.cursor(), fetch.targets(), query), at);
    }

    /** True when {@code WHILE 1 = 1}, in parentheses or not, ends right before {@code beginAt}. */
    private static boolean endlessWhileBefore(List<Token> tokens, int beginAt, int to) {
        int at = beginAt - 4;
        if (at >= 0 && isWordAt(tokens, at, to, "WHILE")) {
            return isNumber(tokens, at + 1, to, "1") && isSymbolAt(tokens, at + 2, to, "=")
                    && isNumber(tokens, at + 3, to, "1");
        }
        at = beginAt - 6;
        return at >= 0 && isWordAt(tokens, at, to, "WHILE") && isSymbolAt(tokens, at + 1, to, "(")
                && isNumber(tokens, at + 2, to, "1") && isSymbolAt(tokens, at + 3, to, "=")
                && isNumber(tokens, at + 4, to, "1") && isSymbolAt(tokens, at + 5, to, ")");
    }

    /** Where the FETCH that ends right before {@code at} starts, or -1. */
    private static int fetchBefore(List<Token> tokens, int at, int to) {
        for (int i = at - 1; i >= 0 && i >= at - MAX_FETCH_LENGTH; i--) {
            Fetch fetch = tokens.get(i).isWord("FETCH") ? fetch(tokens, i, to) : null;
            if (fetch != null) {
                return fetch.end() == at ? i : -1;
            }
        }
        return -1;
    }

    /** The FETCH at {@code at}, or null when none starts there. */
    private static Fetch fetch(List<Token> tokens, int at, int to) {
        if (!isWordAt(tokens, at, to, "FETCH")) {
            return null;
        }
        at++;
        at += isWordAt(tokens, at, to, "NEXT") ? 1 : 0;
        at += isWordAt(tokens, at, to, "FROM") || isWordAt(tokens, at, to, "IN") ? 1 : 0;
        Token cursor = BlockSyntax.at(tokens, at, to);
        if (cursor == null || cursor.type() != TokenType.WORD || !isWordAt(tokens, at + 1, to, "INTO")) {
            return null;
        }
        List<String> targets = new ArrayList<>();
        at += 2;
        while (true) {
            Token target = BlockSyntax.at(tokens, at, to);
            if (target == null || target.type() != TokenType.WORD) {
                return null;
            }
            targets.add(target.text());
            at++;
            if (!isSymbolAt(tokens, at, to, ",")) {
                break;
            }
            at++;
        }
        Token after = BlockSyntax.at(tokens, at, to);
        if (after != null && !BlockSyntax.endsStatementText(after) && !BlockSyntax.isStatementStarter(tokens, at, to)) {
            return null;
        }
        while (after != null && BlockSyntax.isSemicolon(after)) {
            after = BlockSyntax.at(tokens, ++at, to);
        }
        return new Fetch(cursor.text(), targets, at);
    }

    /**
     * The index after the end test that follows the FETCH: {@code EXIT WHEN <end>;} or {@code IF <end> THEN EXIT |
     * LEAVE label; END IF;}; -1 when another statement follows.
     */
    private static int endTest(List<Token> tokens, Fetch fetch, int to, List<Token> before) {
        int at = fetch.end();
        if (isWordAt(tokens, at, to, "EXIT") && isWordAt(tokens, at + 1, to, "WHEN")) {
            int end = endCondition(tokens, at + 2, to, fetch.cursor(), before);
            return end < 0 || !isSemicolon(tokens, end, to) ? -1 : end + 1;
        }
        if (!isWordAt(tokens, at, to, "IF")) {
            return -1;
        }
        int then = endCondition(tokens, at + 1, to, fetch.cursor(), before);
        if (then < 0 || !isWordAt(tokens, then, to, "THEN")) {
            return -1;
        }
        at = afterNotices(tokens, then + 1, to);
        if (isWordAt(tokens, at, to, "LEAVE") && wordAt(tokens, at + 1, to)) {
            at += 2;
        } else if (isWordAt(tokens, at, to, "EXIT")) {
            at += wordAt(tokens, at + 1, to) && !isWordAt(tokens, at + 1, to, "END") ? 2 : 1;
        } else {
            return -1;
        }
        boolean closed = isSemicolon(tokens, at, to) && isWordAt(tokens, at + 1, to, "END")
                && isWordAt(tokens, at + 2, to, "IF") && isSemicolon(tokens, at + 3, to);
        return closed ? at + 4 : -1;
    }

    /**
     * The index after the assignments {@code n := n + 1;} at {@code at} (PL/pgSQL, PL/SQL): before the FETCH they
     * choose no row, and the FETCH sets its own targets; {@code at} itself when none starts there.
     */
    private static int afterAssignments(List<Token> tokens, int at, int to) {
        while (wordAt(tokens, at, to) && isSymbolAt(tokens, at + 1, to, ":=")) {
            int next = afterSemicolon(tokens, at + 2, to);
            if (next < 0) {
                return at;
            }
            at = next;
        }
        return at;
    }

    /**
     * The index after the PL/pgSQL {@code RAISE NOTICE ..;} statements (also INFO, LOG, DEBUG, WARNING) at {@code at},
     * which only report and go on; {@code at} itself when none starts there.
     */
    private static int afterNotices(List<Token> tokens, int at, int to) {
        while (isWordAt(tokens, at, to, "RAISE") && BlockSyntax.at(tokens, at + 1, to) != null
                && tokens.get(at + 1).isAnyWord("NOTICE", "INFO", "LOG", "DEBUG", "WARNING")) {
            int next = afterSemicolon(tokens, at + 2, to);
            if (next < 0) {
                return at;
            }
            at = next;
        }
        return at;
    }

    /** The index after the first semicolon at or after {@code from}, or -1 when none comes before {@code to}. */
    private static int afterSemicolon(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isSemicolon(tokens, i, to)) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The index after a condition that holds exactly when the FETCH found no row: {@code c%NOTFOUND},
     * {@code NOT FOUND}, or the variable a NOT FOUND handler sets ({@code done}, {@code done = 1}, {@code done =
     * TRUE}); -1 for any other.
     */
    private static int endCondition(List<Token> tokens, int at, int to, String cursor, List<Token> before) {
        if (isWordAt(tokens, at, to, cursor) && isSymbolAt(tokens, at + 1, to, "%")
                && isWordAt(tokens, at + 2, to, "NOTFOUND")) {
            return at + 3;
        }
        if (isWordAt(tokens, at, to, "NOT") && isWordAt(tokens, at + 1, to, "FOUND")) {
            return at + 2;
        }
        Token flag = BlockSyntax.at(tokens, at, to);
        if (flag == null || flag.type() != TokenType.WORD || !setByNotFoundHandler(before, flag.text())) {
            return -1;
        }
        if (isSymbolAt(tokens, at + 1, to, "=")
                && (isNumber(tokens, at + 2, to, "1") || isWordAt(tokens, at + 2, to, "TRUE"))) {
            return at + 3;
        }
        return at + 1;
    }

    /** True when a {@code CONTINUE HANDLER FOR NOT FOUND SET flag = 1 | TRUE} comes before. */
    private static boolean setByNotFoundHandler(List<Token> before, String flag) {
        int to = before.size();
        for (int i = 0; i + 7 < to; i++) {
            if (isWordAt(before, i, to, "HANDLER") && isWordAt(before, i + 1, to, "FOR")
                    && isWordAt(before, i + 2, to, "NOT") && isWordAt(before, i + 3, to, "FOUND")
                    && isWordAt(before, i + 4, to, "SET") && isWordAt(before, i + 5, to, flag)
                    && isSymbolAt(before, i + 6, to, "=")
                    && (isNumber(before, i + 7, to, "1") || isWordAt(before, i + 7, to, "TRUE"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordAt(List<Token> tokens, int at, int to) {
        Token token = BlockSyntax.at(tokens, at, to);
        return token != null && token.type() == TokenType.WORD;
    }

    private static boolean isSemicolon(List<Token> tokens, int at, int to) {
        return BlockSyntax.isSemicolon(BlockSyntax.at(tokens, at, to));
    }

    private static boolean isNumber(List<Token> tokens, int at, int to, String number) {
        Token token = BlockSyntax.at(tokens, at, to);
        return token != null && token.type() == TokenType.NUMBER && token.text().equals(number);
    }
}
