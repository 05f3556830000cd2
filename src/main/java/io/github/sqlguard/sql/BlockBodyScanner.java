package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the statements inside a procedural body (PL/SQL, PL/pgSQL, MySQL compound statement, T-SQL
 * batch): strips the block syntax around them ({@code BEGIN}, declaration sections, {@code IF .. THEN},
 * {@code ELSE}, loops, {@code EXCEPTION WHEN .. THEN}, labels, {@code END ..}) and returns each statement's
 * tokens, which keep their positions in the file. Nested blocks are flattened into one list.
 */
final class BlockBodyScanner {

    private static final char BLOCK = 'B';
    private static final char SECTION = 'D';

    private final BodyDeclares declares;
    private List<Token> tokens;
    private int from;
    private int to;
    private int pos;
    private final StringBuilder open = new StringBuilder();
    private final List<BodyStatement> statements = new ArrayList<>();
    /** Set once the body reaches a branch, loop, handler or inner block: what follows may not run, or run twice. */
    private boolean branched;
    /** Set after a T-SQL {@code IF cond} or {@code WHILE cond} that governs the one statement that follows. */
    private boolean governsNext;
    /**
     * Counts the control-flow words passed so far: two statements with the same count have nothing between them
     * that could run one without the other.
     */
    private int arm;
    /** The stretch the scanner is in and those that enclose it. */
    private final BodyStretches stretches = new BodyStretches();
    /**
     * The control word just passed was a label in a body without GOTO, which only LEAVE, EXIT or ITERATE of the loop or
     * block after it use (MySQL and PL/pgSQL have no GOTO at all): nothing jumps to it, so its stretch goes on.
     */
    private boolean passedLabelNoGoto;
    /** The step just taken collected the query of a FOR loop's header, and opened the loop as well. */
    private boolean loopQueryCollected;
    /** Whether the body holds a GOTO, read at its first label; null until then. */
    private Boolean bodyHasGoto;
    /** Set once the body declares a condition handler, which may go on after a statement that failed. */
    private boolean handled;
    /**
     * Set once the body branches with {@code IF .. THEN} (or loops with {@code LOOP}, {@code DO}): PL/pgSQL,
     * PL/SQL, MySQL, whose routines stop at an error that no handler takes; T-SQL has no such word and goes on.
     */
    private boolean thenBlocks;
    private final IfArms ifArms = new IfArms();
    private final BodyRowLoops rowLoops = new BodyRowLoops(ifArms);
    private final HandledBlocks handledBlocks = new HandledBlocks();
    /** The literals one call passes for the routine's parameters, by lower-case name; empty for the body itself. */
    private final Map<String, Token> arguments;
    /** Set after a T-SQL {@code IF cond} that the call's literals never meet: what it governs never runs. */
    private boolean governsDeadCode;
    /** The nesting of the T-SQL block such an IF governs, inside which nothing runs; -1 outside one. */
    private int deadBlockAt = -1;

    /**
     * @param localDeclare true when DECLARE declares a local, a cursor or a handler (MySQL, T-SQL) rather than
     *     starting a section (PL/SQL, PL/pgSQL)
     */
    BlockBodyScanner(boolean localDeclare) {
        this(localDeclare, Map.of());
    }

    /**
     * A scanner of a routine's body as one call runs it: the arms of an IF whose condition the call's literals
     * never meet ({@link ArgumentConditions}) are left out, as the call runs none of their statements.
     *
     * @param arguments the literals the call passes for the routine's parameters, by lower-case name
     */
    BlockBodyScanner(boolean localDeclare, Map<String, Token> arguments) {
        this.declares = new BodyDeclares(localDeclare);
        this.arguments = arguments;
    }

    /**
     * The statements of {@code tokens[from, to)}.
     *
     * @param startInDeclarations true for an Oracle routine body that starts after IS/AS, in its
     *     declaration section
     */
    List<BodyStatement> scan(List<Token> allTokens, int from, int end, boolean startInDeclarations) {
        this.tokens = allTokens;
        this.from = from;
        this.to = end;
        this.pos = from;
        this.bodyHasGoto = null;
        if (startInDeclarations) {
            open.append(SECTION);
            skipDeclarations();
        }
        while (pos < to) {
            scanOne();
        }
        return rowLoops.finished(statements);
    }

