package io.github.sqlguard.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changelogs a Spring Boot application runs: {@code spring.liquibase.change-log} in {@code application.properties}
 * or {@code .yml}, every profile's value, since each runs on some deployment. Spring Boot reads a plain path and a
 * {@code classpath:} one from the classpath, a {@code file:} one from the folder the application starts in.
 */
final class SpringLiquibaseChangelogs {

    /** The key as Spring Boot's relaxed binding accepts it. */
    private static final List<String> KEYS = List.of("spring.liquibase.change-log", "spring.liquibase.changeLog",
            "spring.liquibase.change_log", "spring.liquibase.changelog");

    private SpringLiquibaseChangelogs() {
    }

    /**
     * A changelog an application file names.
     *
     * @param changelog the value as written ({@code classpath:db/changelog/master.yaml}, {@code file:liquibase/x.xml})
     * @param namedIn the application file that names it
     */
    record Named(String changelog, Path namedIn) {

        /** The path without Spring's prefix. */
        String path() {
            String value = changelog.strip();
            return value.startsWith("file:") ? value.substring("file:".length())
                    : value.startsWith("classpath:") ? value.substring("classpath:".length()) : value;
        }

        /** True for a changelog Spring Boot looks up on the classpath: one without {@code file:}. */
        boolean onClasspath() {
            return !changelog.strip().startsWith("file:");
        }
    }

    /**
     * Every changelog the application files of the resource folders name, once each, in the order met. Files that
     * cannot be read are left out here: the Spring Boot Flyway settings reader already warns about them.
     */
    static List<Named> in(List<Path> resourceFolders) {
        Map<String, Named> named = new LinkedHashMap<>();
        for (Path folder : resourceFolders) {
            for (Path file : SpringFlywaySettings.applicationFiles(folder)) {
                try {
                    for (Map<String, String> document : SpringFlywaySettings.documents(file)) {
                        for (String key : KEYS) {
                            String value = document.get(key);
                            if (value != null && !value.isBlank()) {
                                named.putIfAbsent(value.strip(), new Named(value.strip(), file));
                            }
                        }
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // Reported once, by SpringFlywaySettings, for every application file it cannot read.
                }
            }
        }
        return new ArrayList<>(named.values());
    }
}
