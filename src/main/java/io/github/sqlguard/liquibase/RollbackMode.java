package io.github.sqlguard.liquibase;

/** What to do with Liquibase rollback code, which runs only when somebody rolls a change back. */
public enum RollbackMode {
    /** Rollback statements are not emitted at all (the default). */
    SKIP,
    /** Rollback statements are emitted with kind ROLLBACK; the caller caps their findings at WARNING. */
    WARN,
    /** Rollback statements are emitted with kind ROLLBACK and checked like any other statement. */
    CHECK
}
