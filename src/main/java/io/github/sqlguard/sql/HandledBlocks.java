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

    /** The index of the first statement of the innermost open block; call {@link #follow} first. */
    int innermostStart() {
        return openedAt.get(openedAt.size() - 1);
    }
}
