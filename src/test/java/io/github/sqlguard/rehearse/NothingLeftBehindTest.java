package io.github.sqlguard.rehearse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.StatementSplitter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A rehearsal leaves no server process, no port and no directory behind, whether it fails or is interrupted. */
class NothingLeftBehindTest {

    @Test
    void aFailingMigrationLeavesNothingBehind() throws Exception {
        StatementSplitter splitter = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT);
        List<RehearsalMigration> migrations = List.of(
                new RehearsalMigration("V1__t.sql", splitter.split("V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY);"), false),
                new RehearsalMigration("V2__u.sql", splitter.split("V2__u.sql", "ALTER TABLE t ADD c int NOT NULL;"), false));
        // Only what this rehearsal started is watched: other builds on the machine may run rehearsals of their own.
        List<Path> directories = new ArrayList<>();
        List<Long> servers = new ArrayList<>();

        EmbeddedRehearsal.Result result = EmbeddedRehearsal.run(TestBinaries.jar(), migrations, new RehearsalSettings(10, 0.5),
                database -> {
                    directories.add(database.directory());
                    servers.addAll(serversIn(database.directory()));
                });

        assertEquals("rehearsal-failed", result.outcome().findings().get(0).ruleId());
        assertEquals(1, directories.size());
        assertFalse(servers.isEmpty(), "the server was seen running");
        assertFalse(Files.exists(directories.get(0)), "temporary directory removed");
        assertTrue(waitUntil(() -> servers.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                .orElse(false))), "server processes stopped");
    }

    @Test
    void anInterruptedBuildLeavesNothingBehind() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RehearsalUnderInterruption.class.getName(),
                TestBinaries.jar().toString()).redirectErrorStream(true).start();
        String[] started;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.matches("/.* \\d+ \\d+"));
            assertTrue(line != null, "the child started a database");
            started = line.split(" ");
            Path directory = Path.of(started[0]);
            int port = Integer.parseInt(started[1]);
            long pid = Long.parseLong(started[2]);
            assertTrue(Files.isDirectory(directory));

            child.destroy(); // SIGTERM, as an interrupted build gets it: shutdown hooks run
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits");

            assertFalse(Files.exists(directory), "temporary directory removed");
            assertTrue(waitUntil(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)), "server stopped");
            try (ServerSocket socket = new ServerSocket(port)) {
                assertEquals(port, socket.getLocalPort(), "port free again");
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** The PostgreSQL server processes whose command line points into {@code directory}. */
    private static Set<Long> serversIn(Path directory) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(directory.toString()))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