    private void scanOne() {
        if (BlockSyntax.endsStatementText(tokens.get(pos))) {
            pos++;
            return;
        }
        int collected = statements.size();
        handledBlocks.follow(open.length(), collected);
        int nestingBefore = nesting();
        loopQueryCollected = false;
        scanControlOrStatement();
        // A FOR .. LOOP opens its loop whether or not its header query was collected as a statement on the way.
        if (statements.size() == collected || loopQueryCollected) {
            arm++;
            if (!passedLabelNoGoto) {
                stretches.follow(nestingBefore, nesting());
            }
        }
        passedLabelNoGoto = false;
    }

    /** Whether a GOTO stands anywhere in the body: read once, at the first label, not at every one. */
    private boolean bodyHasGoto() {
        if (bodyHasGoto == null) {
            bodyHasGoto = BodyExtents.hasGoto(tokens, from, to);
        }
        return bodyHasGoto;
    }

    private int nesting() {
        return open.length() + ifArms.open();
    }

    private void scanControlOrStatement() {
        Token token = tokens.get(pos);
        boolean governedIsDead = governsDeadCode;
        governsDeadCode = false;
        RowLoop fetchLoop = rowLoops.takeExpectedFetchLoop();
        if (token.type() != TokenType.WORD) {
            if (BodyExtents.isLabel(tokens, pos, to)) {
                passedLabelNoGoto = !bodyHasGoto();
                pos += 5;
            } else {
                collectStatement(governedIsDead);
            }
        } else if (BlockSyntax.beginsBlock(tokens, pos, to)) {
            if (pos == from && fetchLoop == null) {
                // T-SQL: a script's WHILE @@FETCH_STATUS = 0 ends the statement before the BEGIN block it governs.
                fetchLoop = FetchLoops.whileFetchedBefore(tokens, pos, to);
                governsNext |= fetchLoop != null;
            }
            // T-SQL: WHILE 1 = 1 BEGIN FETCH ..; IF @@FETCH_STATUS <> 0 BREAK; runs the rest for each row.
            FetchLoops.Prologue endless = fetchLoop == null ? FetchLoops.afterEndlessWhileBegin(tokens, pos, to) : null;
            if (endless != null && pos == from) {
                governsNext = true;
            }
            if (governedIsDead && deadBlockAt < 0) {
                deadBlockAt = open.length();
            }
            boolean tryOrCatch = BlockSyntax.isTryOrCatch(BlockSyntax.at(tokens, pos + 1, to));
            branched |= open.length() > 0 || governsNext || tryOrCatch;
            pos += tryOrCatch ? 2 : 1;
            open.append(BLOCK);
            pos = BlockSyntax.afterAtomic(tokens, pos, to);
            if (fetchLoop != null && governsNext) {
                rowLoops.openFetchLoop(open.length(), fetchLoop, pos);
            } else if (endless != null && governsNext) {
                // Whether the loop's body runs at all is not read here: what it copies guards nothing.
                rowLoops.openFetchLoop(open.length(), BodyRowLoops.alwaysIf(false, endless.loop()),
                        endless.bodyStart());
                pos = endless.bodyStart();
            }
        } else if (token.isWord("END")) {
            scanEnd();
        } else if (token.isWord("DECLARE") && !BlockSyntax.isTsqlVariable(BlockSyntax.at(tokens, pos + 1, to))) {
            scanDeclare();
        } else if (token.isAnyWord("IF", "ELSIF", "ELSEIF", "WHILE", "WHEN", "FORALL") && !isFunctionCall()) {
            RowLoop whileFound = null;
            if (token.isWord("WHILE")) {
                boolean runsWithBody = !branched && !governsNext;
                rowLoops.expectFetchLoop(BodyRowLoops.alwaysIf(runsWithBody, FetchLoops.whileFetched(tokens, pos, to)));
                whileFound = BodyRowLoops.alwaysIf(runsWithBody, FetchLoops.whileFound(tokens, pos, to));
            }
            BulkLoops.Forall forall = token.isWord("FORALL") ? BulkLoops.at(tokens, pos, to) : null;
            rowLoops.expectForall(forall == null ? null : new BulkLoops.Forall(
                    BodyRowLoops.alwaysIf(!branched && !governsNext, forall.loop()), forall.statementAt()));
            pos++;
            int conditionAt = pos;
            pos = BodyExtents.conditionEnd(tokens, pos, to, false);
            if (token.isWord("FORALL") && BlockSyntax.isWordAt(tokens, pos, to, "SAVE")
                    && BlockSyntax.isWordAt(tokens, pos + 1, to, "EXCEPTIONS")) {
                // PL/SQL: FORALL .. SAVE EXCEPTIONS goes on past the rows that fail; it chooses none.
                pos += 2;
            }
            boolean opensBlock = pos > conditionAt && tokens.get(pos - 1).isAnyWord("THEN", "LOOP", "DO");
            boolean oneStatement = pos > conditionAt && !opensBlock && token.isAnyWord("IF", "WHILE", "FORALL");
            if (whileFound != null && opensBlock) {
                // PL/pgSQL: the FETCH before WHILE FOUND LOOP read the row its body's first statement runs for.
                rowLoops.openFetchLoop(open.length(), whileFound, pos);
            } else {
                ifArms.passed(token, opensBlock, open.length());
            }
            boolean neverHolds = token.isAnyWord("IF", "ELSIF", "ELSEIF") && ArgumentConditions.neverHolds(
                    tokens.subList(conditionAt, opensBlock ? pos - 1 : pos), arguments, tokens.subList(from, to));
            if (neverHolds && opensBlock) {
                ifArms.armNeverRuns(open.length());
            }
            governsDeadCode = neverHolds && oneStatement;
            branched |= !oneStatement;
            thenBlocks |= opensBlock;
            governsNext = oneStatement;
        } else if (token.isAnyWord("FOR", "FOREACH")) {
            boolean runsWithBody = !branched && !governsNext;
            int body = BodyExtents.wordIndex(tokens, to, pos + 1, "LOOP", "DO");
            if (body >= 0) {
                collectLoopQuery(body, governedIsDead);
            }
            branched = true;
            if (body < 0) {
                collectStatement(governedIsDead);
            } else {
                RowLoop rowLoop = BodyRowLoops.alwaysIf(runsWithBody, RowLoop.at(tokens, pos, body, to));
                if (rowLoop == null) {
                    ifArms.openOther(open.length());
                } else {
                    rowLoops.open(open.length(), rowLoop);
                }
                pos = body + 1;
            }
        } else if (token.isWord("UNTIL")) {
            branched = true;
            int end = BodyExtents.wordIndex(tokens, to, pos + 1, "END");
            if (end < 0) {
                collectStatement(governedIsDead);
            } else {
                pos = end;
            }
        } else if (token.isWord("CASE")) {
            branched = true;
            int when = BodyExtents.wordIndex(tokens, to, pos + 1, "WHEN");
            if (when < 0) {
                collectStatement(governedIsDead);
            } else {
                ifArms.openOther(open.length());
                pos = when;
            }
        } else if (token.isAnyWord("ELSE", "LOOP", "REPEAT", "EXCEPTION", "THEN")) {
            if (token.isWord("EXCEPTION")) {
                handledBlocks.handlerStarts(open.length(), innermostIs(BLOCK), statements);
            }
            FetchLoops.Prologue fetching = token.isWord("LOOP") ? FetchLoops.afterLoop(tokens, pos, to) : null;
            boolean mayNotRun = branched || governsNext;
            branched = true;
            if (fetching == null) {
                ifArms.passed(token, token.isAnyWord("LOOP", "REPEAT"), open.length());
                pos++;
            } else {
                // The FETCH and the end test choose no rows: the loop runs what follows them for each.
                rowLoops.openFetchLoop(open.length(), BodyRowLoops.alwaysIf(!mayNotRun, fetching.loop()),
                        fetching.bodyStart());
                pos = fetching.bodyStart();
            }
        } else if (BodyExtents.isColonLabel(tokens, pos, to)) {
            passedLabelNoGoto = !bodyHasGoto();
            pos += 2;
        } else {
            collectStatement(governedIsDead);
        }
    }

