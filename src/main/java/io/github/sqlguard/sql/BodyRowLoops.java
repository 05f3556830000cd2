package io.github.sqlguard.sql;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query loops of one body as its scanner ({@link BlockBodyScanner}) passes them: which loop runs a statement once
 * for every row of its query ({@link BodyStatement#rowLoop}), and which loops a CONTINUE, EXIT, RETURN or GOTO in
 * them may leave early, so that none runs a statement for every row.
 */
final class BodyRowLoops {

    private static final String[] LEAVING_WORDS = {"CONTINUE", "EXIT", "RETURN", "GOTO", "BREAK", "LEAVE", "ITERATE"};

    private final IfArms ifArms;
    private final Set<RowLoop> leftEarly = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * The fetch loops ({@link FetchLoops}) by where their body proper starts: only the statement there runs for every
     * row, as anything after it may have skipped or changed the fetched row.
     */
    private final Map<RowLoop, Integer> fetchLoopBodies = new IdentityHashMap<>();
    /**
     * The loops as statements of the blocks inside them see them ({@link IfArms#rowLoopAround}), by the loop itself,
     * so that a CONTINUE or EXIT that leaves the loop early takes them out of it too.
     */
    private final Map<RowLoop, RowLoop> throughBlocks = new IdentityHashMap<>();
    /** Set after a T-SQL {@code WHILE @@FETCH_STATUS = 0} right after a FETCH, for the BEGIN block it governs. */
    private RowLoop expectedFetchLoop;
    /** Set after a PL/SQL FORALL over a collection a BULK COLLECT filled, for the statement it runs. */
    private BulkLoops.Forall expectedForall;

    BodyRowLoops(IfArms ifArms) {
        this.ifArms = ifArms;
    }

    /**
     * The loop as found, or where something before it may keep it from running ({@link RowLoop#inBranch}); null for
     * none.
     */
    static RowLoop alwaysIf(boolean runsWithBody, RowLoop loop) {
        return loop == null || runsWithBody ? loop : loop.inBranch();
    }

    /** Opens a loop at nesting {@code level} that runs every statement of its body for each row. */
    void open(int level, RowLoop loop) {
        ifArms.openRowLoop(level, loop);
    }

    /** Opens a fetch loop at nesting {@code level} whose body proper, run for each row, starts at {@code bodyStart}. */
    void openFetchLoop(int level, RowLoop loop, int bodyStart) {
        ifArms.openRowLoop(level, loop);
        fetchLoopBodies.put(loop, bodyStart);
    }

    /** A T-SQL {@code WHILE @@FETCH_STATUS = 0} was passed: the BEGIN block after it is its body; null for none. */
    void expectFetchLoop(RowLoop loop) {
        expectedFetchLoop = loop;
    }

    /** The fetch loop a BEGIN block here is the body of, if one was expected; the expectation ends either way. */
    RowLoop takeExpectedFetchLoop() {
        RowLoop loop = expectedFetchLoop;
        expectedFetchLoop = null;
        return loop;
    }

    /** A FORALL was passed: it runs the statement at {@link BulkLoops.Forall#statementAt} for each row (null: none). */
    void expectForall(BulkLoops.Forall forall) {
        expectedForall = forall;
    }

    /**
     * The loop that runs the statement starting at {@code start}, at nesting {@code level}, once for every row: the
     * innermost open query loop (of a fetch loop, only for its body's first statement), or the FORALL before it.
     */
    RowLoop runningAt(int level, int start) {
        RowLoop loop = ifArms.rowLoopAt(level);
        RowLoop around = loop == null ? ifArms.rowLoopAround(level) : null;
        if (around != null && !fetchLoopBodies.containsKey(around)) {
            loop = throughBlocks.computeIfAbsent(around, RowLoop::inBranch);
        }
        if (loop != null && fetchLoopBodies.containsKey(loop) && fetchLoopBodies.get(loop) != start) {
            loop = null;
        }
        return expectedForall != null && expectedForall.statementAt() == start ? expectedForall.loop() : loop;
    }

    /** A statement starting with {@code first} was collected: a CONTINUE, EXIT, .. leaves the open loops early. */
    void collected(Token first) {
        if (first.isAnyWord(LEAVING_WORDS)) {
            leftEarly.addAll(ifArms.leftEarly());
        }
    }

    /** A statement was passed, collected or not: a FORALL runs only the one right after it. */
    void statementPassed() {
        expectedForall = null;
    }

    /** {@code statements} with those of the loops a statement may leave early run by no loop for every row. */
    List<BodyStatement> finished(List<BodyStatement> statements) {
        Set<RowLoop> left = Collections.newSetFromMap(new IdentityHashMap<>());
        left.addAll(leftEarly);
        leftEarly.forEach(loop -> {
            if (throughBlocks.containsKey(loop)) {
                left.add(throughBlocks.get(loop));
            }
        });
        return statements.stream().map(scanned -> left.contains(scanned.rowLoop()) ? scanned.leavingRowsOut()
                : scanned).toList();
    }
}
