package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that do not fit the retention budget are read again for the schema replay and for their check, and find
 * exactly what files kept in memory find.
 */
class RetentionTest {

    @TempDir
    Path project;

    @Test
    void releasedFilesAndLaterBatchesFindWhatKeptFilesFind() throws IOException {
        write("db/V1__init.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(100), code VARCHAR(5));\n"
                + "CREATE TABLE lines (id BIGINT, order_id BIGINT REFERENCES orders (id) ON DELETE CASCADE);\n");
        for (int version = 2; version < 150; version++) {
            write("db/V" + version + "__step.sql", "CREATE INDEX i" + version + " ON orders (note);\n");
        }
        write("db/V150__widen.sql", "ALTER TABLE orders ALTER COLUMN note TYPE VARCHAR(200);\n");
        write("db/V151__narrow.sql", "ALTER TABLE orders ALTER COLUMN code TYPE VARCHAR(2);\n");
        write("db/V152__purge.sql", "DELETE FROM orders;\n");

        List<Finding> kept = lint(Retention.DEFAULT_BUDGET_CHARS);
        List<Finding> released = lint(0);

        assertEquals(kept, released);
        assertEquals(List.of("db/V151__narrow.sql alter-column-type", "db/V152__purge.sql delete-without-where"),
                released.stream().map(f -> f.location().path() + " " + f.ruleId()).toList());
        assertTrue(released.get(0).message().contains("VARCHAR(5)"), released.get(0).message());
        assertTrue(released.get(1).message().contains("lines"), "the cascade is known: " + released.get(1).message());
    }

    @Test
    void aReleasedDownScriptIsJudgedAgainstTheSchemaItsUpScriptLeft() throws IOException {
        write("db/2020-01-01_orders/up.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(100));\n");
        write("db/2020-01-01_orders/down.sql", "DROP TABLE orders;\n");
        write("db/2020-02-01_note/up.sql", "ALTER TABLE orders ALTER COLUMN note TYPE VARCHAR(300);\n");
        write("db/2020-02-01_note/down.sql", "ALTER TABLE orders ALTER COLUMN note TYPE VARCHAR(100);\n");

        List<Finding> kept = lint(Retention.DEFAULT_BUDGET_CHARS);
        List<Finding> released = lint(0);

        assertEquals(kept, released);
        Finding narrowing = released.stream().filter(f -> f.ruleId().equals("alter-column-type")).findFirst()
                .orElseThrow();
        assertEquals("db/2020-02-01_note/down.sql", narrowing.location().path());
        assertTrue(narrowing.message().contains("VARCHAR(300)"), narrowing.message());
    }

    private List<Finding> lint(long retainedChars) {
        return new Linter(true, retainedChars).run(TestProject.config(project, Dialect.POSTGRESQL)).findings();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    @Test
    void theBudgetIsACharacterPer128BytesOfHeapSoThatHeldSourceLeavesTheReplayMostOfIt() {
        long megabyte = 1L << 20;
        assertTrue(Retention.budgetFor(512 * megabyte) >= Retention.DEFAULT_BUDGET_CHARS, "an ordinary project fits");
        assertEquals(4096L * megabyte / 128, Retention.budgetFor(4096 * megabyte));
        // A 256 MB heap holds about half the default: the replay of a large project needs the rest.
        assertEquals(256L * megabyte / 128, Retention.budgetFor(256 * megabyte));
        assertTrue(Retention.budgetFor(64 * megabyte) * 37 < 64 * megabyte / 3, "held source stays a fraction of the heap");
        assertEquals(Retention.budgetFor(Runtime.getRuntime().maxMemory()), Retention.budgetForThisHeap());
    }
}
