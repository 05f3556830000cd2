package io.github.sqlguard.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL dialect a script is written in. {@link #AUTO} accepts the lexical forms of every dialect
 * where they cannot be confused (for example {@code GO} and {@code /} alone on a line).
 */
public enum Dialect {
    AUTO, POSTGRESQL, MYSQL, MARIADB, SQLSERVER, ORACLE, H2, SQLITE;

    /** The configuration spelling of this dialect, e.g. {@code postgresql}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for MySQL and MariaDB, which share comment, quoting and DELIMITER rules. */
    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /**
     * False for the databases without unsigned integers, where a column written {@code BIGINT UNSIGNED} holds signed
     * values (SQLite keeps the word as part of the type's name; PostgreSQL, SQL Server and Oracle refuse it, so a
     * script that writes it there was written for MySQL). H2 reads it in its MySQL and MariaDB modes, and
     * {@link #AUTO} may be MySQL.
     */
    public boolean hasUnsignedIntegers() {
        return this != POSTGRESQL && this != SQLSERVER && this != ORACLE && this != SQLITE;
    }

    /** True for the same dialect, and for MySQL and MariaDB, whose scripts one another's dialect reads. */
    public boolean isSameFamily(Dialect other) {
        return this == other || isMySqlFamily() && other.isMySqlFamily();
    }

    /**
     * The dialect a script is read in when this one is configured (AUTO: none) and the script's folder or file
     * name names the database {@code named} (AUTO: none, or one without a dialect here): the named one where it
     * is of another family, since a project's scripts for another database ({@code db/migration/mysql/} beside
     * {@code db/migration/postgresql/}, {@code x.mysql.up.sql}) never run on the configured one and read in its
     * dialect go wrong ({@code 'it\'s'} never ends in PostgreSQL).
     */
    public Dialect forScriptNaming(Dialect named) {
        return this == AUTO || named != AUTO && !isSameFamily(named) ? named : this;
    }

    /**
     * Reads a configured dialect name.
     *
     * @throws IllegalArgumentException naming the valid values when {@code value} is not one of them
     */
    public static Dialect fromConfig(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.configName().equals(wanted)) {
                return dialect;
            }
        }
        // Other names the database goes by where users meet them: Liquibase's dbms names (mssql), sqlfluff's
        // dialects (postgres, tsql), folder names (pg)
        Dialect named = DatabaseDialects.of(wanted);
        if (named != null && named != AUTO) {
            return named;
        }
        throw new IllegalArgumentException("Unknown dialect '" + value + "'; valid values are: " + validValues()
                + (named == AUTO ? " (" + wanted + " has no dialect of its own here: auto reads the forms the"
                        + " dialects share)" : ""));
    }

    /** The valid configuration values, comma-separated. */
    public static String validValues() {
        return Arrays.stream(values()).map(Dialect::configName).collect(Collectors.joining(", "));
    }
}
