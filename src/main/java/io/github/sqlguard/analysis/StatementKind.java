package io.github.sqlguard.analysis;

/**
 * What a statement is as the database sees it, decided from its leading words. Only DML (and a query whose
 * CTE or {@code EXPLAIN ANALYZE} runs DML, and T-SQL control flow around DML) can change rows; a DDL or
 * access-control statement that merely names {@code DELETE} or {@code UPDATE} (a foreign key's
 * {@code ON DELETE CASCADE}, a trigger's event, a privilege) never does.
 */
public enum StatementKind {
    /** INSERT, UPDATE, DELETE, MERGE, REPLACE, UPSERT (also after a WITH clause). */
    DML,
    /** CREATE, ALTER, DROP, TRUNCATE, RENAME, COMMENT and the other statements that change the schema. */
    DDL,
    /** SELECT, VALUES, SHOW, EXPLAIN, DESCRIBE: reads only (unless {@code EXPLAIN ANALYZE} runs DML). */
    QUERY,
    /** GRANT, REVOKE, DENY. */
    ACCESS_CONTROL,
    /** Session and client settings: SET, USE, DELIMITER, PRINT, transaction control. */
    CLIENT_COMMAND,
    /** A block the migration runs: DO, BEGIN .. END, an anonymous PL/SQL block, a T-SQL batch. */
    BLOCK,
    /** A routine definition: function, procedure, trigger, event, package. */
    ROUTINE,
    /** T-SQL {@code IF} / {@code WHILE} around statements, and calls of routines (CALL, EXEC). */
    CONTROL_FLOW,
    /** Anything else. */
    OTHER;

    /**
     * False for statements that run no routine of the migrations: schema changes, definitions and
     * {@code ALTER FUNCTION f(bigint) ..}, and privileges such as {@code GRANT EXECUTE ON FUNCTION f(bigint)} or
     * {@code REVOKE ALL ON PROCEDURE p(int)}, which name a routine with its parameter types without calling it.
     */
    public boolean mayCallRoutines() {
        return this != DDL && this != ROUTINE && this != ACCESS_CONTROL;
    }
}
