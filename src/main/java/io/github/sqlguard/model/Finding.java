package io.github.sqlguard.model;

/**
 * One problem found in one place.
 *
 * @param ruleId the permanent kebab-case id of the rule that found it
 * @param severity the effective severity after configuration and context
 * @param location where the offending statement (or changelog element) starts
 * @param message what is wrong, in one sentence
 * @param hint how to fix or acknowledge it, in one sentence
 * @param excerpt the first line of the offending statement (may be empty)
 * @param acknowledgement present when the finding was acknowledged and must not fail the build
 */
public record Finding(
        String ruleId,
        Severity severity,
        Location location,
        String message,
        String hint,
        String excerpt,
        Acknowledgement acknowledgement) implements Comparable<Finding> {

    public Finding {
        excerpt = excerpt == null ? "" : excerpt;
        hint = hint == null ? "" : hint;
    }

    /** A finding that nobody has acknowledged. */
    public static Finding of(String ruleId, Severity severity, Location location, String message, String hint,
            String excerpt) {
        return new Finding(ruleId, severity, location, message, hint, excerpt, null);
    }

    public boolean isAcknowledged() {
        return acknowledgement != null;
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, location, message, hint, excerpt, acknowledgement);
    }

    public Finding withMessage(String newMessage) {
        return new Finding(ruleId, severity, location, newMessage, hint, excerpt, acknowledgement);
    }

    /** The same finding at another location, e.g. its path seen from another directory. */
    public Finding at(Location newLocation) {
        return new Finding(ruleId, severity, newLocation, message, hint, excerpt, acknowledgement);
    }

    public Finding acknowledged(Acknowledgement by) {
        return new Finding(ruleId, severity, location, message, hint, excerpt, by);
    }

    @Override
    public int compareTo(Finding other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : ruleId.compareTo(other.ruleId);
    }
}
