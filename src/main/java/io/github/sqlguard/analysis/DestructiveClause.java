package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Location;

/**
 * One thing a statement destroys or breaks, located where it is written: the {@code DROP COLUMN} keyword, the
 * dropped partition's name, the {@code CASCADE} word, the {@code DROP} of a {@code DROP TABLE}. A statement
 * that names several objects after one keyword ({@code DROP TABLE a, b}) has one clause per object, all at
 * that keyword.
 *
 * @param kind what is destroyed
 * @param at where it is written
 * @param words the statement's words for messages, e.g. {@code DROP TABLE}, {@code DROP TEMPORARY TABLE},
 *     {@code DROP OWNED BY}, {@code TRUNCATE}
 * @param table the table whose rows or definition are at stake (the altered, dropped, truncated or renamed
 *     table), or null when the clause is not about one table
 * @param name the object as written: column, partition, table, schema, database, user, owner, cluster; null
 *     when the statement names none (Oracle's bare {@code DROP DATABASE})
 * @param detail the new name of a rename; for {@link ClauseKind#CASCADE} what it extends ({@code TRUNCATE},
 *     {@code DROP}, {@code DROP CONSTRAINTS}, {@code ALTER}, {@code FORCE} for Oracle's {@code DROP TYPE .. FORCE});
 *     for a truncate {@code table} or {@code cluster}; for a tablespace's drop {@code INCLUDING CONTENTS} when
 *     written; else null
 * @param scratch true when {@link #table} holds only rows this script put there (a scratch table)
 */
public record DestructiveClause(ClauseKind kind, Location at, String words, String table, String name,
        String detail, boolean scratch) {

    /** The detail of a DROP whose kind of object only the running database knows ({@code 'DROP ' || kind}). */
    public static final String RUN_TIME_KIND = "kind known at run time";
    /**
     * The detail of T-SQL's {@code ALTER TABLE t DROP name}, without COLUMN or CONSTRAINT: SQL Server drops the
     * constraint {@code name} (and refuses the statement when {@code t} has none of that name), Sybase ASE the column.
     */
    public static final String COLUMN_OR_CONSTRAINT = "column or constraint";

    /** The same clause, marked as being about a scratch table or not. */
    public DestructiveClause withScratch(boolean isScratch) {
        return new DestructiveClause(kind, at, words, table, name, detail, isScratch);
    }
}
