package io.github.sqlguard;

import io.github.sqlguard.model.Location;

/**
 * A pom-level acknowledgement: findings of {@code rule} in files matching {@code files} are deliberate.
 *
 * @param rule one rule id, or several separated by commas, as in an inline comment
 * @param files an Ant-style glob over paths relative to the project, a scanned directory or a Flyway
 *     location (see {@link io.github.sqlguard.source.GlobAnchors}); null means every file
 * @param declaredAt where the {@code <suppression>} element stands, relative to the base directory
 *     ({@code pom.xml:1:1} when unknown), so a warning about it points there
 */
public record SuppressionConfig(String rule, String files, String reason, Location declaredAt) {

    /** Where a suppression points when its element was not found in a pom. */
    public static final Location UNKNOWN_PLACE = new Location("pom.xml", 1, 1);

    public SuppressionConfig {
        declaredAt = declaredAt == null ? UNKNOWN_PLACE : declaredAt;
    }

    public SuppressionConfig(String rule, String files, String reason) {
        this(rule, files, reason, UNKNOWN_PLACE);
    }
}
