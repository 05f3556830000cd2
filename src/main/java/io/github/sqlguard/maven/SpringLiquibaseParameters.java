package io.github.sqlguard.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changelog parameters a Spring Boot application gives Liquibase: {@code spring.liquibase.parameters.name}
 * in {@code application.properties} or {@code .yml}. Spring Boot sets them before Liquibase reads the changelog,
 * so they win over its {@code <property>} values, and a WHERE built from one is what runs.
 */
final class SpringLiquibaseParameters {

    private static final String PREFIX = "spring.liquibase.parameters.";

    private SpringLiquibaseParameters() {
    }

    /**
     * The parameters set in the application files of the resource folders; where profiles or files set a name
     * differently, the first value (the default document of the first file) stands. Files that cannot be read
     * are left out here: the Spring Boot Flyway settings reader already warns about them.
     */
    static Map<String, String> in(List<Path> resourceFolders) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Path folder : resourceFolders) {
            for (Path file : SpringFlywaySettings.applicationFiles(folder)) {
                try {
                    for (Map<String, String> document : SpringFlywaySettings.documents(file)) {
                        document.forEach((key, value) -> {
                            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                                parameters.putIfAbsent(key.substring(PREFIX.length()), value);
                            }
                        });
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // Reported once, by SpringFlywaySettings, for every application file it cannot read.
                }
            }
        }
        return parameters;
    }
}
