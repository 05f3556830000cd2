package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where the innermost open block's statements start, as blocks open and close around collected statements. */
class HandledBlocksTest {

    @Test
    void theInnermostBlockStartsAfterTheStatementsCollectedBeforeItOpened() {
        HandledBlocks blocks = new HandledBlocks();
        blocks.follow(1, 0); // BEGIN
        blocks.follow(1, 2); // two statements later, still in the same block
        assertEquals(0, blocks.innermostStart());
        blocks.follow(2, 2); // an inner BEGIN
        blocks.follow(2, 4);
        assertEquals(2, blocks.innermostStart());
        blocks.follow(1, 5); // the inner block ended; the outer one still starts at 0
        assertEquals(0, blocks.innermostStart());
        blocks.follow(2, 6); // another inner block opens after six statements
        assertEquals(6, blocks.innermostStart());
    }
}
