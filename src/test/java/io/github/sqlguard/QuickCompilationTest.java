package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large analysis compiles sqlguard's code with the quick compiler only while it runs, and leaves the JVM's
 * compiler directives as it found them.
 */
class QuickCompilationTest {

    /** How HotSpot prints the patterns of a directive: {@code matching: sun/*.*, .., io/github/sqlguard/*.*}. */
    private static final String OURS = printedPatterns();

    @TempDir
    Path project;

    @BeforeEach
    void thisJvmTakesDiagnosticCommands() {
        assumeTrue(directives() != null, "this JVM has no diagnostic command bean, so there is nothing to ask");
    }

    @Test
    void theDirectiveHoldsUntilClosed() {
        int before = oursIn(directives());

        try (QuickCompilation quick = QuickCompilation.request()) {
            assertTrue(quick.accepted(), "HotSpot takes the directive");
            String during = directives();
            assertEquals(before + 1, oursIn(during), during);
            assertTrue(during.contains("c2 directives:\n  inline: -\n  Enable:true Exclude:true"), during);
        }

        assertEquals(before, oursIn(directives()));
    }

    @Test
    void theClassPatternCoversTheShadedParser() {
        assertEquals("io/github/sqlguard/*.*", QuickCompilation.CLASS_PATTERN);
        assertTrue("io/github/sqlguard/shaded/jsqlparser/parser/CCJSqlParser".startsWith(
                QuickCompilation.CLASS_PATTERN.substring(0, QuickCompilation.CLASS_PATTERN.indexOf('*'))));
    }

    @Test
    void aRunPastTheThresholdFindsTheSameAndLeavesNoDirectiveBehind() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, note TEXT);\n");
        TestProject.write(project, "db/V2__purge.sql", "DELETE FROM orders;\nUPDATE orders SET note = NULL;\n");
        int before = oursIn(directives());

        List<Finding> quick = lint(0);
        List<Finding> usual = lint(Long.MAX_VALUE);

        assertEquals(usual, quick);
        assertEquals(List.of("delete-without-where", "update-without-where"),
                quick.stream().map(Finding::ruleId).toList());
        assertEquals(before, oursIn(directives()));
    }

    @Test
    void aKeepingLinterHoldsTheDirectiveUntilClosed() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, note TEXT);\n");
        int before = oursIn(directives());

        try (Linter linter = new Linter(true, Retention.DEFAULT_BUDGET_CHARS, 0).keepingQuickCompilation()) {
            linter.run(config());
            assertEquals(before + 1, oursOnceAdded(before + 1), "the reports after the run are written under it");
            linter.run(config());
            assertEquals(before + 2, oursOnceAdded(before + 2), "each run asks once");
        }

        assertEquals(before, oursIn(directives()));
    }

    @Test
    void aRunBelowTheThresholdAsksNothing() throws IOException {
        TestProject.write(project, "db/V1__init.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, note TEXT);\n");
        int before = oursIn(directives());

        try (Linter linter = new Linter(true, Retention.DEFAULT_BUDGET_CHARS, 1_000).keepingQuickCompilation()) {
            linter.run(config());
            assertEquals(before, oursIn(directives()));
        }
    }

    private List<Finding> lint(long quickCompilationChars) {
        return new Linter(true, Retention.DEFAULT_BUDGET_CHARS, quickCompilationChars).run(config()).findings();
    }

    private LintConfig config() {
        return TestProject.config(project, Dialect.POSTGRESQL);
    }

    private static String directives() {
        return QuickCompilation.command("compilerDirectivesPrint");
    }

    /**
     * The directives of ours in force once {@code expected} are, or after ten seconds: a run asks for the directive
     * on a thread of its own, which a kept request is not waited for until the linter closes.
     */
    private static int oursOnceAdded(int expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int found = oursIn(directives());
        while (found < expected && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
            found = oursIn(directives());
        }
        return found;
    }

    private static String printedPatterns() {
        List<String> patterns = new java.util.ArrayList<>(QuickCompilation.JDK_PATTERNS);
        java.util.Collections.reverse(patterns);
        patterns.add(QuickCompilation.CLASS_PATTERN);
        return "matching: " + String.join(", ", patterns) + "\n";
    }

    private static int oursIn(String printed) {
        int count = 0;
        for (int at = printed.indexOf(OURS); at >= 0; at = printed.indexOf(OURS, at + 1)) {
            count++;
        }
        return count;
    }
}
