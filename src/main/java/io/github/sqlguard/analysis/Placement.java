package io.github.sqlguard.analysis;

import io.github.sqlguard.sql.StatementContext;

/** Where a statement runs, which decides whether it runs when the migration runs. */
public enum Placement {
    /** A statement of the script itself. */
    TOP_LEVEL,
    /** Inside a block the migration runs (a DO block, an anonymous block, a T-SQL batch) or a MySQL event body. */
    BLOCK,
    /** Inside the literal string of dynamic SQL that the migration runs ({@code EXECUTE IMMEDIATE '..'}). */
    DYNAMIC_SQL,
    /** Inside a routine body: runs only when the routine is called. */
    ROUTINE_BODY,
    /** Liquibase rollback code: runs only on rollback. */
    ROLLBACK;

    /** The placement of a statement the splitter put in {@code context}. */
    public static Placement of(StatementContext context) {
        return switch (context.kind()) {
            case SCRIPT -> TOP_LEVEL;
            case EXECUTED_BLOCK -> context.label().endsWith("dynamic SQL") ? DYNAMIC_SQL : BLOCK;
            case ROUTINE_BODY -> ROUTINE_BODY;
            case ROLLBACK -> ROLLBACK;
        };
    }

    /** True when the statement runs whenever the migration runs. */
    public boolean runsWithMigration() {
        return this == TOP_LEVEL || this == BLOCK || this == DYNAMIC_SQL;
    }
}
