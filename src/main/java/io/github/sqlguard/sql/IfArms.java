package io.github.sqlguard.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Which arm of which {@code IF .. THEN .. ELSIF .. ELSE .. END IF} a body statement sits in directly. At most one
 * arm of an IF runs, so the {@code ELSE} arm finds the schema the IF found, not what the {@code THEN} arm written
 * above it changed; statements of one arm that a loop or an inner IF separates still run one after the other.
 *
 * <p>Loops and {@code CASE} statements are kept on the same stack so that their statements, and the {@code ELSE} of
 * a {@code CASE}, are not taken for statements of the IF around them. A T-SQL IF has no {@code THEN} and is not
 * followed here: its arms are told apart only by their arm numbers.
 */
final class IfArms {

    /**
     * One open IF, loop or CASE.
     *
     * @param id numbers the IFs of one body from 1; 0 for a loop or CASE
     * @param depth how many blocks were open around it, so that a statement of an inner block is not taken for one
     *     of its arms
     * @param arm the arm of an IF the scanner is in: 0 for THEN, one more for each ELSIF and ELSE
     * @param rowLoop the query loop this frame is, as one that runs no statement for every row once something in it
     *     may have skipped a row ({@link RowLoop#leavingRowsOut}); null for any other frame
     * @param deadArm true when the arm the scanner is in never runs: its condition cannot hold for the literals a
     *     call passes ({@link ArgumentConditions})
     */
    private record Frame(int id, int depth, int arm, RowLoop rowLoop, boolean deadArm) {

        Frame(int id, int depth, int arm) {
            this(id, depth, arm, null, false);
        }

        Frame(int id, int depth, int arm, RowLoop rowLoop) {
            this(id, depth, arm, rowLoop, false);
        }
    }

    private final Deque<Frame> frames = new ArrayDeque<>();
    private int ifs;

    /**
     * A control word the scanner passed at this depth: IF .. THEN opens an IF, ELSIF and ELSE start its next arm,
     * WHILE .. LOOP, FOR .. LOOP, LOOP and REPEAT open a loop; the WHEN of a CASE or handler opens nothing.
     */
    void passed(Token word, boolean opensBlock, int depth) {
        if (word.isAnyWord("ELSIF", "ELSEIF", "ELSE")) {
            nextArm(depth);
        } else if (opensBlock && word.isWord("IF")) {
            frames.push(new Frame(++ifs, depth, 0));
        } else if (opensBlock && !word.isWord("WHEN")) {
            openOther(depth);
        }
    }

    /** A loop or CASE opens: its statements and its ELSE belong to it, not to an IF around it. */
    void openOther(int depth) {
        frames.push(new Frame(0, depth, 0));
    }

    /** A {@code FOR rec IN SELECT .. LOOP} that runs whenever its body runs opens ({@link RowLoop}). */
    void openRowLoop(int depth, RowLoop loop) {
        frames.push(new Frame(0, depth, 0, loop));
    }

    /**
     * A CONTINUE, EXIT, RETURN or GOTO passed: every query loop open around it may leave rows out of the statements
     * it runs, before it (an EXIT ends the loop early) or after it (a CONTINUE skips them). Returns those loops, which
     * run no statement for every row from now on.
     */
    List<RowLoop> leftEarly() {
        List<RowLoop> left = new ArrayList<>();
        List<Frame> kept = new ArrayList<>();
        for (Frame frame : frames) {
            if (frame.rowLoop() != null) {
                left.add(frame.rowLoop());
            }
            kept.add(frame.rowLoop() == null ? frame
                    : new Frame(frame.id(), frame.depth(), frame.arm(), frame.rowLoop().leavingRowsOut()));
        }
        frames.clear();
        frames.addAll(kept);
        return left;
    }

    /** The arm of the IF open at this depth that the scanner just entered never runs. */
    void armNeverRuns(int depth) {
        Frame top = frames.peek();
        if (top != null && top.id() > 0 && top.depth() == depth) {
            frames.pop();
            frames.push(new Frame(top.id(), depth, top.arm(), top.rowLoop(), true));
        }
    }

    /** True when the scanner is in an arm that never runs, directly or in a loop, IF or block inside it. */
    boolean inArmThatNeverRuns() {
        return frames.stream().anyMatch(Frame::deadArm);
    }

    /** An ELSIF, ELSEIF or ELSE starts the next arm of the IF open at this depth, if that is what is open. */
    private void nextArm(int depth) {
        Frame top = frames.peek();
        if (top != null && top.id() > 0 && top.depth() == depth) {
            frames.pop();
            frames.push(new Frame(top.id(), depth, top.arm() + 1));
        }
    }

    /** {@code END IF}, {@code END LOOP}, {@code END CASE} ..: closes the innermost IF, or loop or CASE. */
    void close(Token word) {
        boolean endsIf = word.isWord("IF");
        while (!frames.isEmpty()) {
            Frame closed = frames.pop();
            if ((closed.id() > 0) == endsIf) {
                return;
            }
        }
    }

    /** How many IFs, loops and CASEs are open. */
    int open() {
        return frames.size();
    }

    /** A block ended at this depth: whatever it opened and left open ends with it. */
    void blockEnded(int depth) {
        while (!frames.isEmpty() && frames.peek().depth() > depth) {
            frames.pop();
        }
    }

    /**
     * The IF arm a statement at this depth sits in directly, as {@code "if.arm"}, or "" when it sits in none, or in
     * a loop, CASE or block inside one.
     */
    String armAt(int depth) {
        Frame top = frames.peek();
        return top == null || top.id() == 0 || top.depth() != depth ? "" : top.id() + "." + top.arm();
    }

    /**
     * The query loop a statement at this depth sits in directly and that runs it for every row, or null: one in an
     * IF, CASE, inner loop or block inside the loop, or after a skip, may leave rows out.
     */
    RowLoop rowLoopAt(int depth) {
        Frame top = frames.peek();
        return top == null || top.id() != 0 || top.depth() != depth ? null : top.rowLoop();
    }

    /**
     * The query loop a statement at this depth sits in through inner blocks alone ({@code FOR r IN (..) LOOP BEGIN
     * .. EXCEPTION .. END; END LOOP}): it still reads that loop's row, but may not run for every one of them, as the
     * block's handler may go on past a failure. Null when an IF, CASE or other loop stands between them, or when the
     * statement sits in the loop directly.
     */
    RowLoop rowLoopAround(int depth) {
        Frame top = frames.peek();
        return top == null || top.id() != 0 || top.depth() >= depth ? null : top.rowLoop();
    }
}
