package io.github.sqlguard.rehearse;

/**
 * The rehearsal could not run at all (no binaries, the database would not start); the message says why and
 * what to do, and is shown to the user as it is.
 */
public final class RehearsalException extends Exception {

    public RehearsalException(String message) {
        super(message);
    }

    public RehearsalException(String message, Throwable cause) {
        super(message, cause);
    }
}
