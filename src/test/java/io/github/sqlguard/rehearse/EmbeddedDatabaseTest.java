package io.github.sqlguard.rehearse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void startsAnswersAndLeavesNothingBehind() throws Exception {
        Path directory;
        int port;
        long pid;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(TestBinaries.jar())) {
            directory = database.directory();
            port = database.port();
            try (Connection connection = database.connect();
                    ResultSet rs = connection.createStatement().executeQuery("SELECT pg_backend_pid(), version()")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(2).startsWith("PostgreSQL 17"), rs.getString(2));
            }
            pid = postmasterPid(directory);
            assertTrue(ProcessHandle.of(pid).isPresent());
        }
        assertFalse(Files.exists(directory), "temporary directory removed");
        assertTrue(gone(pid), "server stopped");
        try (ServerSocket socket = new ServerSocket(port)) {
            assertEquals(port, socket.getLocalPort(), "port free again");
        }
    }

    /** The server has exited within a few seconds (a process being reaped may linger a moment). */
    static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    static long postmasterPid(Path directory) throws Exception {
        return Long.parseLong(Files.readAllLines(directory.resolve("data").resolve("postmaster.pid")).get(0).trim());
    }
}
