package io.github.sqlguard.source;

import java.util.Objects;
import java.util.Optional;

/**
 * What a Flyway script's file name says about it.
 *
 * @param kind {@link SourceKind#FLYWAY_VERSIONED}, {@link SourceKind#FLYWAY_UNDO},
 *     {@link SourceKind#FLYWAY_REPEATABLE} or {@link SourceKind#FLYWAY_BASELINE}
 * @param version the version of a versioned, undo or baseline script; empty for a repeatable one
 * @param description the description with underscores shown as spaces, as Flyway shows it
 */
public record FlywayScriptName(SourceKind kind, Optional<FlywayVersion> version, String description) {

    public FlywayScriptName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        if (!kind.isFlyway()) {
            throw new IllegalArgumentException("not a Flyway kind: " + kind);
        }
        if (version.isPresent() == (kind == SourceKind.FLYWAY_REPEATABLE)) {
            throw new IllegalArgumentException(kind + " scripts " + (version.isPresent() ? "have no" : "need a") + " version");
        }
    }
}
