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

    /** How every label of a callback's statements starts. */
    private static final String LABEL_START = "Flyway callback ";

    private FlywayCallbacks() {
    }

    /** True for the label {@link #label} gives a callback's statements (and the labels that extend it). */
    public static boolean isCallbackLabel(String contextLabel) {
        return contextLabel.startsWith(LABEL_START);
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
        return eventOf(fileName, separator, suffixes).map(event -> LABEL_START + event + ", which runs "
                + runsOn(event));
    }

    /**
     * When a callback of {@code event} runs, for a message: "on every migrate", "before each script of every
     * migrate", "when a migrate fails".
     */
    private static String runsOn(String event) {
        String lower = event.toLowerCase(Locale.ROOT);
        if (lower.equals("afterversioned") || lower.equals("beforerepeatables")) {
            return (lower.startsWith("after") ? "after the versioned" : "before the repeatable")
                    + " migrations of every migrate";
        }
        for (String command : List.of("migrate", "undo", "clean", "info", "validate", "baseline", "repair")) {
            if (lower.contains(command)) {
                return runsOn(lower, command);
            }
        }
        if (lower.equals("createschema")) {
            return "on every creation of the schema";
        }
        return "on every connection Flyway opens";
    }

    private static String runsOn(String lower, String command) {
        String part = lower.contains("statement") ? "a statement of " : lower.contains("each") ? "a script of " : "";
        if (lower.endsWith("error")) {
            return "when " + part + (command.equals("undo") || command.equals("info") ? "an " : "a ") + command
                    + " fails";
        }
        String when = lower.startsWith("before") ? "before " : "after ";
        if (!part.isEmpty()) {
            return when + "each " + part.substring(2) + "every " + command;
        }
        return lower.equals("aftermigrateapplied") ? "after every migrate that applied a migration"
                : "on every " + command;
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
