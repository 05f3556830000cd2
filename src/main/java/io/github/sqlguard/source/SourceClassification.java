package io.github.sqlguard.source;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SourceClassifier} decided a file is.
 *
 * @param kind the kind of file
 * @param flywayName the parsed name for the Flyway kinds; empty otherwise
 */
public record SourceClassification(SourceKind kind, Optional<FlywayScriptName> flywayName) {

    public SourceClassification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flywayName, "flywayName");
        if (flywayName.isPresent() != kind.isFlyway()) {
            throw new IllegalArgumentException("a Flyway name goes with exactly the Flyway kinds, not with " + kind);
        }
    }

    /** A classification without a Flyway name. */
    public static SourceClassification of(SourceKind kind) {
        return new SourceClassification(kind, Optional.empty());
    }

    /** The version of a Flyway versioned or undo script. */
    public Optional<FlywayVersion> flywayVersion() {
        return flywayName.flatMap(FlywayScriptName::version);
    }
}
