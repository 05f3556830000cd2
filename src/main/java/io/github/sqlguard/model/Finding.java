package io.github.sqlguard.model;

import java.util.Objects;

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
 * @param fingerprint the finding's identity across runs (rule, file and normalised statement text, never the
 *     line), computed once where the statement is at hand; empty when the finding stands on no statement.
 *     The baseline and the SARIF and GitLab reports all use it.
 * @param runScope the run of the database tool the statement belongs to ({@link
 *     io.github.sqlguard.sql.StatementContext#runScope}: a Liquibase changeset, its rollback), empty when unknown
 *     or a whole script: a file two changesets run holds each statement twice at one place, and a changeset's
 *     acknowledgement covers its own run only. Not part of equality, nor of any report.
 */
public record Finding(
        String ruleId,
        Severity severity,
        Location location,
        String message,
        String hint,
        String excerpt,
        Acknowledgement acknowledgement,
        String fingerprint,
        String runScope) implements Comparable<Finding> {

    public Finding {
        excerpt = excerpt == null ? "" : excerpt;
        hint = hint == null ? "" : hint;
        fingerprint = fingerprint == null ? "" : fingerprint;
        runScope = runScope == null ? "" : runScope;
    }

    /** A finding outside any particular run. */
    public Finding(String ruleId, Severity severity, Location location, String message, String hint, String excerpt,
            Acknowledgement acknowledgement, String fingerprint) {
        this(ruleId, severity, location, message, hint, excerpt, acknowledgement, fingerprint, "");
    }

    /** A finding whose fingerprint is not known yet. */
    public Finding(String ruleId, Severity severity, Location location, String message, String hint, String excerpt,
            Acknowledgement acknowledgement) {
        this(ruleId, severity, location, message, hint, excerpt, acknowledgement, "", "");
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
        return new Finding(ruleId, newSeverity, location, message, hint, excerpt, acknowledgement, fingerprint, runScope);
    }

    /** The same finding at another location, e.g. its path seen from another directory. */
    public Finding at(Location newLocation) {
        return new Finding(ruleId, severity, newLocation, message, hint, excerpt, acknowledgement, fingerprint, runScope);
    }

    public Finding withMessage(String newMessage) {
        return new Finding(ruleId, severity, location, newMessage, hint, excerpt, acknowledgement, fingerprint, runScope);
    }

    public Finding acknowledged(Acknowledgement by) {
        return new Finding(ruleId, severity, location, message, hint, excerpt, by, fingerprint, runScope);
    }

    public Finding withFingerprint(String newFingerprint) {
        return new Finding(ruleId, severity, location, message, hint, excerpt, acknowledgement, newFingerprint, runScope);
    }

    /** The same finding, made by a statement of the run {@code scope}. */
    public Finding inRun(String scope) {
        return new Finding(ruleId, severity, location, message, hint, excerpt, acknowledgement, fingerprint, scope);
    }

    // Written out, as Location's are: findings are kept in sets and maps on every run, and the generated methods
    // cost a JVM that has not warmed up a method handle chain each.
    @Override
    public boolean equals(Object other) {
        return other instanceof Finding that && Objects.equals(ruleId, that.ruleId) && severity == that.severity
                && Objects.equals(location, that.location) && Objects.equals(message, that.message)
                && hint.equals(that.hint) && excerpt.equals(that.excerpt)
                && Objects.equals(acknowledgement, that.acknowledgement) && fingerprint.equals(that.fingerprint);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hashCode(ruleId);
        hash = hash * 31 + (severity == null ? 0 : severity.ordinal() + 1);
        hash = hash * 31 + Objects.hashCode(location);
        hash = hash * 31 + Objects.hashCode(message);
        hash = hash * 31 + hint.hashCode();
        hash = hash * 31 + excerpt.hashCode();
        hash = hash * 31 + Objects.hashCode(acknowledgement);
        return hash * 31 + fingerprint.hashCode();
    }

    @Override
    public int compareTo(Finding other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : ruleId.compareTo(other.ruleId);
    }
}
