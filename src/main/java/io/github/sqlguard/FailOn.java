package io.github.sqlguard;

import io.github.sqlguard.model.Severity;
import java.util.Optional;

/** The {@code failOn} threshold: the least severe finding that fails the build, or none. */
public final class FailOn {

    private FailOn() {
    }

    /**
     * Reads {@code ERROR}, {@code WARNING}, {@code INFO} or {@code NONE} (ignoring case).
     *
     * @return the threshold, or empty for {@code NONE} (report, never fail)
     * @throws IllegalArgumentException naming the valid values
     */
    public static Optional<Severity> fromConfig(String value) {
        String wanted = value == null ? "" : value.trim();
        if (wanted.equalsIgnoreCase("NONE")) {
            return Optional.empty();
        }
        for (Severity severity : Severity.values()) {
            if (severity.name().equalsIgnoreCase(wanted)) {
                return Optional.of(severity);
            }
        }
        throw new IllegalArgumentException(
                "Unknown failOn value '" + value + "'; valid values are: ERROR, WARNING, INFO, NONE");
    }
}
