package io.github.sqlguard.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Flyway migration version, compared as Flyway compares them: numerically part by part, so
 * {@code 1.10 > 1.9}; trailing zero parts do not count, so {@code 2 = 2.0 = 2.0.0}; {@code _} is read as
 * {@code .} ({@code 1_1 = 1.1}); leading zeros do not count ({@code 1.01 = 1.1}); parts of any size.
 * {@code equals} and {@code hashCode} agree with {@code compareTo}.
 */
public final class FlywayVersion implements Comparable<FlywayVersion> {

    private final String text;
    // Trailing zero parts removed, so equal versions have equal lists.
    private final List<BigInteger> parts;

    private FlywayVersion(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses a version such as {@code 1.2.3} or {@code 1_2}.
     *
     * @throws IllegalArgumentException when {@code version} is empty or holds anything but digits
     *     separated by single dots or underscores
     */
    public static FlywayVersion parse(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("Flyway version is empty; expected digits separated by dots, e.g. 1.2");
        }
        String dotted = version.trim().replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String part : dotted.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("Invalid Flyway version '" + version
                        + "': a version holds only digits separated by single dots or underscores, e.g. 1.2 or 1_2");
            }
            parts.add(new BigInteger(part));
        }
        int length = parts.size();
        while (length > 0 && parts.get(length - 1).signum() == 0) {
            length--;
        }
        return new FlywayVersion(dotted, List.copyOf(parts.subList(0, length)));
    }

    @Override
    public int compareTo(FlywayVersion other) {
        int common = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < common; i++) {
            int byPart = parts.get(i).compareTo(other.parts.get(i));
            if (byPart != 0) {
                return byPart;
            }
        }
        // Without trailing zeros, a longer version has a non-zero part beyond the common ones.
        return Integer.compare(parts.size(), other.parts.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlywayVersion version && parts.equals(version.parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts);
    }

    /** The version as written, with underscores shown as dots (e.g. {@code 1.2} for {@code 1_2}). */
    @Override
    public String toString() {
        return text;
    }
}
