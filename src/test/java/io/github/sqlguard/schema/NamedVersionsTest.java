package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An object's versions by statement position, and a fork that sees its parent only as it was at the fork. */
class NamedVersionsTest {

    private int position;
    private final NamedVersions<String> versions = new NamedVersions<>(() -> position);

    @Test
    void eachStatementSeesTheVersionTheLastEarlierStatementLeft() {
        at(1).put("t", Optional.of("t1"));
        at(3).put("t", Optional.of("t3"));
        at(5).put("t", Optional.empty());

        assertEquals(Optional.empty(), versions.before("t", 1));
        assertEquals(Optional.of("t1"), versions.before("t", 2));
        assertEquals(Optional.of("t1"), versions.before("t", 3));
        assertEquals(Optional.of("t3"), versions.before("t", 5));
        assertEquals(Optional.empty(), versions.before("t", 6));
        assertEquals(List.of("t"), versions.setAt(3));
        assertEquals(List.of(), versions.setAt(4));
        assertFalse(versions.setUpTo("t", 0));
        assertTrue(versions.setUpTo("t", 1));
    }

    @Test
    void aForkSeesItsParentAsItWasAtTheForkAndKeepsItsOwnChanges() {
        at(1).put("a", Optional.of("a1"));
        at(2).put("b", Optional.of("b2"));
        int[] forkPosition = {2};
        NamedVersions<String> fork = versions.fork(2, () -> forkPosition[0]);
        at(3).put("a", Optional.of("a3")); // the parent goes on after the fork: the fork does not see it
        forkPosition[0] = 3;
        fork.put("b", Optional.empty());
        fork.put("c", Optional.of("c3"));

        assertEquals(Optional.of("a1"), fork.before("a", 10));
        assertEquals(Optional.of("b2"), fork.before("b", 3));
        assertEquals(Optional.empty(), fork.before("b", 4));
        assertEquals(Optional.of("b2"), versions.before("b", 10));
        assertEquals(Map.of("c", "c3", "a", "a1"), fork.allBefore(10));
        assertEquals(List.of("c", "a"), List.copyOf(fork.allBefore(10).keySet()));
        assertEquals(Map.of("a", "a3", "b", "b2"), versions.allBefore(10));
        assertEquals(Map.of(1, Optional.of("a1")), fork.history("a"));
        assertEquals(Map.of(2, Optional.of("b2"), 3, Optional.empty()), fork.history("b"));
        assertNull(versions.history("c"));
        assertFalse(fork.setUpTo("a", 0));
        assertTrue(fork.setUpTo("a", 2));
    }

    private NamedVersions<String> at(int statementPosition) {
        position = statementPosition;
        return versions;
    }
}
