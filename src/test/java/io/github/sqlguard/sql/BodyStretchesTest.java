package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stretches of a body as its scanner goes deeper, beside and back out. */
class BodyStretchesTest {

    @Test
    void opensInsideBesideAndReturnsToTheEnclosingStretch() {
        BodyStretches stretches = new BodyStretches();
        assertEquals("0", stretches.path());
        stretches.follow(0, 1); // IF .. THEN
        assertEquals("0/1", stretches.path());
        stretches.follow(1, 1); // ELSE
        assertEquals("0/2", stretches.path());
        stretches.follow(1, 2); // an inner LOOP
        assertEquals("0/2/3", stretches.path());
        stretches.follow(2, 0); // END LOOP; END IF: back in the stretch around both
        assertEquals("0", stretches.path());
        stretches.startBeside(); // after the one statement a T-SQL IF governs
        assertEquals("4", stretches.path());
    }

    @Test
    void leavingTheBlockABodyStartedInStartsAStretchNoEarlierOneReaches() {
        // An Oracle routine body starts inside its block, after IS .. BEGIN: there is no stretch around it.
        BodyStretches stretches = new BodyStretches();
        stretches.follow(1, 0);
        assertEquals("1", stretches.path());
    }
}