    private boolean isFunctionCall() {
        Token next = BlockSyntax.at(tokens, pos + 1, to);
        return next != null && (next.isSymbol(".") || next.isSymbol("=") || next.isSymbol(":="));
    }

    private void scanEnd() {
        int compoundEnd = BlockSyntax.compoundEndLength(tokens, pos, to);
        if (compoundEnd > 0) {
            ifArms.close(tokens.get(pos + 1));
            pos += compoundEnd;
            return;
        }
        pos += BlockSyntax.blockEndLength(tokens, pos, to);
        if (open.length() > 0) {
            open.setLength(open.length() - 1);
        }
        if (open.length() <= deadBlockAt) {
            deadBlockAt = -1;
        }
        ifArms.blockEnded(open.length());
        if (innermostIs(SECTION)) {
            skipDeclarations();
        }
    }

    private void scanDeclare() {
        BodyDeclares.Declare declare = declares.at(tokens, pos, to, open.length() == 0 || innermostIs(BLOCK));
        pos = declare.next();
        switch (declare.kind()) {
            case NOT_FOUND_HANDLER -> governsNext = true;
            case CONDITION_HANDLER -> {
                branched = true;
                handled = true;
            }
            case SECTION -> {
                // An inner block, declared or not, may swallow the failure of what it runs in its own EXCEPTION
                // section.
                branched |= open.length() > 0;
                open.append(SECTION);
                skipDeclarations();
            }
            case LOCAL -> {
                // nothing more: the local is passed over like a statement that changes no rows
            }
        }
    }

