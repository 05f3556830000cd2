package io.github.sqlguard.maven;

import java.util.Locale;

/** Flyway's names for its settings given as environment variables: {@code FLYWAY_SQL_MIGRATION_PREFIX}. */
final class FlywayEnvironment {

    private static final String PREFIX = "FLYWAY_";
    private static final String PLACEHOLDERS = "FLYWAY_PLACEHOLDERS_";

    private FlywayEnvironment() {
    }

    /**
     * The property an environment variable stands for, as Flyway reads it ({@code FLYWAY_LOCATIONS} is
     * {@code flyway.locations}; a placeholder's name is lower-cased, {@code FLYWAY_PLACEHOLDERS_SCHEMA} is
     * {@code flyway.placeholders.schema}); null for a variable that is not Flyway's.
     */
    static String propertyOf(String variable) {
        if (variable == null || !variable.startsWith(PREFIX) || variable.length() == PREFIX.length()) {
            return null;
        }
        if (variable.startsWith(PLACEHOLDERS) && variable.length() > PLACEHOLDERS.length()) {
            return "flyway.placeholders." + variable.substring(PLACEHOLDERS.length()).toLowerCase(Locale.ENGLISH);
        }
        StringBuilder name = new StringBuilder("flyway.");
        boolean upper = false;
        for (char c : variable.substring(PREFIX.length()).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return name.toString();
    }
}
