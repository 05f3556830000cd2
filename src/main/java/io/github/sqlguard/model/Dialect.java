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
     * Reads a configured dialect name.
     *
     * @throws IllegalArgumentException naming the valid values when {@code value} is not one of them
     */
    public static Dialect fromConfig(String value) {
        String wanted = value == null ? "" : value.trim();
        for (Dialect dialect : values()) {
            if (dialect.configName().equalsIgnoreCase(wanted)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unknown dialect '" + value + "'; valid values are: " + validValues());
    }

    /** The valid configuration values, comma-separated. */
    public static String validValues() {
        return Arrays.stream(values()).map(Dialect::configName).collect(Collectors.joining(", "));
    }
}
