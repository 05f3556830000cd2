package io.github.sqlguard;

/**
 * A pom-level acknowledgement: findings of {@code rule} in files matching {@code files} are deliberate.
 *
 * @param files an Ant-style glob over paths relative to the base directory; null means every file
 */
public record SuppressionConfig(String rule, String files, String reason) {
}
