package io.github.sqlguard.maven;

import java.nio.file.Path;
import java.util.Map;

/**
 * Flyway settings written in a file beside the code rather than in the pom, as {@code flyway.*} names
 * ({@code flyway.locations}, {@code flyway.sqlMigrationPrefix}, {@code flyway.placeholders.schema}): one
 * document or section of a Spring Boot {@code application.properties} or {@code .yml}, a {@code flyway.conf}
 * or a {@code flyway.toml}.
 */
record FlywaySettingsSource(Path file, Map<String, String> settings) {

    FlywaySettingsSource {
        settings = Map.copyOf(settings);
    }
}