    private boolean innermostIs(char kind) {
        return open.length() > 0 && open.charAt(open.length() - 1) == kind;
    }

    /** Skips declarations up to the BEGIN that starts the section's block, or the END of a package. */
    private void skipDeclarations() {
        DeclarationSections.End end = DeclarationSections.end(tokens, pos, to);
        for (int i = 0; i < end.nestedSections(); i++) {
            open.append(SECTION);
        }
        if (end.atBegin()) {
            open.setCharAt(open.length() - 1, BLOCK);
            pos = end.next();
        } else if (end.next() >= 0) {
            pos = end.next(); // a package specification: scanEnd closes the section
        } else {
            // Fail closed: a "declaration section" that never reaches BEGIN or END was not one; read it as statements.
            open.setLength(Math.max(0, open.length() - 1));
        }
    }

    /** The query a {@code FOR r IN query LOOP} header runs as the loop starts, when it may change rows. */
    private void collectLoopQuery(int loopWord, boolean governedIsDead) {
        int[] query = LoopHeaderQuery.span(tokens, pos, loopWord);
        boolean neverRuns = governedIsDead || deadBlockAt >= 0 || ifArms.inArmThatNeverRuns();
        if (query != null && !neverRuns) {
            statements.add(new BodyStatement(tokens.subList(query[0], query[1]), !branched && !governsNext, arm,
                    thenBlocks && !handled, ifArms.armAt(open.length()), rowLoops.runningAt(open.length(), query[0]),
                    false, stretches.path()));
            loopQueryCollected = true;
        }
    }

    /**
     * Collects one statement: up to {@code ;}, a T-SQL END/ELSE, or an implicit statement boundary. One that never
     * runs at the call being followed, {@code governedIsDead} for the one a T-SQL IF that never holds governs, is
     * passed over.
     */

    private void collectStatement(boolean governedIsDead) {
        int start = pos;
        pos = BodyExtents.statementEnd(tokens, pos, to);
        boolean neverRuns = governedIsDead || deadBlockAt >= 0 || ifArms.inArmThatNeverRuns();
        if (pos > start && !neverRuns) {
            statements.add(new BodyStatement(tokens.subList(start, pos), !branched && !governsNext, arm,
                    thenBlocks && !handled, ifArms.armAt(open.length()), rowLoops.runningAt(open.length(), start),
                    false, stretches.path()));
            rowLoops.collected(tokens.get(start));
        }
        rowLoops.statementPassed();
        if (pos > start) {
            // T-SQL: the statement a one-statement IF governs may not have run for the one after it.
            arm += governsNext ? 1 : 0;
            if (governsNext) {
                stretches.startBeside();
            }
            governsNext = false;
            // PL/SQL, T-SQL: what follows a GOTO runs only if the jump lands there, maybe past a CREATE TABLE.
            branched |= tokens.get(start).isWord("GOTO");
        }
    }
}
