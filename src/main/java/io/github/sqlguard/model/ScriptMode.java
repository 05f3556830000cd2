package io.github.sqlguard.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What to do with code that a migration run does not execute by itself: Flyway undo scripts and
 * Liquibase rollback blocks.
 */
public enum ScriptMode {
    /** Check like any other statement. */
    CHECK,
    /** Check, but report at most as warnings. */
    WARN,
    /** Do not check. */
    SKIP;

    /**
     * Reads a configured value, ignoring case.
     *
     * @param parameter the parameter name, for the error message
     * @throws IllegalArgumentException naming the valid values
     */
    public static ScriptMode fromConfig(String parameter, String value) {
        for (ScriptMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown " + parameter + " value '" + value + "'; valid values are: "
                + Arrays.stream(values()).map(m -> m.name().toUpperCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
