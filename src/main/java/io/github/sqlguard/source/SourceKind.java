package io.github.sqlguard.source;

/** What a scanned file is, which decides how it is split into statements and which settings apply. */
public enum SourceKind {
    /** SQL that follows no migration tool's naming, checked as it is. */
    PLAIN_SQL,
    /** A Flyway versioned migration, {@code V<version>__<description>.sql}. */
    FLYWAY_VERSIONED,
    /** A Flyway undo migration, {@code U<version>__<description>.sql}. */
    FLYWAY_UNDO,
    /** A Flyway repeatable migration, {@code R__<description>.sql}. */
    FLYWAY_REPEATABLE,
    /**
     * A Flyway baseline migration, {@code B<version>__<description>.sql}: the schema at its version, which Flyway
     * applies to an empty database in place of the versioned scripts up to that version.
     */
    FLYWAY_BASELINE,
    /** A Liquibase changelog in formatted SQL (first line {@code --liquibase formatted sql}). */
    LIQUIBASE_FORMATTED_SQL,
    /** A Liquibase XML changelog (root element {@code databaseChangeLog}). */
    LIQUIBASE_XML,
    /** A Liquibase YAML changelog (top-level key {@code databaseChangeLog}). */
    LIQUIBASE_YAML,
    /** A Liquibase JSON changelog (top-level key {@code "databaseChangeLog"}). */
    LIQUIBASE_JSON,
    /**
     * A Liquibase changelog in the Groovy DSL (a top-level {@code databaseChangeLog = { .. }}, the Grails
     * database-migration plugin's format): its changes are Groovy code, which sqlguard does not read.
     */
    LIQUIBASE_GROOVY,
    /** Any other XML, YAML, JSON or Groovy file: not a migration, ignored by the caller. */
    OTHER;

    /** True for the four Flyway kinds. */
    public boolean isFlyway() {
        return this == FLYWAY_VERSIONED || this == FLYWAY_UNDO || this == FLYWAY_REPEATABLE
                || this == FLYWAY_BASELINE;
    }

    /** True for the Liquibase changelogs in XML, YAML or JSON (read by the Liquibase readers). */
    public boolean isStructuredChangelog() {
        return this == LIQUIBASE_XML || this == LIQUIBASE_YAML || this == LIQUIBASE_JSON;
    }
}
