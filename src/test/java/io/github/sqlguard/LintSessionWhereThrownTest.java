package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The analysis-failed message names the frame of sqlguard's own code that threw, for a report to point at. */
class LintSessionWhereThrownTest {

    @Test
    void namesTheFirstFrameOfSqlguardsOwnCode() {
        RuntimeException thrown = new IllegalStateException("boom");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.ImmutableCollections", "subList", "ImmutableCollections.java", 274),
            new StackTraceElement("io.github.sqlguard.schema.WithQueries", "read", "WithQueries.java", 68),
            new StackTraceElement("io.github.sqlguard.schema.LossGuards", "observe", "LossGuards.java", 315)});

        assertEquals(" at WithQueries.read:68", LintSession.whereThrown(thrown));
    }

    @Test
    void saysNothingWhenNoFrameIsSqlguards() {
        RuntimeException thrown = new IllegalStateException("boom");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.ImmutableCollections", "subList", "ImmutableCollections.java", 274)});

        assertTrue(LintSession.whereThrown(thrown).isEmpty());
    }
}
