package io.github.sqlguard.rehearse;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM that starts a rehearsal database, says where it is, and waits to be stopped from outside, the way
 * a build is interrupted with Ctrl+C. Run by {@link NothingLeftBehindTest}.
 */
public final class RehearsalUnderInterruption {

    private RehearsalUnderInterruption() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        String pid = Files.readAllLines(database.directory().resolve("data").resolve("postmaster.pid")).get(0).trim();
        System.out.println(database.directory() + " " + database.port() + " " + pid);
        System.out.flush();
        Thread.sleep(600_000);
    }
}
