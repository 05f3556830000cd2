package io.github.sqlguard.model;

/** How much a finding matters; the build fails when a finding reaches the configured level. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
