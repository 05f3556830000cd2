package io.github.sqlguard.rehearse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** A whole rehearsal: start the embedded database, run the migrations on it, stop and remove it. */
public final class EmbeddedRehearsal {

    private EmbeddedRehearsal() {
    }

    /**
     * What the rehearsal found and what it cost.
     *
     * @param startup the time to unpack the binaries and start the server
     * @param total the time of the whole rehearsal, startup and cleanup included
     */
    public record Result(RehearsalOutcome outcome, Duration startup, Duration total) {
    }

    /**
     * Runs the migrations on a new server made from {@code binariesJar}; the server is stopped and its
     * directory removed whatever happens.
     *
     * @throws RehearsalException when the server does not start or stops answering
     */
    public static Result run(Path binariesJar, List<RehearsalMigration> migrations, RehearsalSettings settings)
            throws RehearsalException {
        return run(binariesJar, migrations, settings, database -> { });
    }

    /** The same, telling {@code onStart} which server it started (tests check that it is gone afterwards). */
    static Result run(Path binariesJar, List<RehearsalMigration> migrations, RehearsalSettings settings,
            Consumer<EmbeddedDatabase> onStart) throws RehearsalException {
        long started = System.nanoTime();
        Duration startup;
        RehearsalOutcome outcome;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(binariesJar)) {
            onStart.accept(database);
            startup = Duration.ofNanos(System.nanoTime() - started);
            try (Connection connection = database.connect()) {
                outcome = new Rehearsal(settings).run(connection, migrations);
            } catch (SQLException e) {
                throw new RehearsalException("the rehearsal stopped: " + DatabaseMessages.of(e), e);
            }
        }
        return new Result(outcome, startup, Duration.ofNanos(System.nanoTime() - started));
    }
}
