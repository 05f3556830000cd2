package io.github.sqlguard.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Flyway's SQL callbacks: a script named after an event ({@code afterMigrate.sql},
 * {@code beforeEachMigrate__refresh.sql}) runs each time that event happens, not once like a migration, so
 * what it destroys it destroys on every deploy.
 */
public final class FlywayCallbacks {

    /** Flyway's callback events, by the command that raises them. */
    private static final List<String> EVENTS = List.of(
            "beforeMigrate", "beforeRepeatables", "beforeEachMigrate", "beforeEachMigrateStatement",
            "afterEachMigrateStatement", "afterEachMigrateStatementError", "afterEachMigrate",
            "afterEachMigrateError", "afterMigrate", "afterMigrateApplied", "afterVersioned", "afterMigrateError",
            "beforeUndo", "beforeEachUndo", "beforeEachUndoStatement", "afterEachUndoStatement",
            "afterEachUndoStatementError", "afterEachUndo", "afterEachUndoError", "afterUndo", "afterUndoError",
            "beforeClean", "afterClean", "afterCleanError", "beforeInfo", "afterInfo", "afterInfoError",
            "beforeValidate", "afterValidate", "afterValidateError", "beforeBaseline", "afterBaseline",
            "afterBaselineError", "beforeRepair", "afterRepair", "afterRepairError", "createSchema",
            "beforeConnect", "afterConnect");

    private FlywayCallbacks() {
    }

    /**
     * The event a script of this name is a callback of, or empty: the name, without its suffix, is the event
     * or the event, the separator and a description. Flyway compares the event name ignoring case.
     */
    public static Optional<String> eventOf(String fileName, String separator, List<String> suffixes) {
        String base = withoutSuffix(fileName, suffixes);
        if (base == null) {
            return Optional.empty();
        }
        int cut = separator.isEmpty() ? -1 : base.indexOf(separator);
        String event = cut < 0 ? base : base.substring(0, cut);
        for (String known : EVENTS) {
            if (known.equalsIgnoreCase(event)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /**
     * What a finding in the callback script {@code fileName} says of where it stands ("Flyway callback
     * afterMigrate, which runs on every migrate"), or empty for a script that is no callback.
     */
    public static Optional<String> label(String fileName, String separator, List<String> suffixes) {
        return eventOf(fileName, separator, suffixes).map(event -> "Flyway callback " + event + ", which runs on "
                + runsOn(event));
    }

    /** What a callback of {@code event} runs on, for a message: "every migrate", "every clean". */
    private static String runsOn(String event) {
        String lower = event.toLowerCase(Locale.ROOT);
        for (String command : List.of("migrate", "undo", "clean", "info", "validate", "baseline", "repair")) {
            if (lower.contains(command)) {
                return "every " + command;
            }
        }
        if (lower.equals("createschema")) {
            return "every creation of the schema";
        }
        return "every connection Flyway opens";
    }

    private static String withoutSuffix(String fileName, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (fileName.length() > suffix.length()
                    && fileName.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        return null;
    }
}
