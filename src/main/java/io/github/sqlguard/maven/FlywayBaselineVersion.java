package io.github.sqlguard.maven;

import io.github.sqlguard.source.FlywayVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Flyway's {@code baselineVersion} as the project's settings give it. The scripts up to it run only on an empty
 * schema, so of several values (the pom, a Spring Boot profile, {@code flyway.conf}) the lowest is taken: a deploy
 * may use any of them. A value that is no version (a placeholder filled only at deploy) is kept as written, and then
 * no script counts as running only on an empty schema.
 */
final class FlywayBaselineVersion {

    private static final String PROPERTY = "flyway.baselineVersion";

    private FlywayBaselineVersion() {
    }

    static Optional<String> of(List<Xpp3Dom> configurations, Map<String, String> overrides,
            List<FlywaySettingsSource> files) {
        List<String> named = new ArrayList<>();
        add(named, overrides.get(PROPERTY));
        for (Xpp3Dom configuration : configurations) {
            Xpp3Dom value = configuration.getChild("baselineVersion");
            add(named, value == null ? null : value.getValue());
        }
        files.forEach(file -> add(named, file.settings().get(PROPERTY)));
        Optional<String> lowest = Optional.empty();
        for (String value : named) {
            Optional<FlywayVersion> version = versionOf(value);
            if (version.isEmpty()) {
                return Optional.of(value);
            }
            if (lowest.isEmpty() || version.get().compareTo(versionOf(lowest.get()).orElseThrow()) < 0) {
                lowest = Optional.of(value);
            }
        }
        return lowest;
    }

    private static void add(List<String> named, String value) {
        if (value != null && !value.isBlank()) {
            named.add(value.strip());
        }
    }

    private static Optional<FlywayVersion> versionOf(String value) {
        try {
            return Optional.of(FlywayVersion.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
