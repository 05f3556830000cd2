package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the statements of each block open in a body start, so that when a block's EXCEPTION section starts, the
 * statements its handler may go on after are known: PL/pgSQL then undoes everything the block did, PL/SQL the failed
 * statement, so what they did may not have happened when the statements after the block run.
 */
final class HandledBlocks {

    /** For each open block or section, innermost last, how many statements had been collected when it opened. */
    private final List<Integer> openedAt = new ArrayList<>();

    /**
     * Follows the blocks and sections open now, {@code depth} of them, with {@code collected} statements so far: a
     * block opened since the last call starts after them, and those closed since are forgotten.
     */
    void follow(int depth, int collected) {
        while (openedAt.size() > depth) {
            openedAt.remove(openedAt.size() - 1);
        }
        while (openedAt.size() < depth) {
            openedAt.add(collected);
        }
    }

    /**
     * The EXCEPTION section of the innermost block starts: a statement of that block that fails goes to its handler,
     * which may go on after the block, so its statements so far are marked {@link BodyStatement#inHandledBlock}.
     *
     * @param depth the blocks and sections open now
     * @param innermostIsBlock false when no block is open or the innermost is a declaration section
     * @param statements the statements collected so far, marked in place
     */
    void handlerStarts(int depth, boolean innermostIsBlock, List<BodyStatement> statements) {
        follow(depth, statements.size());
        if (!innermostIsBlock) {
            return;
        }
        for (int i = innermostStart(); i < statements.size(); i++) {
            statements.set(i, statements.get(i).inHandledBlock());
        }
    }

    /** The index of the first statement of the innermost open block; call {@link #follow} first. */
    int innermostStart() {
        return openedAt.get(openedAt.size() - 1);
    }
}
