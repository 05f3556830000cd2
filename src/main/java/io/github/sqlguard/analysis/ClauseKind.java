package io.github.sqlguard.analysis;

/** What a destructive clause destroys or breaks. */
public enum ClauseKind {
    /** {@code TRUNCATE [TABLE|CLUSTER] t}: every row of the table. */
    TRUNCATED_TABLE,
    /** {@code ALTER TABLE t TRUNCATE PARTITION p}: every row of the partition. */
    TRUNCATED_PARTITION,
    /**
     * MySQL {@code ALTER TABLE t DISCARD [PARTITION p] TABLESPACE}, which deletes the file holding the rows, and
     * {@code ALTER TABLE t ENGINE = BLACKHOLE}, which throws every row away, and Db2's {@code ALTER TABLE t
     * ACTIVATE NOT LOGGED INITIALLY WITH EMPTY TABLE}, which deletes them.
     */
    DISCARDED_ROWS,
    /** {@code INSERT OVERWRITE [INTO | TABLE] t} (Snowflake, Hive, Spark): every row of t, or of its partition. */
    OVERWRITTEN_TABLE,
    /** Redshift {@code ALTER TABLE a APPEND FROM b}: every row of b moves into a, and b is left empty. */
    EMPTIED_APPEND_SOURCE,
    /** {@code ALTER TABLE a SWITCH TO b WITH (TRUNCATE_TARGET = ON)}: every row of b. */
    TRUNCATED_SWITCH_TARGET,
    /** {@code DROP TABLE t}, and MariaDB/MySQL {@code CREATE OR REPLACE TABLE t}, which drops t first. */
    DROPPED_TABLE,
    /**
     * PostgreSQL {@code DROP EXTENSION e}: the tables e owns, in which it keeps rows its users wrote (pg_cron's jobs).
     * The clause's name is the extension; its detail lists the tables, comma-separated.
     */
    DROPPED_EXTENSION_TABLES,
    /** Oracle {@code DROP CLUSTER c INCLUDING TABLES}. */
    DROPPED_CLUSTER_TABLES,
    /**
     * Oracle XML DB's {@code DBMS_XMLSCHEMA.deleteSchema(url, DELETE_CASCADE_FORCE)}: the default tables the schema's
     * registration generated, with every document stored in them. The clause's name is the schema's URL, if known.
     */
    DROPPED_XML_SCHEMA_TABLES,
    /** {@code ALTER TABLE t DROP [COLUMN] c} in every spelling. */
    DROPPED_COLUMN,
    /** ClickHouse {@code ALTER TABLE t CLEAR COLUMN c [IN PARTITION p]}: every value of c is reset to its default. */
    CLEARED_COLUMN,
    /**
     * ClickHouse {@code ALTER TABLE t MODIFY TTL expr} that deletes (or folds with GROUP BY) the rows past expr, and
     * {@code MATERIALIZE TTL}, which applies it to the existing rows now. The detail is the TTL as written, or null.
     */
    EXPIRED_ROWS,
    /**
     * ClickHouse {@code ALTER TABLE t MODIFY COLUMN c .. TTL expr}: the values of c are reset to the default once expr
     * has passed. The detail is the TTL as written.
     */
    EXPIRING_COLUMN,
    /** {@code ALTER TABLE t DROP PARTITION p}, and ClickHouse's {@code REPLACE PARTITION p FROM src}. */
    DROPPED_PARTITION,
    /**
     * PostgreSQL extensions: a call that drops partitions with their rows, now (TimescaleDB's
     * {@code drop_chunks}, pg_partman's {@code drop_partition_time}) or on a schedule
     * ({@code add_retention_policy}).
     */
    PARTITIONS_DROPPED_BY_CALL,
    /**
     * MariaDB {@code ALTER IGNORE TABLE t ADD UNIQUE (..)} / {@code ADD PRIMARY KEY}: every row that repeats a
     * key of the new index is deleted, silently.
     */
    DELETED_DUPLICATE_ROWS,
    /**
     * MariaDB system-versioned tables: {@code ALTER TABLE t DROP SYSTEM VERSIONING} and
     * {@code DELETE HISTORY FROM t} without {@code BEFORE SYSTEM_TIME}: every historical row version of t.
     */
    DELETED_HISTORY,
    /**
     * MySQL/MariaDB/SQLite {@code REPLACE INTO t}, SQLite {@code INSERT OR REPLACE INTO t} and MySQL
     * {@code LOAD DATA .. REPLACE INTO TABLE t}: each existing row that shares a key with a new row is deleted.
     */
    REPLACED_ROWS,
    /**
     * A dedupe DELETE whose tie-breaker holds both ways ({@code DELETE FROM t a USING t b WHERE a.k = b.k AND a.id
     * <> b.id}): every copy of each duplicate is removed, none kept (see {@link SymmetricDedupe}). Its detail is the
     * tie-breaker as written.
     */
    DELETED_EVERY_DUPLICATE,
    /**
     * A dedupe DELETE whose condition also holds for a row paired with itself ({@code DELETE FROM t a USING t b WHERE
     * a.k = b.k AND a.id >= b.id}, or no tie-breaker at all): every row is removed (see {@link SymmetricDedupe}). Its
     * words are the tie-breaker as written, or empty; its detail the paired columns.
     */
    DELETED_ROWS_PAIRED_WITH_THEMSELVES,
    /**
     * A dedupe DELETE by a row number whose filter holds for every number ({@code rn >= 1}, or none): every row is
     * removed (see {@link NumberedDedupe}). Its words are the filter as written, or empty; its detail the PARTITION BY.
     */
    DELETED_EVERY_NUMBERED_ROW,
    /**
     * A dedupe DELETE that selects the rows to delete by the key their copies share ({@code k IN (SELECT k .. rn >
     * 1)}): each key selected takes every copy with it. Its words are the selected key as written; its detail the
     * columns the copies are paired or numbered by.
     */
    DELETED_DUPLICATES_BY_KEY,
    /**
     * A DELETE that keeps the one row an aggregate of the whole table picks ({@code id NOT IN (SELECT MIN(id) FROM
     * t)}, a dedupe without its GROUP BY): every other row is removed (see {@link AggregateDedupe}). Its words are the
     * comparison and subquery as read; its detail the column compared.
     */
    DELETED_ALL_BUT_ONE_ROW,
    /**
     * A DELETE of the row an aggregate picks in every group ({@code id IN (SELECT MIN(id) FROM t GROUP BY k)}, a dedupe
     * with IN for NOT IN): also the only row of each group without duplicates (see {@link AggregateDedupe}). Its words
     * are the comparison and subquery as read; its detail the GROUP BY.
     */
    DELETED_ONE_ROW_OF_EVERY_GROUP,
    /** {@code DROP SCHEMA s}. */
    DROPPED_SCHEMA,
    /** PostgreSQL {@code DROP OWNED BY role}. */
    DROPPED_OWNED_OBJECTS,
    /** Oracle {@code DROP USER u CASCADE}: the user's schema. */
    DROPPED_USER_SCHEMA,
    /** Oracle {@code DROP TABLESPACE ts INCLUDING CONTENTS}: every segment stored in it. */
    DROPPED_TABLESPACE_CONTENTS,
    /** {@code DROP DATABASE d}. */
    DROPPED_DATABASE,
    /** H2 {@code DROP ALL OBJECTS}: every schema, table, view and sequence of the database. */
    DROPPED_ALL_OBJECTS,
    /**
     * SQL Server's and Db2's {@code RESTORE DATABASE d FROM ..}, SAP ASE's {@code LOAD DATABASE d FROM ..}: every
     * table of d is overwritten with the backup's content, so what was written since the backup is lost.
     */
    RESTORED_DATABASE,
    /**
     * Oracle {@code FLASHBACK TABLE t TO TIMESTAMP|SCN|RESTORE POINT ..}: every row of t goes back to an earlier
     * state, so what was inserted, updated or deleted since is lost. {@code TO BEFORE DROP} restores instead.
     */
    REWOUND_TABLE,
    /** A table renamed (ALTER TABLE .. RENAME TO, RENAME TABLE, sp_rename). */
    RENAMED_TABLE,
    /** A column renamed. */
    RENAMED_COLUMN,
    /** A column's type changed. */
    RETYPED_COLUMN,
    /**
     * MySQL/MariaDB {@code MODIFY c type NOT NULL} or {@code CHANGE old new type NOT NULL}: the NULLs a nullable
     * column holds become the type's implicit default, or make the statement fail in strict mode.
     */
    NOT_NULL_DECLARED,
    /**
     * MySQL/MariaDB {@code ALTER TABLE t CONVERT TO CHARACTER SET cs} with a character set that cannot hold every
     * Unicode character ({@code latin1}, {@code ascii}, even {@code utf8mb3}): every text column is converted.
     */
    CONVERTED_CHARACTER_SET,
    /**
     * PostgreSQL {@code ALTER [COLUMN] c TYPE t USING expr} whose expression does not read {@code c}
     * ({@code USING NULL}): every value of the column is replaced by it.
     */
    REPLACED_COLUMN_VALUES,
    /**
     * PostgreSQL {@code DROP TYPE t CASCADE}, {@code DROP DOMAIN d CASCADE} and {@code DROP EXTENSION e CASCADE}:
     * every column of the dropped type (or of a type the extension provides) is dropped with its values. The
     * clause's name is the type; its detail is {@code TYPE}, {@code DOMAIN} or {@code EXTENSION}, or {@code FORCE}
     * for Oracle's {@code DROP TYPE t FORCE}, which marks those columns unused.
     */
    DROPPED_TYPE_COLUMNS,
    /**
     * Oracle's and PostgreSQL's {@code ALTER TYPE t DROP ATTRIBUTE a CASCADE}: the attribute goes with its value from
     * every column (and typed table) of the type. The clause's name is the type; its detail the dropped attributes,
     * comma-separated.
     */
    DROPPED_TYPE_ATTRIBUTES,
    /**
     * PostgreSQL {@code DELETE FROM pg_enum WHERE ..}: the labels leave the catalog while rows still store them, and
     * those values can no longer be read. The clause's name is the enum type, if the WHERE names it; its detail the
     * labels it names, comma-separated, or null.
     */
    DELETED_ENUM_LABELS,
    /**
     * PostgreSQL {@code ALTER TABLE t SET UNLOGGED}: the rows stay, but a crash empties the table and standbys never
     * receive them; MySQL {@code ENGINE = MEMORY}: every restart empties it.
     */
    UNLOGGED_TABLE,
    /** A {@code CASCADE} word that extends a DROP or TRUNCATE to dependent objects. */
    CASCADE
}
