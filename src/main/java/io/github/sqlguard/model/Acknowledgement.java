package io.github.sqlguard.model;

/**
 * Why a finding does not fail the build although its severity would: somebody said "on purpose".
 *
 * @param source where the acknowledgement was made
 * @param reason the recorded reason, never blank
 * @param where the location of the acknowledging comment, pom entry or baseline file, as text
 */
public record Acknowledgement(Source source, String reason, String where) {

    /** The places a finding can be acknowledged. */
    public enum Source { INLINE_COMMENT, POM_SUPPRESSION, BASELINE }
}
